import { nameSpells, namesIn } from './acronyms';
import type { GlossaryEntry, GlossaryMatch } from './glossary';
import { docRange, type PreparedDocument } from './document';

/**
 * What the draft itself defines: acronyms it spells out ("Support Read Only (SRO)", "MFA, or
 * multi-factor authentication,", "RTO: recovery time objective") and where the spelled-out words
 * stand. Once a draft defines a term, neither term rule flags it again, and the spelled-out words
 * are never jargon (issue 11).
 */
export interface DraftDefinitions {
  /** Acronyms spelled out somewhere in the draft, with the document offset of the first definition. */
  acronyms: Map<string, number>;
  /** Glossary entries those acronyms stand for. */
  entries: Set<GlossaryEntry>;
  /**
   * Glossary terms the draft explains where it uses them ("a hardware token (a key fob that
   * shows a code)", "this is called pump integration, or IV interoperability", "Hypercare: the
   * first two weeks ..."): neither term rule flags them in this draft.
   */
  explained: Set<GlossaryEntry>;
  /** True when a document range lies inside spelled-out words. */
  insideExpansion(start: number, end: number): boolean;
  /**
   * Document offset of the first name whose initials the acronym is, such as "Department of
   * Veterans Affairs" for VA: from there on, the acronym needs no spelling out.
   */
  namedAt(acronym: string): number | undefined;
}

const cache = new WeakMap<PreparedDocument, DraftDefinitions>();

export function draftDefinitions(doc: PreparedDocument): DraftDefinitions {
  const cached = cache.get(doc);
  if (cached) return cached;
  const acronyms = new Map<string, number>();
  const entries = new Set<GlossaryEntry>();
  const explained = new Set<GlossaryEntry>();
  const spans: { start: number; end: number }[] = [];
  for (const block of doc.blocks) {
    for (const use of block.analysis.acronyms) {
      if (!use.spelledOut || !use.expansion) continue;
      const at = docRange(block, use.start, use.end).start;
      if (!acronyms.has(use.acronym)) acronyms.set(use.acronym, at);
      const entry = doc.glossary.lookupAcronym(use.acronym);
      if (entry) entries.add(entry);
      spans.push(docRange(block, use.expansion.start, use.expansion.end));
    }
  }
  for (const block of doc.blocks) {
    for (const entry of explainedTerms(block.analysis.text, block.analysis.glossary)) explained.add(entry);
  }
  // A name that is itself the spelling-out of an acronym ("WQZ (Warehouse Query Zone)") is a
  // definition, which the rules treat as such (a use before it is told to move it up).
  const covers = coverage(spans);
  const named = new Map<string, number | undefined>();
  const result: DraftDefinitions = {
    acronyms,
    entries,
    explained,
    insideExpansion: (start, end) => covers.contains(start, end),
    namedAt(acronym) {
      if (!named.has(acronym)) named.set(acronym, firstNameSpelling(doc, acronym, covers));
      return named.get(acronym);
    },
  };
  cache.set(doc, result);
  return result;
}

/** The names in a block's prose, per analysis: a re-check finds them again for the blocks it did not change. */
const namesCache = new WeakMap<PreparedDocument['blocks'][number]['analysis'], ReturnType<typeof namesIn>>();

function namesOf(analysis: PreparedDocument['blocks'][number]['analysis']): ReturnType<typeof namesIn> {
  let found = namesCache.get(analysis);
  if (!found) namesCache.set(analysis, (found = namesIn(analysis.text)));
  return found;
}

/**
 * Document offset of the first name, outside every spelled-out expansion, whose initials spell
 * the acronym. Which names of a block spell an acronym is kept per block analysis, so that a
 * re-check tests only the blocks it did not see before.
 */
function firstNameSpelling(doc: PreparedDocument, acronym: string, covers: ReturnType<typeof coverage>): number | undefined {
  for (const block of doc.blocks) {
    const names = namesOf(block.analysis);
    if (!names.length) continue;
    let byAcronym = spellers.get(block.analysis);
    if (!byAcronym) spellers.set(block.analysis, (byAcronym = new Map()));
    let which = byAcronym.get(acronym);
    if (!which) {
      which = [];
      for (let i = 0; i < names.length; i++) if (nameSpells(names[i].text, acronym)) which.push(i);
      byAcronym.set(acronym, which);
    }
    for (const i of which) {
      const n = names[i];
      const range = docRange(block, n.start, n.start + n.text.length);
      if (!covers.overlaps(range.start, range.end)) return range.start;
    }
  }
  return undefined;
}

const spellers = new WeakMap<PreparedDocument['blocks'][number]['analysis'], Map<string, number[]>>();

/**
 * Containment and overlap tests against a set of ranges in logarithmic time (spans sorted by
 * start, with the running maximum of their ends): a long draft with many definitions stays linear.
 */
function coverage(spans: { start: number; end: number }[]) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const s of sorted) maxEnd.push(Math.max(s.end, maxEnd.length ? maxEnd[maxEnd.length - 1] : -Infinity));
  /** How many spans start at or before `at` (`strict`: before it). */
  const upTo = (at: number, strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? sorted[mid].start < at : sorted[mid].start <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    /** Some span has start <= start and end <= its end. */
    contains(start: number, end: number): boolean {
      const n = upTo(start, false);
      return n > 0 && maxEnd[n - 1] >= end;
    },
    /** Some span has start < end and start < its end. */
    overlaps(start: number, end: number): boolean {
      const n = upTo(end, true);
      return n > 0 && maxEnd[n - 1] > start;
    },
  };
}

// "called pump integration", "known as hypercare", "what we call the cutover";
// "called pump integration, or IV interoperability": the second name of the same thing.
const NAMED_BEFORE = /\b(?:called|known as|referred to as|what we call|we call it)\s+(?:[^.,;:()\n]{1,40},?\s+or\s+)?(?:the\s+|an?\s+)?["“‘']?(?:[\p{L}\p{N}-]+\s+){0,2}$/iu;
// "(a key fob that shows a code)", "(the first weeks after go-live)", "(small fixes and training)":
// a parenthesis of two words or more that starts in lower case explains; "(ASC)" or "(Rhapsody)" names.
const EXPLAINED_AFTER = [
  /^["”’']?\s*\(\s*[a-z][^()\n]*\s[^()\n]*\)/,
  /^["”’']?,?\s+(?:which|that)\s+(?:means|is|are)\s/i,
  /^["”’']?\s+(?:means|is short for|stands for)\s/i,
  /^["”’']?\s*(?::|—|–|\s-)\s+(?:a|an|the)\s/i,
];

/**
 * The glossary terms a block explains where it uses them: named after "called" or "known as",
 * followed by an explanation in parentheses or by "which means", or joined by ", or" to a term
 * explained so ("pump integration, or IV interoperability"). A reader told what a term means
 * there does not stumble on it (issue 11).
 */
export function explainedTerms(text: string, matches: readonly GlossaryMatch[]): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  let last: GlossaryMatch | undefined;
  let lastExplained = false;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const after = text.slice(m.end, m.end + 200);
    const chained = last !== undefined && /^["”’']?,?\s+or\s+["“‘']?$/.test(text.slice(last.end, m.start));
    const explained: boolean = NAMED_BEFORE.test(before) || EXPLAINED_AFTER.some((re) => re.test(after)) || (chained && lastExplained);
    if (explained) {
      out.push(m.entry);
      // "pump integration, or IV interoperability" explained after the second: the first is too.
      if (chained && last && !lastExplained) out.push(last.entry);
    }
    last = m;
    lastExplained = explained;
  }
  return out;
}

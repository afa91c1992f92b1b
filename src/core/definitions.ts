import { nameSpells, namesIn } from './acronyms';
import type { GlossaryEntry } from './glossary';
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
  // A name that is itself the spelling-out of an acronym ("WQZ (Warehouse Query Zone)") is a
  // definition, which the rules treat as such (a use before it is told to move it up).
  const covers = coverage(spans);
  const named = new Map<string, number | undefined>();
  const result: DraftDefinitions = {
    acronyms,
    entries,
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

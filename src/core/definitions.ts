import { nameSpells, namesIn } from './acronyms';
import type { GlossaryEntry, GlossaryMatch } from './glossary';
import { docRange, type PreparedDocument } from './document';
import { runSteps, type Steps } from './steps';
import { partitionPoint } from './sorted-search';

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
  /** `namedAt` in steps: the first look for an acronym may read every block of a long draft. */
  namedAtSteps(acronym: string): Steps<number | undefined>;
}

const cache = new WeakMap<PreparedDocument, DraftDefinitions>();

export function draftDefinitions(doc: PreparedDocument): DraftDefinitions {
  return runSteps(draftDefinitionsSteps(doc));
}

/** `draftDefinitions` in steps, a yield every few hundred blocks, for the rules that run in steps (src/core/steps.ts). */
export function* draftDefinitionsSteps(doc: PreparedDocument): Steps<DraftDefinitions> {
  const cached = cache.get(doc);
  if (cached) return cached;
  const acronyms = new Map<string, number>();
  const entries = new Set<GlossaryEntry>();
  const explained = new Set<GlossaryEntry>();
  const spans: { start: number; end: number }[] = [];
  let n = 0;
  for (const block of doc.blocks) {
    if ((++n & 255) === 0) yield;
    for (const use of block.analysis.acronyms) {
      if (!use.spelledOut || !use.expansion) continue;
      const at = docRange(block, use.start, use.end).start;
      if (!acronyms.has(use.acronym)) acronyms.set(use.acronym, at);
      const entry = doc.glossary.lookupAcronym(use.acronym);
      if (entry) entries.add(entry);
      spans.push(docRange(block, use.expansion.start, use.expansion.end));
    }
  }
  let glossarySection = false;
  for (const block of doc.blocks) {
    if ((++n & 255) === 0) yield;
    if (block.analysis.kind === 'heading') glossarySection = GLOSSARY_HEADING.test(block.analysis.text);
    for (const entry of blockExplains(doc, block, glossarySection && block.analysis.kind !== 'heading')) explained.add(entry);
  }
  yield;
  for (const entry of tableExplains(doc)) explained.add(entry);
  yield;
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
      return runSteps(result.namedAtSteps(acronym));
    },
    *namedAtSteps(acronym) {
      if (!named.has(acronym)) named.set(acronym, yield* firstNameSpelling(doc, acronym, covers));
      return named.get(acronym);
    },
  };
  cache.set(doc, result);
  return result;
}

/**
 * A heading over a list of terms and their meanings: "Words in this letter", "Glossary", "Key
 * terms", "What these words mean", "Acronyms".
 */
const GLOSSARY_HEADING = /\b(?:glossary|(?:key |important )?terms|words (?:in|we use|used|to know)|definitions|acronyms|abbreviations|what (?:these|the|this|it) (?:words? |terms? )?means?)\b/i;

/**
 * What one block explains: the terms as the draft matched them, and weak terms matched without
 * their context words where a strong cue explains them ("This is called number matching.").
 * Kept per block analysis and glossary, so that a re-check reads only the blocks it did not see.
 */
const explainsCache = new WeakMap<object, WeakMap<PreparedDocument['blocks'][number]['analysis'], { item: boolean; entries: GlossaryEntry[] }>>();

function blockExplains(doc: PreparedDocument, block: PreparedDocument['blocks'][number], glossaryItem: boolean): GlossaryEntry[] {
  let byAnalysis = explainsCache.get(doc.glossary);
  if (!byAnalysis) explainsCache.set(doc.glossary, (byAnalysis = new WeakMap()));
  const cached = byAnalysis.get(block.analysis);
  if (cached && cached.item === glossaryItem) return cached.entries;
  const { text, glossary: matches, tokens } = block.analysis;
  const entries = explainedTerms(text, matches, { glossaryItem });
  // Weak forms are matched again without their context only where a cue could explain them.
  if (CUE.test(text) || glossaryItem) {
    const seen = new Set(matches.map((m) => `${m.start}:${m.end}:${m.entry.term}`));
    const loose = doc.glossary.match(text, tokens, { anyContext: true }).filter((m) => !seen.has(`${m.start}:${m.end}:${m.entry.term}`));
    if (loose.length) entries.push(...explainedTerms(text, loose, { glossaryItem, strongOnly: true }));
  }
  byAnalysis.set(block.analysis, { item: glossaryItem, entries });
  return entries;
}

const CUE = /called|known as|referred to as|we call|means|stands for|short for|[(:—–]|\s-\s/i;

/**
 * Terms a table explains: a table whose header names terms and meanings ("| Term | What it means |")
 * explains the term that fills the first cell of a row when the next cell says something about it.
 */
function tableExplains(doc: PreparedDocument): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const chunk of doc.chunks) {
    for (const table of chunk.analysis.tables) {
      const [header, ...rows] = table.rows;
      if (!header || header.cells.length < 2) continue;
      const first = header.cells[0].text.replace(/[*_`]/g, '').trim();
      const second = header.cells[1].text.replace(/[*_`]/g, '').trim();
      if (!TERM_COLUMN.test(first) && !MEANING_COLUMN.test(second)) continue;
      for (const row of rows) {
        if (row.cells.length < 2 || !/\p{L}+\s+\p{L}+/u.test(row.cells[1].text)) continue;
        const cell = row.cells[0];
        const words = cell.text.replace(/[*_`"“”]/g, '').trim();
        if (!words) continue;
        for (const m of doc.glossary.match(words, undefined, { anyContext: true })) {
          // The term is the whole cell ("Coinsurance", "**Fraud alert**"), not a word in a longer one.
          if (m.start === 0 && m.end >= words.replace(/[\s.:]+$/, '').length) out.push(m.entry);
        }
      }
    }
  }
  return out;
}

const TERM_COLUMN = /^(?:terms?|words?|acronyms?|abbreviations?|you may see|what you may see|name)$/i;
const MEANING_COLUMN = /\b(?:means?|meaning|definition|stands for|what it is|in plain (?:words|language|english))\b/i;

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
function* firstNameSpelling(doc: PreparedDocument, acronym: string, covers: ReturnType<typeof coverage>): Steps<number | undefined> {
  let n = 0;
  for (const block of doc.blocks) {
    if ((++n & 255) === 0) yield;
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
  const upTo = (at: number, strict: boolean) => partitionPoint(sorted.length, strict ? (i) => sorted[i].start < at : (i) => sorted[i].start <= at);
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

// "called pump integration", "known as hypercare", "what we call the cutover", "called a fraud alert";
// "called pump integration, or IV interoperability": the second name of the same thing.
const NAMED_BEFORE = /\b(?:called|known as|referred to as|what we call|we call it)\s+(?:[^.,;:()\n]{1,40},?\s+or\s+)?(?:the\s+|an?\s+)?["“‘']?(?:[\p{L}\p{N}-]+\s+){0,2}$/iu;
// Closing quotes or emphasis between a term and what explains it ("**Credit freeze** — ...").
const CLOSE = `["”’'*_]*`;
/** Cues that explain whatever term stands before them, strong enough for a weak term without its context words. */
const EXPLAINED_AFTER_STRONG = [
  // "(a key fob that shows a code)", "(the first weeks after go-live)", "(small fixes and training)":
  // a parenthesis of two words or more that starts in lower case explains; "(ASC)" or "(Rhapsody)" names.
  new RegExp(`^${CLOSE}\\s*\\(\\s*[a-z][^()\\n]*\\s[^()\\n]*\\)`),
  new RegExp(`^${CLOSE}\\s+(?:means|is short for|stands for)\\s`, 'i'),
  // "Hypercare: the first two weeks", "a credit freeze — a free block", "coinsurance—the share you pay",
  // "a fraud alert – which tells lenders to check": a dash or colon, then a noun phrase or a clause.
  new RegExp(`^${CLOSE}\\s*(?::|\\s-)\\s+(?:a|an|the)\\s`, 'i'),
  new RegExp(`^${CLOSE}\\s*[—–]\\s*(?:a|an|the|which|that|meaning|or)\\s`, 'i'),
];
/** Cues that explain a term only when the draft matched it in its own right (a weak term near its context). */
const EXPLAINED_AFTER = [
  ...EXPLAINED_AFTER_STRONG,
  new RegExp(`^${CLOSE},?\\s+(?:which|that)\\s+(?:means|is|are)\\s`, 'i'),
];
// "A credit freeze, which blocks new credit in your name, is free": a term of no particular
// instance (after "a" or "an") with a clause about it is being explained; "the interface, which
// failed last night," is not.
const GENERIC_BEFORE = /(?:^|\s)(?:a|an)\s+["“‘'*_]*$/i;
const CLAUSE_AFTER = new RegExp(`^${CLOSE},\\s+(?:which|that|who)\\s+\\p{L}`, 'iu');
// "A fraud alert is a note on your credit file": a term after "a"/"an" said to be something. Not
// at a sentence start alone: "Alert fatigue is a safety risk" says something about a term it
// does not explain.
// "- **Credit freeze** — blocks new credit", "- Proxy access: lets a family member see your record".
const ITEM_AFTER = new RegExp(`^${CLOSE}\\s*(?::|[—–]|\\s-)\\s*\\p{L}`, 'u');
const IS_A_AFTER = new RegExp(`^${CLOSE}\\s+(?:is|are)\\s+(?:a|an|when|what|how|where)\\s`, 'i');

export interface ExplainOptions {
  /** The block is an item of a glossary (a list under a heading such as "Words in this letter"): "Term — meaning" or "Term: meaning" at its start explains the term. */
  glossaryItem?: boolean;
  /** Only the strong cues (for weak terms matched without their context words). */
  strongOnly?: boolean;
}

/**
 * The glossary terms a block explains where it uses them: named after "called" or "known as",
 * followed by an explanation in parentheses, after a dash or colon, or by "which means", said to
 * be something after "a" or "an" ("A fraud alert is a note ..."), given a clause after "a"/"an" ("A credit freeze,
 * which ..., "), or joined by ", or" to a term explained so ("pump integration, or IV
 * interoperability"). A reader told what a term means there does not stumble on it (issue 11).
 */
export function explainedTerms(text: string, matches: readonly GlossaryMatch[], options: ExplainOptions = {}): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  let last: GlossaryMatch | undefined;
  let lastExplained = false;
  const after = options.strongOnly ? EXPLAINED_AFTER_STRONG : EXPLAINED_AFTER;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const rest = text.slice(m.end, m.end + 200);
    const chained = last !== undefined && /^["”’']?,?\s+or\s+["“‘']?$/.test(text.slice(last.end, m.start));
    const atHead = /^[\s"“‘'*_]*$/.test(text.slice(0, m.start));
    const explained: boolean = NAMED_BEFORE.test(before)
      || after.some((re) => re.test(rest))
      || (!options.strongOnly && GENERIC_BEFORE.test(before) && CLAUSE_AFTER.test(rest))
      || (!options.strongOnly && GENERIC_BEFORE.test(before) && IS_A_AFTER.test(rest))
      || (options.glossaryItem === true && atHead && ITEM_AFTER.test(rest))
      || (chained && lastExplained);
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

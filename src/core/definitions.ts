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
  const names = doc.blocks
    .flatMap((block) => namesIn(block.analysis.text).map((n) => ({ text: n.text, ...docRange(block, n.start, n.start + n.text.length) })))
    .filter((n) => !spans.some((s) => s.start < n.end && n.start < s.end));
  const named = new Map<string, number | undefined>();
  const result: DraftDefinitions = {
    acronyms,
    entries,
    insideExpansion: (start, end) => spans.some((s) => s.start <= start && end <= s.end),
    namedAt(acronym) {
      if (!named.has(acronym)) named.set(acronym, names.find((n) => nameSpells(n.text, acronym))?.start);
      return named.get(acronym);
    },
  };
  cache.set(doc, result);
  return result;
}

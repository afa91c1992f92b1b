import { followsPersonName } from './acronyms';
import type { DraftDefinitions } from './definitions';
import { docRange, isAllowed, type PlacedBlock, type PreparedDocument } from './document';
import type { GlossaryMatch } from './glossary';

/**
 * Which uses of a glossary term the jargon rule (src/rules/jargon.ts) flags. Here, in the core,
 * so that undefined-acronym (src/rules/undefined-acronym.ts) can leave an acronym inside a flagged
 * term to it without importing another rule.
 */

/**
 * Whether jargon looks at a use at all: not where the draft defines or explains the term,
 * inside a definition's spelled-out words, where a comment turns the rule off, or in a job title
 * after a person's name ("Karen D. Walsh, Chief Privacy Officer" names the person).
 */
export function considered(doc: PreparedDocument, block: PlacedBlock, match: GlossaryMatch, defined: DraftDefinitions): boolean {
  if (defined.entries.has(match.entry) || defined.explained.has(match.entry)) return false;
  const range = docRange(block, match.start, match.end);
  if (defined.insideExpansion(range.start, range.end) || doc.isSuppressed?.('jargon', range.start)) return false;
  return !(/^[A-Z]/.test(match.text) && /\s/.test(match.text) && followsPersonName(block.analysis.text, match.start));
}

/**
 * True when jargon flags this use (its first use in the audience section, or a later one that
 * the first use's finding stands for). undefined-acronym leaves an acronym inside such a term to
 * it ("TLS certificate" is one finding, not two at one place): the term's fix rewords both.
 */
export function jargonFlags(doc: PreparedDocument, block: PlacedBlock, match: GlossaryMatch, defined: DraftDefinitions): boolean {
  return doc.enabled.has('jargon') && considered(doc, block, match, defined) && isFlagged(block, match, doc);
}

/** True when this use of a term would be flagged for the audience where it stands. */
export function isFlagged(block: PlacedBlock, match: GlossaryMatch, doc: PreparedDocument): boolean {
  const entry = match.entry;
  if (isAllowed(doc, entry.term, match.text)) return false;
  if (!entry.banned && isLawName(match.text)) return false;
  return entry.banned || block.audience.some((a) => !entry.familiarTo.includes(a));
}

/**
 * "the 21st Century Cures Act", "the No Surprises Act": a law named in full says what it is, a
 * law, and a reader need not know what it says to read the sentence (the sentence tells them what
 * matters). Its initials (HIPAA, EMTALA) and bare short names (HITECH) are still the glossary's.
 */
function isLawName(text: string): boolean {
  return /^\S+\s[\s\S]*\bAct(?:['’]s)?$/u.test(text);
}

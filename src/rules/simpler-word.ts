import { blockRange, type PlacedBlock, type RawFinding, type Rule } from '../core/document';
import type { Glossary } from '../core/glossary';
import { atSentenceStart, capitalise } from './wording';

/** Wordy phrases with simpler wording, from retext-simplify (the plainlanguage.gov list). */
export const simplerWord: Rule = {
  id: 'simpler-word',
  title: 'Simpler word',
  description: 'A wordy or formal phrase with a simpler alternative (plainlanguage.gov).',
  defaultSeverity: 'info',
  checkBlock(block, doc) {
    const findings: RawFinding[] = [];
    const recommended = recommendedWording(doc.glossary);
    for (const hit of block.analysis.simplify) {
      // "interface" or "component" mean something exact in health IT: the glossary speaks for them.
      if (block.analysis.glossary.some((g) => g.start < hit.end && hit.start < g.end)) continue;
      // "immediately (STAT)" spells out STAT: "at once (STAT)" would not, and the acronym rule would
      // spell it out again, for ever (fix-all never settled on such drafts).
      if (spellsOutAcronym(block, hit.end)) continue;
      // Wording the glossary itself gives as plain ("immediately" for STAT) is not wordy: jargon's
      // fix would write it and this rule undo it, and fix-all would not settle.
      if (recommended.includes(` ${hit.actual.toLowerCase().replace(/\s+/g, ' ')} `)) continue;
      const { start, end } = blockRange(block, hit.start, hit.end);
      // retext-simplify lists "remove" among the wordings of phrases that can simply go.
      const removable = hit.expected.length === 0 || hit.expected.includes('remove');
      const options = hit.expected.filter((e) => e && e !== 'remove');
      const upper = atSentenceStart(block.analysis.text, hit.start);
      findings.push({
        message: options.length
          ? `"${hit.actual}" is wordy: ${removable ? 'remove it or ' : ''}use ${options.map((o) => `"${o}"`).join(' or ')}.`
          : `"${hit.actual}" adds nothing: remove it.`,
        start,
        end,
        audience: block.audience,
        term: hit.actual,
        fixes: [
          ...options.map((o) => ({ title: `Replace with "${o}"`, kind: 'replace' as const, edits: [{ start, end, newText: upper ? capitalise(o) : o }] })),
          ...(removable ? [{ title: `Remove "${hit.actual}"`, kind: 'remove' as const, edits: [{ start, end: block.analysis.text[hit.end] === ' ' ? blockRange(block, hit.start, hit.end + 1).end : end, newText: '' }] }] : []),
        ],
      });
    }
    return findings;
  },
};

/** True when the prose at `end` goes on with "(ACRONYM)" for an acronym spelled out right there. */
function spellsOutAcronym(block: PlacedBlock, end: number): boolean {
  const text = block.analysis.text;
  const m = /^\s*\(\s*/.exec(text.slice(end, end + 8));
  if (!m) return false;
  const at = end + m[0].length;
  return block.analysis.acronyms.some((a) => a.start === at && a.spelledOut);
}

const wordingCache = new WeakMap<Glossary, string>();

/** Every plain wording the glossary gives, lower case, words apart, in one string to search. */
function recommendedWording(glossary: Glossary): string {
  let all = wordingCache.get(glossary);
  if (all === undefined) {
    const parts: string[] = [];
    for (const e of glossary.entries) parts.push(e.plain, ...Object.values(e.replace).filter((w): w is string => Boolean(w)));
    all = ` ${parts.filter(Boolean).join(' | ').toLowerCase().replace(/[^\p{L}\p{N}|]+/gu, ' ')} `;
    wordingCache.set(glossary, all);
  }
  return all;
}

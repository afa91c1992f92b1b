import { blockRange, type RawFinding, type Rule } from '../core/document';
import data from '../../data/words/redundant-acronyms.yaml';

/**
 * An acronym followed by a word its own letters already say: "PIN number" is "personal
 * identification number number" (guidance.md check 11; data/words/redundant-acronyms.yaml).
 * The fix drops the repeated word ("PIN numbers" becomes "PINs").
 */
interface Entry {
  acronym: string;
  expansion: string;
  words: string[];
}
const ENTRIES = (((data ?? {}) as { acronyms?: Entry[] }).acronyms ?? []).filter((e) => e?.acronym && e.words?.length);
const BY_ACRONYM = new Map(ENTRIES.map((e) => [e.acronym, e]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Acronyms match in capitals only ("OR room", never "or room"); the word in any case.
const PATTERN = ENTRIES.length
  ? new RegExp(`(?<![\\p{L}\\p{N}])(${ENTRIES.map((e) => escape(e.acronym)).join('|')})([-\\s])(\\p{L}[\\p{L}-]*)(?![\\p{L}\\p{N}])`, 'gu')
  : undefined;

export const redundantAcronym: Rule = {
  id: 'redundant-acronym',
  title: 'Redundant acronyms',
  description: 'An acronym followed by a word it already stands for ("PIN number", "EHR record").',
  defaultSeverity: 'info',
  checkBlock(block) {
    if (!PATTERN) return [];
    const text = block.analysis.text;
    const findings: RawFinding[] = [];
    PATTERN.lastIndex = 0;
    for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
      const entry = BY_ACRONYM.get(m[1]);
      const word = m[3];
      if (!entry || !entry.words.some((w) => w.toLowerCase() === word.toLowerCase())) {
        // Let the next acronym start inside this match ("the OR ED department" is rare, but cheap to allow).
        PATTERN.lastIndex = m.index + m[1].length;
        continue;
      }
      const { start, end } = blockRange(block, m.index, m.index + m[0].length);
      const plural = /s$/i.test(word) && !entry.expansion.toLowerCase().endsWith(word.toLowerCase());
      const replacement = plural ? `${m[1]}s` : m[1];
      findings.push({
        start,
        end,
        message: `"${m[0]}" says "${word}" twice: ${m[1]} already means "${entry.expansion}". Write "${replacement}".`,
        audience: block.audience,
        term: m[0],
        // Safe unattended (src/core/types.ts, Fix.safe): the word taken out is one the acronym
        // already says, so the sentence means exactly what it did; fix-all and --fix apply it.
        fixes: [{ title: `Replace with "${replacement}"`, kind: 'remove', safe: true, edits: [{ start, end, newText: replacement }] }],
      });
    }
    return findings;
  },
};

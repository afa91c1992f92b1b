import { blockRange, type RawFinding, type Rule } from '../core/document';
import { atSentenceStart, capitalise } from './wording';
import { messageType } from '../core/message-types';
import toneData from '../../data/words/tone.yaml';

/**
 * Crisis and emergency risk communication (CDC CERC) asks for calm, credible words: no alarmist
 * language; and "breach" is a legal finding under HIPAA (45 CFR 164.402) that counsel makes, so
 * an update says "incident" until then (guidance.md, checks 8 and 9). The words are data
 * (data/words/tone.yaml); the message types that ask for "incident" say so in
 * data/message-types.yaml (`breachWord`), and front matter `breachDetermined: true` lifts it.
 */
interface ToneData {
  alarmist?: Record<string, string[]>;
  breach?: { words?: string[]; instead?: string };
}
const DATA = (toneData ?? {}) as ToneData;
const ALARMIST: Record<string, string[]> = Object.fromEntries(Object.entries(DATA.alarmist ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
const WORDS = new RegExp(`\\b(?:${byLength(Object.keys(ALARMIST))})\\b`, 'gi');
const BREACH_WORDS = DATA.breach?.words ?? ['breach'];
const INSTEAD = DATA.breach?.instead ?? 'incident';
const BREACH = new RegExp(`\\b(?:${byLength(BREACH_WORDS).replace(/ /g, '\\s+')})\\b`, 'gi');

export const tone: Rule = {
  id: 'tone',
  title: 'Tone',
  description: 'Alarmist words, and "breach" before counsel has decided, in updates to staff.',
  defaultSeverity: 'info',
  checkBlock(block, doc) {
    const findings: RawFinding[] = [];
    const text = block.analysis.text;
    WORDS.lastIndex = 0;
    for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
      const { start, end } = blockRange(block, m.index, m.index + m[0].length);
      const options = ALARMIST[m[0].toLowerCase()] ?? [];
      const upper = atSentenceStart(text, m.index);
      findings.push({
        start,
        end,
        message: `"${m[0]}" alarms more than it informs: say what happened and what it affects, calmly (${options.map((o) => `"${o}"`).join(' or ')}).`,
        audience: block.audience,
        term: m[0],
        fixes: options.map((o) => ({ title: `Replace with "${o}"`, kind: 'replace' as const, edits: [{ start, end, newText: upper ? capitalise(o) : o }] })),
      });
    }
    if (messageType(doc.frontMatter?.type)?.breachWord && doc.frontMatter?.breachDetermined !== true) {
      BREACH.lastIndex = 0;
      for (let m = BREACH.exec(text); m; m = BREACH.exec(text)) {
        const { start, end } = blockRange(block, m.index, m.index + m[0].length);
        const word = m[0].toLowerCase();
        const replacement = `${word.startsWith('data') ? 'data ' : ''}${INSTEAD}${word.endsWith('es') ? 's' : ''}`;
        findings.push({
          start,
          end,
          message: `"${m[0]}" is a legal finding under HIPAA that counsel makes; until then, say "${INSTEAD}" (front matter \`breachDetermined: true\` once counsel has decided).`,
          audience: block.audience,
          term: m[0],
          // "breached" has no noun to put in its place: the sentence needs rewording.
          fixes: word.endsWith('ed') ? [] : [{ title: `Replace with "${replacement}"`, kind: 'replace', edits: [{ start, end, newText: atSentenceStart(text, m.index) ? capitalise(replacement) : replacement }] }],
        });
      }
    }
    return findings;
  },
};

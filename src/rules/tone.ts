import { blockRange, type RawFinding, type Rule } from '../core/document';
import { atSentenceStart, capitalise } from './wording';

/**
 * Crisis and emergency risk communication (CDC CERC) asks for calm, credible words: no alarmist
 * language; and "breach" is a legal finding under HIPAA (45 CFR 164.402) that counsel makes, so
 * an update says "incident" until then (guidance.md, checks 8 and 9).
 */
const ALARMIST: Record<string, string[]> = {
  catastrophic: ['serious', 'severe'],
  catastrophe: ['serious problem'],
  crippling: ['serious', 'major'],
  crippled: ['badly affected', 'stopped'],
  devastating: ['serious', 'severe'],
  chaos: ['disruption'],
  chaotic: ['disrupted'],
  panic: ['concern'],
  nightmare: ['serious problem'],
  meltdown: ['failure', 'outage'],
  paralyzed: ['stopped'],
  paralysed: ['stopped'],
  disastrous: ['serious'],
};
const WORDS = new RegExp(`\\b(?:${Object.keys(ALARMIST).join('|')})\\b`, 'gi');
const BREACH = /\b(?:data )?breach(?:es|ed)?\b/gi;

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
    if (doc.frontMatter?.type === 'incident-update' || doc.frontMatter?.type === 'post-incident-review') {
      BREACH.lastIndex = 0;
      for (let m = BREACH.exec(text); m; m = BREACH.exec(text)) {
        const { start, end } = blockRange(block, m.index, m.index + m[0].length);
        const replacement = m[0].toLowerCase().startsWith('data') ? 'data incident' : 'incident';
        findings.push({
          start,
          end,
          message: `"${m[0]}" is a legal finding under HIPAA that counsel makes; until then, say "incident".`,
          audience: block.audience,
          term: m[0],
          fixes: [{ title: `Replace with "${replacement}"`, kind: 'replace', edits: [{ start, end, newText: atSentenceStart(text, m.index) ? capitalise(replacement) : replacement }] }],
        });
      }
    }
    return findings;
  },
};

import { blockRange, type RawFinding, type Rule } from '../core/document';
import { ageToGrade, failingFormulas, hardWords, isHardToRead, sentenceGrade } from '../core/readability';
import type { AudienceId } from '../core/types';

/** The reasons of the editor's message: the hard words cut to three ("and 2 more"); the hover names them all. */
function briefReasons(hard: readonly string[], reasons: readonly string[]): string {
  const few = hard.length > 3 ? `${hard.slice(0, 3).join(', ')} and ${hard.length - 3} more` : hard.join(', ');
  return reasons.map((r) => r.replace(/^(hard|long) words: .*$/, `$1 words: ${few}`)).join(', ');
}

/** A template blank ("[CONTACT NAME]", "{{date}}"): a sentence holding one is not scored yet. */
const BLANK = /\[[A-Z0-9][A-Z0-9 _/&.,:#'’-]*\]|\{\{[^}]*\}\}/;

/**
 * A sentence harder than the audience's target, scored as retext-readability scores it. Only
 * sentences of at least `minWords` words are scored (12 by default: the formulas say little about
 * shorter ones), never one with a template blank, and never one that long-sentence already
 * flags: one finding per sentence. The message names the hard words.
 */
export const readability: Rule = {
  id: 'readability',
  title: 'Hard sentences',
  description: 'A sentence too hard for this audience, against a target reading grade per audience.',
  defaultSeverity: 'warning',
  checkBlock(block, doc) {
    const findings: RawFinding[] = [];
    if (block.analysis.kind !== 'paragraph') return findings;
    const longSentenceOn = doc.enabled.has('long-sentence');
    for (const sentence of block.analysis.sentences) {
      const scores = sentence.scores;
      const struggling: AudienceId[] = block.audience.filter((a) => isHardToRead(scores, doc.config.limits[a].readability));
      if (struggling.length === 0) continue;
      const text = block.analysis.text.slice(sentence.start, sentence.end);
      if (BLANK.test(text)) continue;
      if (longSentenceOn && struggling.every((a) => scores.words > doc.config.limits[a].sentenceWords)) continue;
      const target = Math.min(...struggling.map((a) => doc.config.limits[a].readability.age));
      const targetGrade = ageToGrade(target);
      const failing = failingFormulas(scores, { ...doc.config.limits[struggling[0]].readability, age: target });
      const reasons: string[] = [];
      if (scores.words > 20) reasons.push(`${scores.words} words long`);
      const hard = hardWords(text);
      if (hard.length && (scores.longWords >= 3 || scores.longWords / Math.max(1, scores.words) > 0.2)) reasons.push(`hard words: ${hard.join(', ')}`);
      else if (hard.length) reasons.push(`long words: ${hard.join(', ')}`);
      if (reasons.length === 0) reasons.push('long words for its length');
      const grade = sentenceGrade(scores);
      const { start, end } = blockRange(block, sentence.start, sentence.end);
      findings.push({
        message: `Hard for ${doc.config.audiences.describe(struggling)}: grade ${grade > 18 ? '18+' : grade} against a target of grade ${targetGrade} (${reasons.join(', ')}). Split it or use shorter words.`,
        start,
        end,
        audience: struggling,
        data: {
          grade, targetGrade, targetAge: target, words: scores.words, longWords: scores.longWords, hardWords: hard, failingFormulas: failing, formulas: scores.ages.length, reasons,
          // The Problems panel's line: the grade and a few hard words, briefly. The hover beside it
          // (src/core/hover-text.ts) names the target and what pushes the grade up, not the grade again.
          editorMessage: `Hard for ${doc.config.audiences.describe(struggling)}: grade ${grade > 18 ? '18+' : grade}, target ${targetGrade} (${briefReasons(hard, reasons)}). Split it or use shorter words.`,
        },
      });
    }
    return findings;
  },
};

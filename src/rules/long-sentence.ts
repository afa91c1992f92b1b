import { blockRange, type RawFinding, type Rule } from '../core/document';
import { ageToGrade, hardWords, isHardToRead, sentenceGrade } from '../core/readability';

/**
 * A sentence longer than the audience's word limit. Its data also says whether the sentence is
 * hard for those readers, with its grade and hard words: readability stays quiet on a sentence
 * this rule flags, so the hover of a long sentence (src/core/hover-text.ts) explains both.
 */
export const longSentence: Rule = {
  id: 'long-sentence',
  title: 'Long sentences',
  description: 'A sentence with more words than this audience reads at a glance.',
  defaultSeverity: 'warning',
  checkBlock(block, doc) {
    const findings: RawFinding[] = [];
    for (const sentence of block.analysis.sentences) {
      const words = sentence.scores.words;
      const over = block.audience.filter((a) => words > doc.config.limits[a].sentenceWords);
      if (over.length === 0) continue;
      const limit = Math.min(...over.map((a) => doc.config.limits[a].sentenceWords));
      const { start, end } = blockRange(block, sentence.start, sentence.end);
      const scores = sentence.scores;
      const target = Math.min(...over.map((a) => doc.config.limits[a].readability.age));
      const hard = over.some((a) => isHardToRead(scores, doc.config.limits[a].readability));
      findings.push({
        message: `This sentence has ${words} words; ${doc.config.audiences.describe(over)} read best at ${limit} or fewer. Split it in two.`,
        start,
        end,
        audience: over,
        data: { words, limit, hard, grade: sentenceGrade(scores), targetGrade: ageToGrade(target), longWords: scores.longWords, hardWords: hardWords(block.analysis.text.slice(sentence.start, sentence.end)) },
      });
    }
    return findings;
  },
};

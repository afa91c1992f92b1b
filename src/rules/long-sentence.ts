import { blockRange, type RawFinding, type Rule } from '../core/document';

/** A sentence longer than the audience's word limit. */
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
      findings.push({
        message: `This sentence has ${words} words; ${doc.config.audiences.describe(over)} read best at ${limit} or fewer. Split it in two.`,
        start,
        end,
        audience: over,
        data: { words, limit },
      });
    }
    return findings;
  },
};

import { blockRange, type RawFinding, type Rule } from '../core/document';

/** A paragraph longer than the audience's word limit (Federal Plain Language Guidelines: 150). */
export const longParagraph: Rule = {
  id: 'long-paragraph',
  title: 'Long paragraphs',
  description: 'A paragraph with more words than this audience will read through.',
  defaultSeverity: 'info',
  checkBlock(block, doc) {
    const findings: RawFinding[] = [];
    if (block.analysis.kind !== 'paragraph') return findings;
    const words = block.analysis.words;
    const over = block.audience.filter((a) => words > doc.config.limits[a].paragraphWords);
    if (over.length === 0) return findings;
    const limit = Math.min(...over.map((a) => doc.config.limits[a].paragraphWords));
    const first = block.analysis.sentences[0];
    // Point at the first sentence, not the whole paragraph: a squiggle over 200 words hides the text.
    const { start, end } = blockRange(block, first?.start ?? 0, first?.end ?? block.analysis.text.length);
    findings.push({
      message: `This paragraph has ${words} words; keep paragraphs for ${doc.config.audiences.describe(over)} under ${limit}. Break it up or use a list.`,
      start,
      end,
      audience: over,
      data: { words, limit },
    });
    return findings;
  },
};

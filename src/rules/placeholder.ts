import { blockRange, type PreparedDocument, type Rule } from '../core/document';

/**
 * Template blanks: a message sent with "[DATE]" or "TBD" in it costs more trust than any jargon.
 * Config `rules: {placeholder: {patterns: [...]}}` (or the older top-level `placeholders`) adds
 * the team's own patterns.
 */
const BUILT_IN = [
  // Bounded, so that no run of brackets or spaces makes the search slow.
  /\[(?=[^\]]{0,80}[A-Z])[A-Z0-9][A-Z0-9 _/&.,:#'’-]{0,80}\]/gu,
  /\{\{[\p{L}\p{N}_. \t-]{0,80}\}\}/gu,
  /(?<![\p{L}\p{N}])(?:TBD|TBA|TBC|TODO|FIXME|XXX)(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])XX?[:/]XX(?:[:/]XX(?:XX)?)?(?![\p{L}\p{N}])/gu,
  /\?{3,}/gu,
  /<(?:insert|enter|add)[^<>]{0,40}>/giu,
];

export const placeholder: Rule = {
  id: 'placeholder',
  title: 'Template blanks',
  description: 'A template blank left in the draft, such as [DATE], TBD or {{name}}.',
  defaultSeverity: 'error',
  options: {
    patterns: {
      type: 'array',
      items: { type: 'string' },
      description: 'More blanks to look for, as regular expressions (the same as the top-level `placeholders` key).',
    },
  },
  check(doc) {
    // "title: [TITLE]" parses as a YAML list, so blanks in front matter are looked for in its text.
    if (!doc.frontMatter) return [];
    const { yamlStart, yamlEnd } = doc.frontMatter;
    return blanksIn(doc.text.slice(yamlStart, yamlEnd), patternsOf(doc)).map((m) => ({
      message: `Template blank "${m.text}" is still in the front matter: fill it in before sending.`,
      start: yamlStart + m.index,
      end: yamlStart + m.index + m.text.length,
      audience: doc.audience,
      term: m.text,
    }));
  },
  checkBlock(block, doc) {
    return blanksIn(block.analysis.text, patternsOf(doc)).map((m) => ({
      message: `Template blank "${m.text}" is still in the draft: fill it in before sending.`,
      ...blockRange(block, m.index, m.index + m.text.length),
      audience: block.audience,
      term: m.text,
    }));
  },
};

/** Every blank in a text, once per place, whichever pattern finds it first. */
function blanksIn(text: string, patterns: RegExp[]): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  const seen = new Set<number>();
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (!seen.has(m.index)) {
        seen.add(m.index);
        found.push({ index: m.index, text: m[0] });
      }
      if (!pattern.global) break;
    }
  }
  return found;
}

function patternsOf(doc: PreparedDocument): RegExp[] {
  return [...BUILT_IN, ...doc.config.placeholders];
}

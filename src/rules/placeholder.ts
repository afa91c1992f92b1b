import { blockRange, type PreparedDocument, type RawFinding, type Rule } from '../core/document';

/**
 * Template blanks: a message sent with "[DATE]" or "TBD" in it costs more trust than any jargon.
 * Config `placeholders` adds the team's own patterns.
 */
const BUILT_IN = [
  /\[(?=[^\]]*[A-Z])[A-Z0-9][A-Z0-9 _/&.,:#'’-]*\]/gu,
  /\{\{\s*[\p{L}\p{N}_. -]*\s*\}\}/gu,
  /(?<![\p{L}\p{N}])(?:TBD|TBA|TBC|TODO|FIXME|XXX)(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])XX?[:/]XX(?:[:/]XX(?:XX)?)?(?![\p{L}\p{N}])/gu,
  /\?{3,}/gu,
  /<(?:insert|enter|add)[^<>]{0,40}>/giu,
];

export const placeholder: Rule = {
  id: 'placeholder',
  description: 'A template blank left in the draft, such as [DATE], TBD or {{name}}.',
  defaultSeverity: 'error',
  check(doc) {
    const findings: RawFinding[] = [];
    const patterns = patternsOf(doc);
    // "title: [TITLE]" parses as a YAML list, so blanks in front matter are looked for in its text.
    if (doc.frontMatter) {
      const { yamlStart, yamlEnd } = doc.frontMatter;
      const yaml = doc.text.slice(yamlStart, yamlEnd);
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(yaml); m; m = pattern.exec(yaml)) {
          if (m[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          findings.push({
            message: `Template blank "${m[0]}" is still in the front matter: fill it in before sending.`,
            start: yamlStart + m.index,
            end: yamlStart + m.index + m[0].length,
            audience: doc.audience,
            term: m[0],
          });
          if (!pattern.global) break;
        }
      }
    }
    return findings;
  },
  checkBlock(block, doc) {
    const findings: RawFinding[] = [];
    const patterns = patternsOf(doc);
    const text = block.analysis.text;
    const seen = new Set<number>();
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        if (seen.has(m.index)) continue;
        seen.add(m.index);
        const { start, end } = blockRange(block, m.index, m.index + m[0].length);
        findings.push({
          message: `Template blank "${m[0]}" is still in the draft: fill it in before sending.`,
          start,
          end,
          audience: block.audience,
          term: m[0],
        });
        if (!pattern.global) break;
      }
    }
    return findings;
  },
};

function patternsOf(doc: PreparedDocument): RegExp[] {
  return [...BUILT_IN, ...doc.config.placeholders];
}

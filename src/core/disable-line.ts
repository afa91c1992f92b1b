import { LineIndex } from './positions';
import type { TextEdit } from './types';

/**
 * The edit that adds `<!-- crosswalk-disable-line RULE -->` at the end of a line (0-based), or
 * undefined inside front matter, which is YAML, where an HTML comment does not belong. A comment
 * at the end of the line keeps lists and tables whole, where a line above them would split them;
 * in a table row it goes inside the last cell.
 */
export function disableLineEdit(text: string, line: number, ruleId: string): TextEdit | undefined {
  // Lines as LineIndex counts them: a CR before the newline is trailing space here.
  const lines = text.split('\n');
  if (line < 0 || line >= lines.length || line < frontMatterLines(lines)) return undefined;
  const comment = `<!-- crosswalk-disable-line ${ruleId} -->`;
  const trimmed = lines[line].replace(/\s+$/, '');
  let column = trimmed.length;
  let newText = ` ${comment}`;
  if (/^\s*\|/.test(trimmed) && trimmed.endsWith('|') && trimmed.length > 1) {
    column = trimmed.length - 1;
    newText = `${trimmed[column - 1] === ' ' ? '' : ' '}${comment} `;
  }
  const index = new LineIndex(text);
  const offset = index.lineStart(line + 1) + column;
  return { range: index.range(offset, offset), newText };
}

/** How many lines the front matter takes (0 when there is none). */
function frontMatterLines(lines: string[]): number {
  if (lines.length === 0 || !/^\uFEFF?---\s*$/.test(lines[0])) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i])) return i + 1;
  return 0;
}

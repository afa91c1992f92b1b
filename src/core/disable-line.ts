import { LineIndex } from './positions';
import type { TextEdit } from './types';

const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * The edit that adds `<!-- crosswalk-disable-line RULE -->` to a line (0-based, as LineIndex
 * counts lines: LF, CRLF or a lone CR), where the comment changes nothing else about the
 * document: at the end of the line's text, but inside a table row's last cell (a line above
 * would split the table), before an ATX heading's closing `#`s and a backslash hard break (which
 * must stay last), and before a comment that opens on the line and runs on past it (the
 * directive's `-->` would close it early and show what it hid). Undefined in front matter,
 * which is YAML, where an HTML comment does not belong.
 */
export function disableLineEdit(text: string, line: number, ruleId: string): TextEdit | undefined {
  const index = new LineIndex(text);
  const lineStart = index.lineStart(line + 1);
  if (line < 0 || index.position(lineStart).line !== line + 1 || inFrontMatter(text, lineStart)) return undefined;
  const lineEnd = nextBreak(text, lineStart);
  const at = (column: number, newText: string): TextEdit => ({ range: index.range(lineStart + column, lineStart + column), newText });
  const line_ = text.slice(lineStart, lineEnd);
  const comment = `<!-- crosswalk-disable-line ${ruleId} -->`;
  const open = openCommentOn(line_);
  if (open !== -1) return at(open, `${comment} `);
  const content = line_.replace(/[ \t]+$/, '');
  if (/^\s*\|/.test(content) && content.endsWith('|') && content.length > 1) {
    const pipe = content.length - 1;
    return at(pipe, `${content[pipe - 1] === ' ' ? '' : ' '}${comment} `);
  }
  let end = content.length;
  const closing = /^ {0,3}#{1,6}[ \t].*?([ \t]+#+)$/.exec(content);
  if (closing) end -= closing[1].length;
  else if (content.endsWith('\\')) end -= 1;
  return at(end, ` ${comment}`);
}

/** Where on the line a comment opens that the line does not close (code spans aside), or -1. */
function openCommentOn(line: string): number {
  const bare = withoutCodeSpans(line);
  let open = -1;
  for (let i = 0; i < bare.length; ) {
    if (open === -1) {
      const next = bare.indexOf('<!--', i);
      if (next === -1) break;
      open = next;
      i = next + 4;
    } else {
      const close = bare.indexOf('-->', i);
      if (close === -1) break;
      open = -1;
      i = close + 3;
    }
  }
  return open;
}

/** The line with its code spans blanked (they hold no HTML), offsets kept; each search moves on. */
function withoutCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  let out = '';
  let from = 0;
  for (let i = line.indexOf('`'); i !== -1; ) {
    let run = 1;
    while (line[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = line.indexOf(fence, i + run);
    while (close !== -1 && line[close + run] === '`') {
      let skip = close;
      while (line[skip] === '`') skip++;
      close = line.indexOf(fence, skip);
    }
    if (close === -1) {
      i = line.indexOf('`', i + run);
      continue;
    }
    out += line.slice(from, i) + ' '.repeat(close + run - i);
    from = close + run;
    i = line.indexOf('`', from);
  }
  return out + line.slice(from);
}

function inFrontMatter(text: string, lineStart: number): boolean {
  const first = nextBreak(text, 0);
  if (!FRONT_MATTER_OPEN.test(text.slice(0, first))) return false;
  for (let s = first + 1; s <= text.length; ) {
    const e = nextBreak(text, s);
    if (FRONT_MATTER_CLOSE.test(text.slice(s, e))) return lineStart <= s;
    if (e >= text.length) return false;
    s = e + (text[e] === '\r' && text[e + 1] === '\n' ? 2 : 1);
  }
  return false;
}


/** Offset of the line ending (LF, CR or CRLF) at or after `from`, or the text's end. */
function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/**
 * Splits a Markdown document into top-level chunks, cheaply and without parsing, so that each
 * chunk can be parsed and analysed on its own and cached by its text. Parsing a whole document
 * with remark on every keystroke is what makes incremental checking impossible.
 *
 * A chunk boundary is a blank line, except inside front matter, fenced code, HTML comments, and
 * before an indented line (which continues the previous list item or block).
 */
export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  start: number;
  text: string;
  kind: 'frontmatter' | 'markdown';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const lines = splitLines(text);
  let i = 0;

  if (lines.length > 0 && /^---[ \t]*$/.test(lines[0].content)) {
    for (let j = 1; j < lines.length; j++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lines[j].content)) {
        chunks.push({ start: 0, text: text.slice(0, lines[j].end), kind: 'frontmatter' });
        i = j + 1;
        break;
      }
    }
  }

  let current: { start: number; end: number } | undefined;
  let pendingBlankFrom = -1;
  const flush = () => {
    if (current) chunks.push({ start: current.start, text: text.slice(current.start, current.end), kind: 'markdown' });
    current = undefined;
  };

  while (i < lines.length) {
    const line = lines[i];
    const blank = line.content.trim() === '';
    if (blank) {
      if (current && pendingBlankFrom === -1) pendingBlankFrom = i;
      i++;
      continue;
    }
    const continues = /^[ \t]/.test(line.content) && current !== undefined;
    if (pendingBlankFrom !== -1 && !continues) flush();
    pendingBlankFrom = -1;
    if (!current) current = { start: line.start, end: line.end };

    const fence = FENCE.exec(line.content);
    if (fence) {
      const marker = fence[1];
      let j = i + 1;
      while (j < lines.length && !closesFence(lines[j].content, marker)) j++;
      const last = Math.min(j, lines.length - 1);
      current.end = lines[last].end;
      i = last + 1;
      continue;
    }
    if (line.content.includes('<!--') && !line.content.slice(line.content.lastIndexOf('<!--')).includes('-->')) {
      let j = i + 1;
      while (j < lines.length && !lines[j].content.includes('-->')) j++;
      const last = Math.min(j, lines.length - 1);
      current.end = lines[last].end;
      i = last + 1;
      continue;
    }
    current.end = line.end;
    i++;
  }
  flush();
  return chunks;
}

function closesFence(content: string, marker: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content);
  return m !== null && m[1][0] === marker[0] && m[1].length >= marker.length;
}

interface Line {
  start: number;
  /** Offset just past the line's content (before its line ending). */
  end: number;
  content: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const next = nl === -1 ? text.length : nl;
    const end = next > start && text[next - 1] === '\r' ? next - 1 : next;
    lines.push({ start, end, content: text.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

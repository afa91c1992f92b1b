import type { ParsedChunk } from './markdown';

/**
 * Most chunks of a draft are plain paragraphs or headings with no inline Markdown at all, and
 * for those remark's result is known in advance: one block whose prose is the text, each line's
 * leading and trailing spaces dropped. Building it directly skips the parser, which is most of
 * a full check's time. Anything that could mean more than plain text goes to remark;
 * test/unit/markdown-fast.test.ts holds this to remark's output.
 */
const SPECIAL = /[`*_[\]<>!|\\&~{}$^=]|https?:|www\.|@|\t|\r/;
const LINE_START = /^(?:[ ]{0,3}(?:[-+*>#]|\d{1,9}[.)]|[=-]+\s*$)|\s*$)/;

export function fastParse(text: string): ParsedChunk | undefined {
  if (SPECIAL.test(text)) return undefined;
  const lines = text.split('\n');
  const heading = /^(#{1,6}) +(?=\S)/.exec(lines[0]);
  if (heading) {
    if (lines.length > 1 || /#\s*$/.test(lines[0])) return undefined;
    return single(text, heading[0].length, 'heading', heading[1].length);
  }
  for (const line of lines) {
    if (LINE_START.test(line) || /^ /.test(line)) return undefined;
  }
  return single(text, 0, 'paragraph');
}

function single(text: string, from: number, kind: 'paragraph' | 'heading', depth?: number): ParsedChunk {
  const chars: number[] = [];
  const out: string[] = [];
  let offset = from;
  const lines = text.slice(from).split('\n');
  lines.forEach((line, i) => {
    let end = line.length;
    // A line's trailing spaces are not prose (two of them make a hard break, which is a newline).
    while (end > 0 && line[end - 1] === ' ') end--;
    for (let k = 0; k < end; k++) {
      out.push(line[k]);
      chars.push(offset + k);
    }
    if (i < lines.length - 1) {
      out.push('\n');
      chars.push(offset + (line.length - end >= 2 ? end : line.length));
    }
    offset += line.length + 1;
  });
  const map = new Int32Array(chars.length + 1);
  map.set(chars);
  const last = lines.length - 1;
  let endOffset = offset - 1;
  const lastLine = lines[last];
  let trimmed = lastLine.length;
  while (trimmed > 0 && lastLine[trimmed - 1] === ' ') trimmed--;
  endOffset = endOffset - lastLine.length + trimmed;
  map[chars.length] = endOffset;
  const block = { kind, text: out.join(''), map, start: 0, ...(depth !== undefined ? { depth } : {}) };
  return { blocks: [block], comments: [] };
}

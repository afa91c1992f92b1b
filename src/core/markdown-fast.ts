import type { ParsedChunk, ProseBlock, Table } from './markdown-types';

/**
 * Most chunks of a draft are plain paragraphs, headings and simple lists, with at most code
 * spans, `[links](url)` and `**bold**` inside, and for those remark's result is known in advance.
 * Building it directly skips the parser, which was half of a full check's time. Anything that
 * could mean more than that (HTML, tables, escapes, nesting, lazy lines, emphasis that CommonMark
 * might read another way) goes to remark; test/unit/markdown-fast.test.ts holds this to remark's
 * output, character by character.
 */
const SPECIAL = /[_<\\~@\t\r]|&#?[A-Za-z0-9]+;|!\[|\]:|\]\[/;
/** A GFM table's delimiter row: a paragraph with one of these under its first line is a table. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-*:?\s*)*\|?\s*$/m;
const BLOCK_START = /^ {0,3}(?:[-+*](?:\s|$)|>|#{1,6}(?:\s|$)|\d{1,9}[.)](?:\s|$)|[=-]+\s*$|(?:[-*_]\s*){3,}$)/;
const HEADING = /^(#{1,6}) (?=\S)/;
const ITEM = /^([-+*]|\d{1,9}[.)]) (?=\S)/;
const ITEM_CONTENT_START = /^(?:[-+*](?:\s|$)|>|#{1,6}(?:\s|$)|=|\d{1,9}[.)](?:\s|$)|\[[ xX]\](?:\s|$)|(?:[-*_]\s*){3,}$)/;

export function fastParse(text: string): ParsedChunk | undefined {
  if (SPECIAL.test(text)) return undefined;
  if (text.includes('|') && TABLE_DELIMITER.test(text)) return table(text.split('\n'));
  const lines = text.split('\n');
  const heading = HEADING.exec(lines[0]);
  if (heading) {
    if (lines.length > 1 || /#\s*$/.test(lines[0])) return undefined;
    const block = prose([{ offset: heading[0].length, text: lines[0].slice(heading[0].length) }], 'heading', heading[1].length, 0);
    // One line, no closing #s: the heading ends where its line does, trailing spaces included.
    return block && { blocks: visible([{ ...block, end: lines[0].length }]), comments: [] };
  }
  if (ITEM.test(lines[0])) return list(lines);
  if (lines[0].startsWith('> ')) return quote(lines);
  const parts: { offset: number; text: string }[] = [];
  let offset = 0;
  for (const line of lines) {
    if (BLOCK_START.test(line) || line.startsWith(' ') || line.trim() === '') return undefined;
    parts.push({ offset, text: line });
    offset += line.length + 1;
  }
  const block = prose(parts, 'paragraph');
  return block && { blocks: visible([block]), comments: [] };
}

/** Blocks whose prose is only blanks (a lone code span) are no prose at all, as in proseOf. */
function visible(blocks: ProseBlock[]): ProseBlock[] {
  return blocks.filter((b) => b.text.trim() !== '');
}

const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * A GFM table whose every line is a row of the header's width with no empty cell: each cell is a
 * block of prose that starts at its pipe, as remark places it.
 */
function table(lines: string[]): ParsedChunk | undefined {
  if (lines.length < 2 || !DELIMITER_ROW.test(lines[1]) || lines.some((line) => BLOCK_START.test(line))) return undefined;
  const width = cellsOf(lines[1], 0)?.length;
  const blocks: ProseBlock[] = [];
  const rows: Table['rows'] = [];
  let offset = 0;
  for (let r = 0; r < lines.length; r++) {
    const line = lines[r];
    const cells = cellsOf(line, offset);
    if (!cells || cells.length !== width) return undefined;
    if (r !== 1) {
      const row: Table['rows'][number] = { start: offset, cells: [] };
      for (const cell of cells) {
        if (cell.text === '') return undefined;
        const block = prose([{ offset: cell.contentStart, text: cell.text }], 'paragraph', undefined, cell.start);
        if (!block) return undefined;
        blocks.push({ ...block, kind: 'tableCell' });
        row.cells.push({ text: cell.text, start: cell.contentStart, end: cell.contentStart + cell.text.length });
      }
      rows.push(row);
    }
    offset += line.length + 1;
  }
  return { blocks: visible(blocks), comments: [], tables: [{ start: 0, rows }] };
}

/** The cells of a row: where each starts (its pipe), and its trimmed content and where that starts. */
function cellsOf(line: string, base: number): { start: number; contentStart: number; text: string }[] | undefined {
  if (line.startsWith(' ') || !line.includes('|')) return undefined;
  const pipes: number[] = [];
  for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) pipes.push(i);
  const leading = pipes[0] === 0;
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ') end--;
  const trailing = pipes[pipes.length - 1] === end - 1;
  const bounds: [number, number][] = [];
  let from = leading ? 0 : -1;
  for (const pipe of leading ? pipes.slice(1) : pipes) {
    bounds.push([from, pipe]);
    from = pipe;
  }
  if (!trailing) bounds.push([from, end]);
  else if (bounds.length && bounds[bounds.length - 1][1] !== end - 1) return undefined;
  return bounds.map(([pipe, next]) => {
    const inner = line.slice(pipe + 1, next);
    const lead = inner.length - inner.trimStart().length;
    const text = inner.trim();
    return { start: base + Math.max(0, pipe), contentStart: base + pipe + 1 + lead, text };
  });
}

/** A block quote of one paragraph, every line marked with "> ". */
function quote(lines: string[]): ParsedChunk | undefined {
  const parts: { offset: number; text: string }[] = [];
  let offset = 0;
  for (const line of lines) {
    if (!line.startsWith('> ')) return undefined;
    const content = line.slice(2);
    if (BLOCK_START.test(content) || content.startsWith(' ') || content.trim() === '') return undefined;
    parts.push({ offset: offset + 2, text: content });
    offset += line.length + 1;
  }
  const block = prose(parts, 'paragraph');
  return block && { blocks: visible([block]), comments: [] };
}

/**
 * A tight list of one-line items, each a paragraph of its own; an item may hold one level of
 * nested items, indented to its content.
 */
function list(lines: string[]): ParsedChunk | undefined {
  const blocks: ProseBlock[] = [];
  let offset = 0;
  let contentWidth = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (indent > 0 && indent !== contentWidth) return undefined;
    const item = ITEM.exec(line.slice(indent));
    if (!item) return undefined;
    if (indent === 0) contentWidth = item[0].length;
    const content = line.slice(indent + item[0].length);
    if (ITEM_CONTENT_START.test(content) || content.trim() === '') return undefined;
    const block = prose([{ offset: offset + indent + item[0].length, text: content }], 'paragraph');
    if (!block) return undefined;
    blocks.push(block);
    offset += line.length + 1;
  }
  return { blocks: visible(blocks), comments: [] };
}

/**
 * The prose of one block from its lines (each with its chunk offset), as remark + proseOf build
 * it: line ends become newlines (at a hard break's first space), trailing spaces go, code spans
 * become one blank at their opening backtick, links keep their text, `**`/`*` markers vanish.
 */
function prose(lines: { offset: number; text: string }[], kind: ProseBlock['kind'], depth?: number, start = lines[0].offset): ProseBlock | undefined {
  const out: Out = { chars: [], starts: [], ends: [], markup: [] };
  let end = 0;
  for (let i = 0; i < lines.length; i++) {
    const { offset, text } = lines[i];
    let stop = text.length;
    while (stop > 0 && text[stop - 1] === ' ') stop--;
    if (!inline(text.slice(0, stop), offset, out)) return undefined;
    end = offset + stop;
    if (i < lines.length - 1) {
      out.chars.push('\n');
      // A hard break (two or more trailing spaces) runs from its first space through the line end.
      const hard = text.length - stop >= 2;
      out.starts.push(offset + (hard ? stop : text.length));
      out.ends.push(offset + text.length + 1);
    }
  }
  const text = out.chars.join('');
  if (text.length === 0) return undefined;
  // Bare links in the prose itself are GFM autolink literals, which the remark path blanks.
  if (/www\.|:\/\//.test(text)) return undefined;
  const map = new Int32Array(out.starts.length + 1);
  map.set(out.starts);
  map[out.starts.length] = end;
  return { kind, text, map, ends: Int32Array.from(out.ends), markup: out.markup, start, ...(depth !== undefined ? { depth } : {}) };
}

/** The prose being built: characters, each one's source span, and the blanks that stand for markup. */
interface Out {
  chars: string[];
  starts: number[];
  ends: number[];
  markup: number[];
}

/** Characters written as themselves, from `from` to `to` of the line at `base`. */
function literal(out: Out, text: string, base: number, from: number, to: number): void {
  out.chars.push(text.slice(from, to));
  for (let k = from; k < to; k++) {
    out.starts.push(base + k);
    out.ends.push(base + k + 1);
  }
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n';
const isPunct = (c: string | undefined) => c !== undefined && PUNCTUATION.test(c);

/** One line's inline content; false when it holds anything this path does not read exactly. */
function inline(text: string, base: number, out: Out): boolean {
  let i = 0;
  // Found once: searching for it again at every "[" took quadratic time on a line of them.
  const lastLinkClose = text.lastIndexOf('](');
  while (i < text.length) {
    const c = text[i];
    if (c === '`') {
      if (text[i + 1] === '`' || (i > 0 && text[i - 1] === '`')) return false;
      const close = text.indexOf('`', i + 1);
      if (close === -1 || close === i + 1 || text[close + 1] === '`') return false;
      out.markup.push(out.starts.length);
      out.chars.push(' ');
      out.starts.push(base + i);
      out.ends.push(base + close + 1);
      i = close + 1;
      continue;
    }
    if (c === '[') {
      const m = /^\[([^\][`*()]+)\]\(([^\s()<>"'`]+)\)/.exec(text.slice(i));
      if (!m) {
        // A bracket that opens no link is text ("[DATE]"), unless it could start one.
        if (lastLinkClose > i) return false;
        literal(out, text, base, i, i + 1);
        i++;
        continue;
      }
      literal(out, text, base, i + 1, i + 1 + m[1].length);
      i += m[0].length;
      continue;
    }
    if (c === '*') {
      let run = 1;
      while (text[i + run] === '*') run++;
      if (run > 2 || !opens(text, i, run)) return false;
      const close = text.indexOf('*'.repeat(run), i + run);
      if (close === -1 || close === i + run || text[close + run] === '*' || text.slice(i + run, close).includes('*') || !closes(text, close, run)) return false;
      const inner = text.slice(i + run, close);
      if (inner.includes('`') || inner.includes('[') || inner.includes(']')) return false;
      literal(out, text, base, i + run, close);
      i = close + run;
      continue;
    }
    // A run of plain text up to the next character that may start markup.
    let j = i + 1;
    while (j < text.length && text[j] !== '`' && text[j] !== '[' && text[j] !== '*') j++;
    literal(out, text, base, i, j);
    i = j;
  }
  return true;
}

/** CommonMark's left-flanking delimiter run: it can open emphasis. */
function opens(text: string, at: number, run: number): boolean {
  const before = text[at - 1];
  const after = text[at + run];
  return !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
}

/** CommonMark's right-flanking delimiter run: it can close emphasis. */
function closes(text: string, at: number, run: number): boolean {
  const before = text[at - 1];
  const after = text[at + run];
  return !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
}

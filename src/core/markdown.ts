import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root, Nodes, PhrasingContent } from 'mdast';
import { fastParse } from './markdown-fast';

/** A run of prose with a map from each prose character back to its offset in the chunk. */
export interface ProseBlock {
  kind: 'paragraph' | 'heading' | 'tableCell';
  /** The prose as a reader sees it: code, HTML and URLs are blanked to spaces. */
  text: string;
  /** `map[i]` is the chunk offset of prose character i; `map[text.length]` is the block's end. */
  map: Int32Array;
  /** Chunk offset where the block's Markdown starts (a heading's `#`, say). */
  start: number;
  /** A heading's level. */
  depth?: number;
}

/** An HTML comment that may carry a Crosswalk directive, with its chunk-relative range. */
export interface Comment {
  body: string;
  start: number;
  end: number;
}

/** A GFM table: each row's cells as written (trimmed), with chunk-relative offsets. */
export interface Table {
  start: number;
  rows: { start: number; cells: { text: string; start: number; end: number }[] }[];
}

export interface ParsedChunk {
  blocks: ProseBlock[];
  comments: Comment[];
  tables?: Table[];
}

/**
 * remark's own parser (mdast-util-from-markdown with micromark and GFM extensions, which is what
 * remark-parse + remark-gfm run), called directly with extensions built once: through unified,
 * remark-gfm builds its extensions again for every parse, which tripled the cost of parsing a
 * draft chunk by chunk. Of GFM, tables, strikethrough and task lists change what is prose; bare
 * URLs and emails (GFM's autolink literals, the slowest part of it) are blanked by a pattern
 * instead, and footnotes stay text.
 */
const micromarkExtensions = [gfmTable(), gfmStrikethrough(), gfmTaskListItem()];
const mdastExtensions = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()];
const BARE_LINK = /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function parseChunk(text: string): ParsedChunk {
  const fast = fastParse(text);
  if (fast) return fast;
  return parseWithRemark(text);
}

export function parseWithRemark(text: string): ParsedChunk {
  let tree: Root;
  try {
    tree = fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
  } catch {
    // micromark does not throw on any input we know of, but a draft must never crash the engine.
    return { blocks: [], comments: [] };
  }
  const result: ParsedChunk = { blocks: [], comments: [] };
  walk(tree, text, result);
  return result;
}

function walk(node: Nodes, source: string, out: ParsedChunk): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell': {
      const block = proseOf(node.children, source, out);
      const start = node.position?.start.offset ?? 0;
      if (block) out.blocks.push({ kind: node.type, ...block, start, ...(node.type === 'heading' ? { depth: node.depth } : {}) });
      else if (node.type === 'heading') out.blocks.push({ kind: 'heading', text: '', map: new Int32Array([start]), start, depth: node.depth });
      return;
    }
    case 'html':
      collectComments(node.value, node.position?.start.offset ?? 0, out);
      return;
    case 'table': {
      const rows = node.children.map((row) => ({
        start: row.position?.start.offset ?? 0,
        cells: row.children.map((cell) => {
          const start = cell.position?.start.offset ?? 0;
          const end = cell.position?.end.offset ?? start;
          const raw = source.slice(start, end);
          const lead = raw.length - raw.replace(/^[\s|]+/, '').length;
          const text = raw.replace(/^[\s|]+/, '').replace(/[\s|]+$/, '');
          return { text, start: start + lead, end: start + lead + text.length };
        }),
      }));
      (out.tables ??= []).push({ start: node.position?.start.offset ?? 0, rows });
      for (const child of node.children) walk(child, source, out);
      return;
    }
    case 'code':
    case 'yaml':
    case 'definition':
    case 'image':
    case 'imageReference':
    case 'inlineCode':
      return;
    default:
      if ('children' in node) for (const child of node.children) walk(child as Nodes, source, out);
  }
}

function collectComments(value: string, base: number, out: ParsedChunk): void {
  const re = /<!--([\s\S]*?)-->/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    out.comments.push({ body: m[1].trim(), start: base + m.index, end: base + m.index + m[0].length });
  }
}

/**
 * Builds the prose of one block. Text nodes are aligned character by character with their source
 * so that escapes, entities, CRLF and block-quote or list prefixes never shift a range.
 */
function proseOf(children: PhrasingContent[], source: string, out: ParsedChunk): Pick<ProseBlock, 'text' | 'map'> | undefined {
  const chars: string[] = [];
  const offsets: number[] = [];
  let end = 0;

  const blank = (from: number, to: number) => {
    chars.push(' ');
    offsets.push(from);
    end = Math.max(end, to);
  };

  const visit = (node: PhrasingContent): void => {
    const start = node.position?.start.offset;
    const stop = node.position?.end.offset;
    if (start === undefined || stop === undefined) return;
    switch (node.type) {
      case 'text': {
        align(node.value, source, start, stop, chars, offsets);
        end = Math.max(end, stop);
        return;
      }
      case 'break':
        chars.push('\n');
        offsets.push(start);
        end = Math.max(end, stop);
        return;
      case 'html':
        collectComments(node.value, start, out);
        blank(start, stop);
        return;
      case 'link': {
        const onlyUrl = node.children.length === 1 && node.children[0].type === 'text' &&
          (node.children[0].value === node.url || `mailto:${node.children[0].value}` === node.url ||
            `http://${node.children[0].value}` === node.url);
        if (onlyUrl) {
          blank(start, stop);
          return;
        }
        for (const child of node.children) visit(child);
        end = Math.max(end, stop);
        return;
      }
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        blank(start, stop);
        return;
      default:
        if ('children' in node) for (const child of node.children as PhrasingContent[]) visit(child);
        end = Math.max(end, stop);
    }
  };
  for (const child of children) visit(child);
  if (chars.length === 0) return undefined;
  let text = chars.join('');
  if (text.includes('www.') || text.includes('://') || text.includes('@')) {
    text = text.replace(BARE_LINK, (link) => ' '.repeat(link.length));
  }
  if (text.trim() === '') return undefined;
  const map = new Int32Array(offsets.length + 1);
  map.set(offsets);
  map[offsets.length] = end;
  return { text, map };
}

function align(value: string, source: string, start: number, stop: number, chars: string[], offsets: number[]): void {
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    let k = j;
    while (k < stop && source[k] !== ch) k++;
    if (k < stop) {
      offsets.push(k);
      j = k + 1;
    } else {
      // An entity or normalised character with no literal twin: point at where we are.
      offsets.push(Math.min(j, stop - 1));
    }
    chars.push(ch);
  }
}

import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import type { Root, Nodes, PhrasingContent, Parent, Text } from 'mdast';
import { fastParse } from './markdown-fast';
import type { ParsedChunk, ProseBlock } from './markdown-types';

// The shapes live in markdown-types.ts so that this parser and markdown-fast.ts share them
// without importing each other; re-exported for the modules that read them from here.
export type { Comment, ParsedChunk, ProseBlock, Table } from './markdown-types';

/**
 * Where each character of a text node's value came from, as micromark tokenised it: after each
 * token that adds to a text node (`data`, a line ending, a whole character escape or reference),
 * the value's new length and the token's source span. The compiler's own `afterExit` hook
 * (mdast-util-from-markdown, lib/index.js) reports every token, so nothing is searched for: an
 * entity's decoded character maps to the entity's whole source.
 */
const textSources = new WeakMap<Text, number[]>();
const TRACKED = new Set(['data', 'lineEnding', 'characterEscape', 'characterReference', 'autolinkProtocol', 'autolinkEmail']);
const trackTextSources: Extension = {
  afterExit(this: CompileContext, token: Token) {
    if (!TRACKED.has(token.type)) return;
    const parent = this.stack[this.stack.length - 1] as Partial<Parent>;
    const node = parent.children?.[parent.children.length - 1];
    if (!node || node.type !== 'text') return;
    let spans = textSources.get(node);
    if (!spans) textSources.set(node, (spans = []));
    const before = spans.length ? spans[spans.length - 3] : 0;
    if (node.value.length === before) return;
    spans.push(node.value.length, token.start.offset, token.end.offset);
  },
};

/**
 * remark's own parser (mdast-util-from-markdown with micromark and GFM extensions, which is what
 * remark-parse + remark-gfm run), called directly with extensions built once: through unified,
 * remark-gfm builds its extensions again for every parse, which tripled the cost of parsing a
 * draft chunk by chunk. Of GFM, tables, strikethrough and task lists change what is prose; bare
 * URLs and emails (GFM's autolink literals, the slowest part of it) are blanked by a pattern
 * instead, and footnotes stay text.
 */
const micromarkExtensions = [gfmTable(), gfmStrikethrough(), gfmTaskListItem()];
const mdastExtensions = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown(), trackTextSources];
const BARE_LINK = /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function parseChunk(text: string): ParsedChunk {
  const fast = fastParse(text);
  if (fast) return fast;
  return parseWithRemark(text);
}

export function parseWithRemark(text: string): ParsedChunk {
  const tree: Root = fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
  const result: ParsedChunk = { blocks: [], comments: [] };
  walk(tree, text, result);
  return result;
}

/** Visits the tree in document order with a stack of its own: 5 KB of `>` nests 5,000 deep. */
function walk(tree: Root, source: string, out: ParsedChunk): void {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const block = proseOf(node.children, source, out);
        const start = node.position?.start.offset ?? 0;
        if (block) out.blocks.push({ kind: node.type, ...block, start, ...(node.type === 'heading' ? { depth: node.depth } : {}) });
        else if (node.type === 'heading') out.blocks.push({ kind: 'heading', text: '', map: new Int32Array([start]), ends: new Int32Array(0), markup: [], start, depth: node.depth });
        continue;
      }
      case 'html':
        collectComments(node.value, node.position?.start.offset ?? 0, out);
        continue;
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
        pushChildren(stack, node.children);
        continue;
      }
      case 'code':
      case 'yaml':
      case 'definition':
      case 'image':
      case 'imageReference':
      case 'inlineCode':
        continue;
      default:
        if ('children' in node) pushChildren(stack, node.children as Nodes[]);
    }
  }
}

/** Pushes children so that the first is popped first. */
function pushChildren<T>(stack: T[], children: T[]): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
}

function collectComments(value: string, base: number, out: ParsedChunk): void {
  // A linear scan: a lazy `<!--([\s\S]*?)-->` pattern retries from every `<!--` with no `-->`.
  for (let open = value.indexOf('<!--'); open !== -1; ) {
    const close = value.indexOf('-->', open + 4);
    if (close === -1) return;
    out.comments.push({ body: value.slice(open + 4, close).trim(), start: base + open, end: base + close + 3 });
    open = value.indexOf('<!--', close + 3);
  }
}

/**
 * Builds the prose of one block from the parser's positions: each character of a text node
 * maps to the source of the token it came from (see `textSources`), and each piece of markup
 * that stands in the prose (code, HTML, an image, a link that is only its URL) is one blank
 * spanning all of its source.
 */
function proseOf(children: PhrasingContent[], source: string, out: ParsedChunk): Pick<ProseBlock, 'text' | 'map' | 'ends' | 'markup'> | undefined {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const markup: number[] = [];
  let end = 0;

  const blank = (from: number, to: number) => {
    markup.push(chars.length);
    chars.push(' ');
    starts.push(from);
    ends.push(to);
  };

  const stack: PhrasingContent[] = [];
  pushChildren(stack, children);
  for (let node = stack.pop(); node; node = stack.pop()) {
    const start = node.position?.start.offset;
    const stop = node.position?.end.offset;
    if (start === undefined || stop === undefined) continue;
    end = Math.max(end, stop);
    switch (node.type) {
      case 'text':
        placeText(node, start, stop, chars, starts, ends);
        continue;
      case 'break':
        chars.push('\n');
        starts.push(start);
        ends.push(stop);
        continue;
      case 'html':
        collectComments(node.value, start, out);
        blank(start, stop);
        continue;
      case 'link': {
        const onlyUrl = node.children.length === 1 && node.children[0].type === 'text' &&
          (node.children[0].value === node.url || `mailto:${node.children[0].value}` === node.url ||
            `http://${node.children[0].value}` === node.url);
        if (onlyUrl) blank(start, stop);
        else pushChildren(stack, node.children);
        continue;
      }
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        blank(start, stop);
        continue;
      default:
        if ('children' in node) pushChildren(stack, node.children as PhrasingContent[]);
    }
  }
  if (chars.length === 0) return undefined;
  let text = chars.join('');
  if (text.includes('www.') || text.includes('://') || text.includes('@')) {
    text = text.replace(BARE_LINK, (link) => ' '.repeat(link.length));
  }
  if (text.trim() === '') return undefined;
  const map = new Int32Array(starts.length + 1);
  map.set(starts);
  map[starts.length] = end;
  return { text, map, ends: Int32Array.from(ends), markup };
}

/**
 * The source of each character of a text node, from the spans recorded while it was built. A
 * span as long as the characters it gave maps them one to one (words, line endings); any other
 * (an entity, an escape) gives each of its characters the whole span. Should the spans not add
 * up to the value (a tokenizer we do not know), every character gets the node's whole source,
 * so that no fix is offered inside it rather than one that lands in the wrong place.
 */
function placeText(node: Text, start: number, stop: number, chars: string[], starts: number[], ends: number[]): void {
  const value = node.value;
  const spans = textSources.get(node);
  if (!spans || spans[spans.length - 3] !== value.length) {
    for (let i = 0; i < value.length; i++) {
      chars.push(value[i]);
      starts.push(start);
      ends.push(stop);
    }
    return;
  }
  let from = 0;
  for (let k = 0; k < spans.length; k += 3) {
    const to = spans[k];
    const a = spans[k + 1];
    const b = spans[k + 2];
    const exact = b - a === to - from;
    for (let i = from; i < to; i++) {
      chars.push(value[i]);
      starts.push(exact ? a + (i - from) : a);
      ends.push(exact ? a + (i - from) + 1 : b);
    }
    from = to;
  }
}

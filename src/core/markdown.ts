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
  // An HTML block that opens a comment and never closes it is all comment: no prose, no directive.
  if (/^ {0,3}<!--/.test(text) && !text.includes('-->')) return { blocks: [], comments: [] };
  const tree: Root = fromMarkdown(tame(text), { extensions: micromarkExtensions, mdastExtensions });
  const result: ParsedChunk = { blocks: [], comments: [] };
  walk(tree, text, result);
  return result;
}

/** Containers (block quotes, list items) one line may open before the rest is read as text. */
export const MAX_NESTING = 16;
/** The longest run of one delimiter character (`*`, `_`, `[`, `<`, ...) the parser sees whole. */
export const MAX_RUN = 32;
const RUN = /([*_~`[\]<>!&\\])\1{32,}/g;

/**
 * micromark's time grows with the square of a line's nesting (5 KB of `- - - ...` took minutes)
 * and of runs of delimiters (a line of `*`, `[` or `<`). No draft means anything by 16 nested
 * quotes or lists on one line or by 33 `*` in a row, so the parser reads a copy in which the
 * markers beyond those bounds are spaces: same length, so every offset still holds, and the
 * text itself is never changed.
 */
export function tame(text: string): string {
  let out = text;
  if (out.length > 2 * MAX_NESTING) out = tameNesting(out);
  if (RUN.test(out)) {
    RUN.lastIndex = 0;
    out = out.replace(RUN, (run) => run.slice(0, MAX_RUN) + ' '.repeat(run.length - MAX_RUN));
  }
  RUN.lastIndex = 0;
  if (out.includes(']')) out = tameBrackets(out);
  if (out.includes('<!--')) out = tameOpenComments(out);
  return out;
}

/**
 * Blanks the `<` of each `<!--` inside a line that no `-->` follows: it is text, as an inline
 * comment must close, but micromark searched the rest of the paragraph from each one (quadratic
 * on a draft of such lines). One that starts a line (after quote or list markers) opens an HTML
 * block, which needs no closing, and stays.
 */
function tameOpenComments(text: string): string {
  const lastClose = text.lastIndexOf('-->');
  let parts: string[] | undefined;
  let from = 0;
  for (let at = text.indexOf('<!--', lastClose + 1); at !== -1; at = text.indexOf('<!--', at + 4)) {
    let k = at - 1;
    while (k >= 0 && / |\t|>|[-*+.)0-9]/.test(text[k])) k--;
    if (k < 0 || text[k] === '\n' || text[k] === '\r') continue;
    (parts ??= []).push(text.slice(from, at), ' ');
    from = at + 1;
  }
  if (!parts) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Blanks each `]` that no `[` before it can pair with: it is text, but micromark looks back over
 * every event before it for an opening, so a draft full of them (nested links, `a] b] c]`) took
 * quadratic time. Escapes are skipped; a pairing this count gets wrong only costs time.
 */
function tameBrackets(text: string): string {
  let open = 0;
  let parts: string[] | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) open++;
    else if (c === 93) {
      if (open > 0) open--;
      else {
        (parts ??= []).push(text.slice(from, i), ' ');
        from = i + 1;
      }
    }
  }
  if (!parts) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

/** Blanks the container markers past MAX_NESTING at the start of each line. */
function tameNesting(text: string): string {
  let parts: string[] | undefined;
  let from = 0;
  let cr = text.indexOf('\r');
  for (let start = 0; start < text.length; ) {
    let i = start;
    let depth = 0;
    let cut = -1;
    for (;;) {
      let j = i;
      while (j < i + 3 && text.charCodeAt(j) === 32) j++;
      const c = text[j];
      let marker = 0;
      if (c === '>') marker = 1;
      else if ((c === '-' || c === '*' || c === '+') && (text[j + 1] === ' ' || text[j + 1] === '\t')) marker = 1;
      else if (c >= '0' && c <= '9') {
        let k = j;
        while (k < j + 9 && text[k] >= '0' && text[k] <= '9') k++;
        if ((text[k] === '.' || text[k] === ')') && (text[k + 1] === ' ' || text[k + 1] === '\t')) marker = k - j + 1;
      }
      if (!marker) break;
      depth++;
      if (depth === MAX_NESTING + 1) cut = j;
      i = j + marker;
      if (text[i] === ' ' || text[i] === '\t') i++;
    }
    if (cut !== -1) {
      // Markers and their spaces past the bound become spaces; the line's text stays.
      (parts ??= []).push(text.slice(from, cut), text.slice(cut, i).replace(/[^\t]/g, ' '));
      from = i;
    }
    // The next CR is looked up again only once passed: a search per line from here to a CR that
    // is not there read the rest of the text each time (quadratic on a long chunk).
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    const nl = text.indexOf('\n', i);
    const next = nl === -1 ? cr : cr === -1 ? nl : Math.min(nl, cr);
    if (next === -1) break;
    start = next + 1;
  }
  if (!parts) return text;
  parts.push(text.slice(from));
  return parts.join('');
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
        const end = node.position?.end.offset ?? start;
        if (block) out.blocks.push({ kind: node.type, ...block, start, ...(node.type === 'heading' ? { depth: node.depth, end } : {}) });
        else if (node.type === 'heading') out.blocks.push({ kind: 'heading', text: '', map: new Int32Array([start]), ends: new Int32Array(0), markup: [], start, depth: node.depth, end });
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
        placeText(node, start, stop, source, chars, starts, ends, markup);
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
    // A bare URL or email is markup too, blanked character by character: a fix across it ("in
    // order https://… to" to "to") would delete the link, so its blanks are listed with the rest.
    let linked = false;
    text = text.replace(BARE_LINK, (link: string, at: number) => {
      for (let k = 0; k < link.length; k++) markup.push(at + k);
      linked = true;
      return ' '.repeat(link.length);
    });
    if (linked) markup.sort((a, b) => a - b);
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
 * (an entity, an escape) gives each of its characters the whole span. A task list item's first
 * text lost the space after its checkbox once its spans were recorded (mdast-util-gfm-task-list-item
 * slices it off and moves the node's start past it): those characters are skipped. Should the
 * spans still not add up to the value (a tokenizer we do not know), every character gets the
 * node's whole source and counts as markup, so that no fix is offered inside it rather than one
 * that replaces the whole node or lands in the wrong place.
 */
function placeText(node: Text, start: number, stop: number, source: string, chars: string[], starts: number[], ends: number[], markup: number[]): void {
  const value = node.value;
  const spans = textSources.get(node);
  const recorded = spans ? spans[spans.length - 3] : 0;
  // Characters written as themselves at the node's old start, that the node no longer holds.
  const skip = spans && recorded > value.length && spans[2] - spans[1] === spans[0] && spans[1] + (recorded - value.length) === start && spans[0] >= recorded - value.length ? recorded - value.length : 0;
  if (!spans || recorded - skip !== value.length) {
    for (let i = 0; i < value.length; i++) {
      markup.push(chars.length);
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
    for (let i = Math.max(from, skip); i < to; i++) {
      // Written as itself: the draft's own character (the parser read a tamed copy, see `tame`).
      chars.push(exact ? source[a + (i - from)] : value[i - skip]);
      starts.push(exact ? a + (i - from) : a);
      ends.push(exact ? a + (i - from) + 1 : b);
    }
    from = to;
  }
}

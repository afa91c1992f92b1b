import YAML from 'yaml';
import { parseYaml } from './yaml-problems';

/**
 * Small, verified edits of YAML text. Each edit finds its node with the `yaml` package's Document
 * API and splices new text into the source at that node only, so every other byte (comments,
 * layout, quoting, large numbers, CRLF) stays as it was. The result is parsed again and compared
 * with what the edit meant to do; when it differs, or the shape is one the edit does not
 * understand, the edit is refused with a message for the user. Writers never re-serialise a
 * whole document: `Document.toString()` rounds 12345678901234567890 and drops unresolved aliases.
 */
export class EditRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefused';
  }
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function applySplice(text: string, splice: Splice): string {
  return text.slice(0, splice.start) + splice.text + text.slice(splice.end);
}

/** YAML counts a lone CR as a line break, the `yaml` package does not: same length, same offsets. */
export function normaliseBreaks(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

export function parseForEdit(text: string): YAML.Document.Parsed {
  return YAML.parseDocument(normaliseBreaks(text), { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
}

/** The line ending a text already uses (its first), `\n` for a text with none. */
export function eolOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** 1-based line of an offset, counting CRLF, CR and LF as one break each. */
export function lineOf(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/**
 * A node as plain data without resolving aliases (an alias becomes `{ '*': name }`), so that a
 * document with an unresolved alias can still be compared before and after an edit.
 */
export function plain(node: unknown): unknown {
  if (YAML.isAlias(node)) return { '*': node.source };
  if (YAML.isScalar(node)) return typeof node.value === 'bigint' ? `${node.value}n` : node.value;
  if (YAML.isSeq(node)) return node.items.map(plain);
  if (YAML.isMap(node)) return node.items.map((pair) => [plain(pair.key), plain(pair.value)]);
  if (YAML.isPair(node)) return [plain(node.key), plain(node.value)];
  return node ?? null;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** The scalar key's text of a pair, or undefined for complex keys. */
function keyOf(pair: YAML.Pair): string | undefined {
  return YAML.isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Every pair of `map` with this key (more than one only in a document with a duplicate key). */
export function pairsOf(map: YAML.YAMLMap, key: string, caseless = false): YAML.Pair[] {
  const want = caseless ? key.toLowerCase() : key;
  return map.items.filter((pair) => {
    const k = keyOf(pair);
    return k !== undefined && (caseless ? k.toLowerCase() : k) === want;
  });
}

/** Offset of the end of the line holding `offset` (before its CR, LF or CRLF). */
function lineEnd(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** A value as YAML on one line: a scalar as YAML writes it, a list or map in flow style. */
export function flowText(value: unknown): string {
  const doc = new YAML.Document(value);
  YAML.visit(doc, {
    Seq(_, node) {
      node.flow = true;
    },
    Map(_, node) {
      node.flow = true;
    },
  });
  const out = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  if (/[\r\n]/.test(out)) throw new EditRefused('The value does not fit on one line.');
  return out;
}

/** A map as block YAML, lists inside it in flow style: one line per key, indented by `indent`. */
function blockMapLines(value: Record<string, unknown>): string[] {
  return Object.entries(value).map(([k, v]) => `${flowText(k)}: ${flowText(v)}`);
}

/** Where a flow collection's closing bracket is, and what goes before a new item there. */
function flowInsert(text: string, node: YAML.YAMLSeq | YAML.YAMLMap, itemText: string): Splice {
  const close = node.range![1] - 1;
  const bracket = YAML.isSeq(node) ? ']' : '}';
  if (text[close] !== bracket) throw new EditRefused(`Crosswalk could not find the closing "${bracket}" of the list.`);
  let i = close;
  while (i > node.range![0] && /\s/.test(text[i - 1])) i--;
  const before = text[i - 1];
  if (before === '[' || before === '{') return { start: close, end: close, text: ` ${itemText} ` };
  if (before === ',') return { start: i, end: i, text: ` ${itemText}` };
  return { start: i, end: i, text: `, ${itemText}` };
}

/** Adds an item to the end of a list, in the list's own style (flow or block). */
export function appendToSeq(text: string, seq: YAML.YAMLSeq, item: unknown, eol: string): Splice {
  if (!seq.range) throw new EditRefused('Crosswalk could not find the list in the file.');
  if (seq.flow || text[seq.range[0]] === '[') return flowInsert(text, seq, flowText(item));
  const indent = ' '.repeat(columnOf(text, seq.range[0]));
  const at = lineEnd(text, lastContentOffset(text, seq));
  const lines = item && typeof item === 'object' && !Array.isArray(item) ? blockMapLines(item as Record<string, unknown>) : [flowText(item)];
  const body = lines.map((line, i) => (i === 0 ? `${indent}- ${line}` : `${indent}  ${line}`)).join(eol);
  return { start: at, end: at, text: `${eol}${body}` };
}

/** Adds `key: value` after the last key of a map, in the map's style. */
export function addPair(text: string, map: YAML.YAMLMap, key: string, value: unknown, eol: string, blockList = false): Splice {
  if (!map.range) throw new EditRefused('Crosswalk could not find the map in the file.');
  if (map.flow || text[map.range[0]] === '{') return flowInsert(text, map, `${flowText(key)}: ${flowText(value)}`);
  const indent = ' '.repeat(columnOf(text, map.range[0]));
  const at = lineEnd(text, lastContentOffset(text, map));
  const valueText = blockList && Array.isArray(value) ? value.map((v) => `${eol}${indent}  - ${flowText(v)}`).join('') : blockValue(value, indent, eol);
  return { start: at, end: at, text: `${eol}${indent}${flowText(key)}:${valueText.startsWith(eol) ? '' : ' '}${valueText}` };
}

/** A value after `key:`: a list of maps goes on the lines below, anything else on the key's line. */
function blockValue(value: unknown, indent: string, eol: string): string {
  if (Array.isArray(value) && value.some((v) => v && typeof v === 'object' && !Array.isArray(v))) {
    const inner = `${indent}  `;
    return value
      .map((item) => {
        const lines = item && typeof item === 'object' && !Array.isArray(item) ? blockMapLines(item as Record<string, unknown>) : [flowText(item)];
        return eol + lines.map((line, i) => (i === 0 ? `${inner}- ${line}` : `${inner}  ${line}`)).join(eol);
      })
      .join('');
  }
  return flowText(value);
}

/** The last offset inside a block collection that is not white space (its range may end past a line break). */
function lastContentOffset(text: string, node: YAML.Node): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(text[end - 1])) end--;
  return Math.max(node.range![0], end - 1);
}

/**
 * Replaces a pair's value, keeping a comment after it on the same line. A value that is an alias,
 * carries an anchor, or is a block collection holding comments is left alone.
 */
export function replaceValue(text: string, pair: YAML.Pair, value: unknown, what: string): Splice {
  const node = pair.value;
  if (YAML.isAlias(node)) throw new EditRefused(`${what} is an alias (*${node.source}); edit it by hand.`);
  if (YAML.isNode(node) && node.anchor) throw new EditRefused(`${what} carries an anchor (&${node.anchor}) that other values may use; edit it by hand.`);
  if (YAML.isNode(node) && node.tag) throw new EditRefused(`${what} has a YAML tag (${node.tag}); edit it by hand.`);
  const valueText = flowText(value);
  if (!YAML.isNode(node) || !node.range || (YAML.isScalar(node) && node.value === null && node.range[0] === node.range[1])) {
    // `key:` with nothing after it: the value goes after the colon.
    const keyNode = pair.key as YAML.Node;
    const from = keyNode.range![1];
    const colon = text.indexOf(':', from);
    if (colon < 0 || /[^\s]/.test(text.slice(from, colon))) throw new EditRefused(`Crosswalk could not find where ${what} goes.`);
    const nextBreak = lineEnd(text, colon);
    if (/\S/.test(text.slice(colon + 1, nextBreak).replace(/#.*$/, ''))) throw new EditRefused(`Crosswalk could not find where ${what} goes.`);
    return { start: colon + 1, end: colon + 1, text: ` ${valueText}` };
  }
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(text[end - 1])) end--;
  const old = text.slice(node.range[0], end);
  if ((YAML.isSeq(node) || YAML.isMap(node)) && !node.flow && old.includes('#')) {
    throw new EditRefused(`${what} is a list with comments in it; edit it by hand so that they stay where you want them.`);
  }
  return { start: node.range[0], end, text: valueText };
}

/** The first YAML error of a text, as "line N: message" at the line the reader reports it, for refusals. */
export function firstError(doc: YAML.Document.Parsed, text: string, lineBase = 0): string | undefined {
  if (!doc.errors.length) return undefined;
  const problem = parseYaml(text).problems.find((p) => p.severity === 'error');
  const at = problem?.start ?? doc.errors[0].pos[0];
  return `line ${lineOf(text, at) + lineBase}: ${(problem?.message ?? doc.errors[0].message).replace(/^Broken YAML: /, '').split('\n')[0]}`;
}

/**
 * Applies a splice and checks that the text now parses to what `intent` makes of the document
 * before the edit (the same change through the Document API), with the same YAML errors as before.
 */
export function verified(before: string, splice: Splice, intent: (doc: YAML.Document) => void, what: string): string {
  const after = applySplice(before, splice);
  const doc = parseForEdit(after);
  const expected = parseForEdit(before);
  const codes = (d: YAML.Document.Parsed) => d.errors.map((e) => e.code).join(',');
  const oldCodes = codes(expected);
  intent(expected);
  if (codes(doc) !== oldCodes || !same(plain(doc.contents), plain(expected.contents))) {
    throw new EditRefused(`Crosswalk could not change ${what} without changing something else; edit it by hand.`);
  }
  return after;
}

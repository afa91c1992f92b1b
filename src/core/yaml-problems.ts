import YAML from 'yaml';

/** A problem in a YAML text (front matter or config), at a range of that text. */
export interface YamlProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
  /** The text is not valid YAML (as opposed to valid YAML with a wrong setting). */
  syntax?: true;
}

export interface ParsedYaml {
  /** The parsed value (without the keys a YAML error touches), or undefined when nothing is usable. */
  value: unknown;
  doc?: YAML.Document.Parsed;
  problems: YamlProblem[];
}

/**
 * Parses YAML without throwing. A syntax error becomes a problem at the line where it is (an
 * unclosed bracket or quote at its opening, not where the parser gave up), and the top-level
 * keys the error does not touch are kept, so that one typo does not drop every setting. An alias
 * that names no anchor becomes a problem at the alias and an empty value.
 */
export function parseYaml(text: string): ParsedYaml {
  try {
    // YAML counts a lone CR as a line break; the `yaml` package does not. Same length, same offsets.
    const source = text.replace(/\r(?!\n)/g, '\n');
    const doc = YAML.parseDocument(source, { prettyErrors: false, uniqueKeys: true });
    const problems: YamlProblem[] = [];
    if (doc.errors.length > 0) {
      // The first error is the one to fix; the ones after it mostly follow from it.
      const error = doc.errors[0];
      const [start, end] = errorRange(doc, source, error);
      problems.push({ message: `Broken YAML: ${error.message.split('\n')[0]}`, start, end, severity: 'error', syntax: true });
      dropBrokenKeys(doc, doc.errors.map((e) => errorRange(doc, source, e)));
    }
    problems.push(...dropUnresolvedAliases(doc));
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Aliases that expand to more than 100 nodes (a "billion laughs"): nothing of it is used.
      return { value: undefined, problems: [...problems, { message: `Broken YAML: ${(error as Error).message}`, start: 0, end: Math.min(text.length, 1), severity: 'error', syntax: true }] };
    }
    return { value, doc, problems };
  } catch (error) {
    return { value: undefined, problems: [{ message: `Broken YAML: ${(error as Error).message}`, start: 0, end: Math.min(text.length, 1), severity: 'error', syntax: true }] };
  }
}

/**
 * Where an error belongs. For an unclosed flow collection or quoted string the parser reports
 * the place where it gave up, often the next line or the end of the text: the opening bracket
 * or quote is where the user has to look.
 */
function errorRange(doc: YAML.Document.Parsed, text: string, error: YAML.YAMLError): [number, number] {
  const [start, end] = error.pos;
  let opener: YAML.Node | undefined;
  if (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' || error.code === 'UNEXPECTED_TOKEN') {
    YAML.visit(doc, (_key, node) => {
      if (!YAML.isNode(node) || !node.range) return;
      const unclosed = (YAML.isCollection(node) && node.flow) || (YAML.isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'));
      if (unclosed && node.range[0] < start && node.range[1] >= start && (!opener || node.range[0] > opener.range![0])) {
        const closing = YAML.isScalar(node) ? text[node.range[0]] : YAML.isSeq(node) ? ']' : '}';
        const last = text.slice(node.range[0], node.range[1]).trimEnd();
        if (last.length < 2 || !last.endsWith(closing)) opener = node;
      }
    });
  }
  if (opener?.range) return [opener.range[0], opener.range[0] + 1];
  // An error past the last line, or on nothing but a line break, belongs to the text before it.
  let at = Math.min(start, text.length);
  if (at >= text.length || /^[\r\n]+$/.test(text.slice(at, Math.max(end, at + 1)))) {
    let back = at;
    while (back > 0 && /\s/.test(text[back - 1])) back--;
    if (back > 0) at = back - 1;
  }
  return [at, Math.max(at + 1, Math.min(end, lineEndFrom(text, at)))];
}

function lineEndFrom(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Removes the top-level keys whose text holds an error, keeping the others. */
function dropBrokenKeys(doc: YAML.Document.Parsed, errors: [number, number][]): void {
  const contents = doc.contents;
  if (!YAML.isMap(contents)) {
    doc.contents = null;
    return;
  }
  contents.items = contents.items.filter((pair) => {
    const key = pair.key as YAML.Node | null;
    const value = pair.value as YAML.Node | null;
    const from = key?.range?.[0] ?? value?.range?.[0];
    const to = value?.range?.[2] ?? key?.range?.[2];
    if (from === undefined || to === undefined) return false;
    return !errors.some(([s, e]) => s < Math.max(to, from + 1) && e > from);
  });
}

/** Replaces each alias that names no anchor with an empty value, as a problem at the alias. */
function dropUnresolvedAliases(doc: YAML.Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  YAML.visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      const [start, end] = node.range ?? [0, 1];
      problems.push({ message: `Broken YAML: the alias *${node.source} names no anchor (&${node.source}) before it.`, start, end: Math.max(end, start + 1), severity: 'warning' });
      return new YAML.Scalar(null);
    },
  });
  return problems;
}

/** The range of a key's value (or of the key when the value has none) in a parsed document. */
export function rangeOfPath(doc: YAML.Document.Parsed | undefined, path: (string | number)[], which: 'key' | 'value' = 'value'): [number, number] | undefined {
  if (!doc) return undefined;
  if (which === 'key') {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    if (YAML.isMap(parent)) {
      const pair = parent.items.find((item) => YAML.isScalar(item.key) && item.key.value === path[path.length - 1]);
      const key = pair?.key;
      if (YAML.isNode(key) && key.range) return [key.range[0], key.range[1]];
    }
    return undefined;
  }
  const node = doc.getIn(path, true);
  if (YAML.isNode(node) && node.range) return [node.range[0], node.range[1]];
  return undefined;
}

/** The closest of `options` to a mistyped `word`, for "did you mean" messages. */
export function closest(word: string, options: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const prefixed = options.filter((o) => lower.length >= 3 && o.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = option;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

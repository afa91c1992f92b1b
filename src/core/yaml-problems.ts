import YAML from 'yaml';

/** A problem in a YAML text (front matter or config), at a range of that text. */
export interface YamlProblem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface ParsedYaml {
  /** The parsed value, or undefined when the YAML is broken. */
  value: unknown;
  doc?: YAML.Document.Parsed;
  problems: YamlProblem[];
}

/** Parses YAML without throwing; a syntax error becomes a problem at the broken place. */
export function parseYaml(text: string): ParsedYaml {
  try {
    const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      // The first error is the one to fix; the ones after it mostly follow from it.
      const problems = doc.errors.slice(0, 1).map((error) => {
        const [start, end] = error.pos;
        return {
          message: `Broken YAML: ${error.message.split('\n')[0]}`,
          start,
          end: Math.max(end, start + 1),
          severity: 'error' as const,
        };
      });
      return { value: undefined, problems };
    }
    return { value: doc.toJS(), doc, problems: [] };
  } catch (error) {
    return { value: undefined, problems: [{ message: `Broken YAML: ${(error as Error).message}`, start: 0, end: Math.min(text.length, 1), severity: 'error' }] };
  }
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

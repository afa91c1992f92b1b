/** A small option parser: `--name value`, `--name=value`, repeatable options, flags, `--` ends options. */

export class UsageError extends Error {}

export interface OptionSpec {
  /** Takes a value. */
  value?: boolean;
  /** May be given more than once (values are collected). */
  repeat?: boolean;
  /** Other spellings, such as `-o`. */
  aliases?: string[];
}

export interface Parsed {
  positionals: string[];
  /** Flag: true; value: the last given (or every one with `repeat`). */
  options: Map<string, string | true | string[]>;
}

export function parseOptions(argv: readonly string[], specs: Record<string, OptionSpec>): Parsed {
  const byName = new Map<string, [string, OptionSpec]>();
  for (const [name, spec] of Object.entries(specs)) {
    byName.set(name, [name, spec]);
    for (const alias of spec.aliases ?? []) byName.set(alias, [name, spec]);
  }
  const parsed: Parsed = { positionals: [], options: new Map() };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const given = eq === -1 ? arg : arg.slice(0, eq);
    const found = byName.get(given);
    if (!found) throw new UsageError(`Unknown option ${given}.`);
    const [name, spec] = found;
    if (!spec.value) {
      if (eq !== -1) throw new UsageError(`${given} takes no value.`);
      parsed.options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined) throw new UsageError(`${given} needs a value.`);
      i++;
    }
    if (spec.repeat) {
      const list = parsed.options.get(name);
      parsed.options.set(name, [...(Array.isArray(list) ? list : []), value]);
    } else parsed.options.set(name, value);
  }
  return parsed;
}

export const flag = (parsed: Parsed, name: string): boolean => parsed.options.get(name) === true;
export const value = (parsed: Parsed, name: string): string | undefined => {
  const v = parsed.options.get(name);
  return typeof v === 'string' ? v : undefined;
};
export const values = (parsed: Parsed, name: string): string[] => {
  const v = parsed.options.get(name);
  return Array.isArray(v) ? v : [];
};

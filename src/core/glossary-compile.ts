import { entriesFromData, Glossary, type GlossaryEntry, type GlossaryFileProblem } from './glossary';
import type { Steps } from './steps';
import { parseYaml } from './yaml-problems';

/**
 * Compiling a large team glossary without holding up the process it runs in. A glossary of 100,000
 * terms is about 10 MB of YAML: parsing it in one go held the language server (and, before it, the
 * extension host) for tens of seconds, during which no hover, no code action and no other draft was
 * served. Here the work is cut into slices of a few tens of milliseconds with a turn of the event
 * loop between them; the result is the same glossary that `mergeGlossaries` and `new Glossary`
 * build in one go (test/unit/glossary-compile.test.ts holds them equal).
 *
 * Plain TypeScript, no Node: `setTimeout` and `Date` exist in Node, browsers and web workers.
 */

/** Gives the event loop a turn between slices. */
export type Pause = () => Promise<void>;

export interface SliceOptions {
  /** Defaults to a `setTimeout(0)`, so that timers and I/O callbacks run, not only promises. */
  pause?: Pause;
  /** How long one slice may run before the next pause, in ms (default 30). */
  sliceMs?: number;
  /** When it turns true, compiling stops at the next pause and rejects with an `AbortError`. */
  signal?: { readonly aborted: boolean };
}

const defaultPause: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs `step` until it returns true, pausing whenever a slice has run `sliceMs`. */
export class Slicer {
  private sliceStart = Date.now();
  private readonly pauseFn: Pause;
  private readonly sliceMs: number;

  constructor(private readonly options: SliceOptions = {}) {
    this.pauseFn = options.pause ?? defaultPause;
    this.sliceMs = options.sliceMs ?? 30;
  }

  /** Pauses when this slice has run long enough; cheap to call often. */
  async maybePause(): Promise<void> {
    if (Date.now() - this.sliceStart < this.sliceMs) return;
    await this.pause();
  }

  /** Runs steps (src/core/steps.ts) to their end, with a chance to pause at each yield. */
  async run<T>(steps: Steps<T>): Promise<T> {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      await this.maybePause();
    }
  }

  async pause(): Promise<void> {
    await this.pauseFn();
    if (this.options.signal?.aborted) throw Object.assign(new Error('Glossary compile cancelled'), { name: 'AbortError' });
    this.sliceStart = Date.now();
  }
}

/** Terms read into entries between two chances to pause. */
const ENTRIES_PER_SLICE = 2000;

/** Items parsed in one YAML call: enough that the parser's set-up is small beside the work. */
const ITEMS_PER_PARSE = 64;

/**
 * The value of a glossary file, parsed in slices when it has the usual shape (a top-level
 * `terms:` key over a block list, `- term: ...` items). Anything else (a flow list, anchors and
 * aliases between items, tabs, several documents, a YAML error anywhere) is parsed in one go by
 * `parseYaml`, so that every problem is reported as the one-go parse reports it.
 */
export async function parseGlossaryText(text: string, slicer: Slicer): Promise<ReturnType<typeof parseYaml>> {
  const split = await splitTermItems(text, slicer);
  if (!split) return parseYaml(text);
  const skeleton = parseYaml(split.skeleton);
  const value = skeleton.value;
  if (skeleton.problems.length || !value || typeof value !== 'object' || Array.isArray(value) || (value as { terms?: unknown }).terms != null) return parseYaml(text);
  const terms: unknown[] = [];
  for (let i = 0; i < split.items.length; i += ITEMS_PER_PARSE) {
    await slicer.maybePause();
    const batch = split.items.slice(i, i + ITEMS_PER_PARSE).join('\n');
    const parsed = parseYaml(batch);
    if (parsed.problems.length || !Array.isArray(parsed.value)) return parseYaml(text);
    for (const item of parsed.value) terms.push(item);
  }
  return { value: { ...(value as object), terms }, problems: [] };
}

/**
 * Cuts a glossary text into the lines outside its `terms:` list (the skeleton, with `terms:`
 * standing alone) and the text of each list item, or says it cannot (undefined) when the text
 * is not plainly a block list under a top-level `terms:`. Walks the lines with `indexOf`, pausing
 * between slices: a 100,000-term file has a million lines. Also where each item starts in the
 * text and where the list ends (the start of the line after it, or the text's end): the format
 * check (src/core/glossary-check.ts) parses the file's own text between them, so that the
 * ranges it finds are the file's.
 */
export async function splitTermItems(text: string, slicer: Slicer = new Slicer({ sliceMs: Infinity })): Promise<{ skeleton: string; items: string[]; itemStarts: number[]; listEnd: number } | undefined> {
  // Cheap refusals first: tabs in indentation, directives and document markers.
  if (/^[ ]*\t|^(?:%|---|\.\.\.)/m.test(text)) return undefined;
  const lines: string[] = [];
  const lineStarts: number[] = [];
  // The next CR is searched for again only once passed (most files have none: a search per line
  // would read the rest of the file each time).
  let cr = text.indexOf('\r');
  for (let from = 0, n = 0; ; n++) {
    if (n % 4096 === 4095) await slicer.maybePause();
    if (cr !== -1 && cr < from) cr = text.indexOf('\r', from);
    const lf = text.indexOf('\n', from);
    const brk = lf === -1 ? (cr === -1 ? text.length : cr) : cr === -1 || lf < cr ? lf : cr;
    lines.push(text.slice(from, brk));
    lineStarts.push(from);
    if (brk === text.length) break;
    from = brk + (text.charCodeAt(brk) === 13 && text.charCodeAt(brk + 1) === 10 ? 2 : 1);
  }
  let at = 0;
  while (at < lines.length && !/^terms:[ ]*(?:#.*)?$/.test(lines[at])) {
    if (++at % 4096 === 0) await slicer.maybePause();
  }
  if (at === lines.length) return undefined;
  const blankOrComment = (line: string) => /^[ ]*(?:#.*)?$/.test(line);
  let first = at + 1;
  while (first < lines.length && blankOrComment(lines[first])) first++;
  const head = /^([ ]*)-(?:[ ]|$)/.exec(lines[first] ?? '');
  if (!head) return undefined;
  const indent = head[1].length;
  const itemStart = new RegExp(`^[ ]{${indent}}-(?:[ ]|$)`);
  const items: string[] = [];
  const itemStarts: number[] = [];
  let current: string[] | undefined;
  let end = first;
  for (; end < lines.length; end++) {
    if (end % 4096 === 4095) await slicer.maybePause();
    const line = lines[end];
    if (itemStart.test(line)) {
      if (current) items.push(current.join('\n'));
      itemStarts.push(lineStarts[end]);
      current = [line];
      continue;
    }
    if (blankOrComment(line)) {
      current?.push(line);
      continue;
    }
    const spaces = /^[ ]*/.exec(line)?.[0].length ?? 0;
    // A line indented past the item's dash continues it; one at or left of the dash ends the list
    // (a top-level key), unless it is at the dash's column without a dash: not plainly a list.
    if (spaces > indent) {
      current?.push(line);
      continue;
    }
    if (spaces === indent && indent > 0) return undefined;
    break;
  }
  if (current) items.push(current.join('\n'));
  // Comments and blank lines that trail the list belong to the skeleton, where they do no harm.
  const skeleton = [...lines.slice(0, at + 1), ...lines.slice(end)].join('\n');
  return { skeleton, items, itemStarts, listEnd: end < lines.length ? lineStarts[end] : text.length };
}

/**
 * `mergeGlossaries` in slices: team glossaries merged over the built-in entries, a team term with
 * the same name overriding. The same entries and problems, in the same order.
 */
export async function mergeGlossariesAsync(
  builtIn: GlossaryEntry[], teams: { name: string; text: string }[], slicer: Slicer,
): Promise<{ entries: GlossaryEntry[]; problems: GlossaryFileProblem[] }> {
  const byTerm = new Map<string, GlossaryEntry>();
  for (const entry of builtIn) byTerm.set(entry.term.toLowerCase(), entry);
  const problems: GlossaryFileProblem[] = [];
  for (const team of teams) {
    await slicer.maybePause();
    const parsed = await parseGlossaryText(team.text, slicer);
    if (parsed.problems.length) {
      problems.push(...parsed.problems.map((p) => ({ origin: team.name, message: `${team.name}: ${p.message}`, start: p.start, end: p.end })));
      continue;
    }
    const terms = (parsed.value as { terms?: unknown } | undefined)?.terms;
    const entries: GlossaryEntry[] = [];
    if (!Array.isArray(terms)) {
      const result = entriesFromData(parsed.value, team.name, byTerm);
      problems.push(...result.problems);
      entries.push(...result.entries);
    } else {
      // A file's own terms are added after all of it is read, as the one-go merge does: a term
      // repeated in the file overrides the built-in one, not its own earlier entry.
      for (let i = 0; i < terms.length; i += ENTRIES_PER_SLICE) {
        await slicer.maybePause();
        const result = entriesFromData({ terms: terms.slice(i, i + ENTRIES_PER_SLICE) }, team.name, byTerm, i);
        problems.push(...result.problems);
        for (const entry of result.entries) entries.push(entry);
      }
    }
    for (const entry of entries) byTerm.set(entry.term.toLowerCase(), entry);
  }
  return { entries: [...byTerm.values()], problems };
}

/** `new Glossary(entries)` in slices. */
export async function compileGlossary(entries: GlossaryEntry[], slicer: Slicer): Promise<Glossary> {
  const glossary = new Glossary(entries, { index: false });
  const SLICE = 2000;
  for (let i = 0; i < entries.length; i += SLICE) {
    await slicer.maybePause();
    glossary.index(i, Math.min(entries.length, i + SLICE));
  }
  return glossary;
}

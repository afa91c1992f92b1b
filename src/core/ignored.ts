import YAML from 'yaml';
import { addPair, appendToSeq, EditRefused, eolOf, firstError, flowText, pairsOf, parseForEdit, verified } from './yaml-edit';
import { isInside, normalisePath } from './paths';
import type { Finding, IgnoredFinding } from './types';

/**
 * "Ignore here": findings a team has decided to leave, kept in the repository under `ignored:` in
 * `.crosswalk.yaml` (schema: data/schema/config.schema.json), so that the editor, the language
 * server and `crosswalk check` all leave them out. An entry names the finding by its rule, the
 * draft (relative to the config file's folder), the text it covers and a little of the text
 * around it, never by line number: edits elsewhere in the draft do not lose it, and an edit of
 * the sentence itself brings the finding back, as a changed sentence deserves a new look.
 *
 * Pure: the engine applies it (src/core/linter.ts), the shells only read and write the file.
 */

/** Characters of context kept on each side of the finding's text, cut back to whole words. */
const CONTEXT_CHARS = 40;
/** Characters read on each side when matching: more than CONTEXT_CHARS survive collapsing spaces. */
const WINDOW_CHARS = 400;
/** Rules whose findings are not about the draft's words (config problems, a failed check). */
const NOT_IGNORABLE = new Set(['config', 'crosswalk']);

/** Runs of white space (line breaks included) as one space: a re-wrapped paragraph still matches. */
const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** A blank line ends a paragraph: context never reaches into the next one. */
const PARAGRAPH_BREAK = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g;

function textBefore(text: string, start: number, window: number): string {
  const raw = text.slice(Math.max(0, start - window), start);
  let cut = 0;
  for (const m of raw.matchAll(PARAGRAPH_BREAK)) cut = m.index + m[0].length;
  return collapse(raw.slice(cut)).replace(/^ /, '');
}

function textAfter(text: string, end: number, window: number): string {
  const raw = text.slice(end, end + window);
  PARAGRAPH_BREAK.lastIndex = 0;
  const m = PARAGRAPH_BREAK.exec(raw);
  return collapse(m ? raw.slice(0, m.index) : raw).replace(/ $/, '');
}

/** The last `n` characters of `s`, starting at a word's start. */
function tailWords(s: string, n: number): string {
  if (s.length <= n) return s;
  const tail = s.slice(s.length - n);
  const space = tail.indexOf(' ');
  return space < 0 ? '' : tail.slice(space + 1);
}

/** The first `n` characters of `s`, ending at a word's end. */
function headWords(s: string, n: number): string {
  if (s.length <= n) return s;
  const head = s.slice(0, n);
  const space = head.lastIndexOf(' ');
  return space < 0 ? '' : head.slice(0, space);
}

/** Whether "Ignore here" is offered for a finding: not for config problems or a failed check. */
export function canIgnore(finding: Pick<Finding, 'ruleId'>): boolean {
  return !NOT_IGNORABLE.has(finding.ruleId);
}

/**
 * The entry that ignores `finding` of the draft `text`, whose path relative to the config file's
 * folder is `file` ('/'-separated).
 */
export function ignoreEntryFor(text: string, finding: Pick<Finding, 'ruleId' | 'range'>, file: string): IgnoredFinding {
  const start = finding.range.start.offset;
  const end = finding.range.end.offset;
  const matched = collapse(text.slice(start, end));
  const before = tailWords(textBefore(text, start, CONTEXT_CHARS * 2), CONTEXT_CHARS);
  const after = headWords(textAfter(text, end, CONTEXT_CHARS * 2), CONTEXT_CHARS);
  return { rule: finding.ruleId, file: normaliseFile(file), text: matched, context: `${before}${matched}${after}` };
}

function normaliseFile(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/**
 * The draft's path relative to the config file's folder, '/'-separated, or undefined when the
 * draft is not inside that folder (an entry never reaches a file outside it).
 */
export function draftPathFromConfig(draftPath: string | undefined, configPath: string | undefined): string | undefined {
  if (draftPath === undefined || configPath === undefined) return undefined;
  const folder = normalisePath(configPath).replace(/\/[^/]*$/, '') || '/';
  const draft = normalisePath(draftPath);
  if (!isInside(draft, folder) || draft === folder) return undefined;
  return draft.slice(folder.replace(/\/$/, '').length + 1);
}

/** Whether an entry stands for the finding at `start`-`end` of `text`. */
function matches(entry: IgnoredFinding, text: string, start: number, end: number): boolean {
  if (collapse(text.slice(start, end)) !== entry.text) return false;
  const context = entry.context ?? entry.text;
  const before = textBefore(text, start, WINDOW_CHARS);
  const after = textAfter(text, end, WINDOW_CHARS);
  // The text may stand more than once in its context: any place where both sides agree will do.
  for (let i = context.indexOf(entry.text); i >= 0; i = context.indexOf(entry.text, i + 1)) {
    if (before.endsWith(context.slice(0, i)) && after.startsWith(context.slice(i + entry.text.length))) return true;
    if (entry.text === '') break;
  }
  return false;
}

/**
 * The findings left once the entries for this draft (`file`, relative to the config's folder)
 * are taken out. Linear in findings and entries: entries are looked up by rule and text.
 */
export function withoutIgnored<F extends Pick<Finding, 'ruleId' | 'range'>>(findings: F[], text: string, entries: readonly IgnoredFinding[] | undefined, file: string | undefined): F[] {
  if (!entries?.length || file === undefined) return findings;
  const here = normaliseFile(file);
  const byKey = new Map<string, IgnoredFinding[]>();
  for (const entry of entries) {
    if (normaliseFile(entry.file) !== here) continue;
    const key = `${entry.rule}\u0000${entry.text}`;
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  }
  if (byKey.size === 0) return findings;
  return findings.filter((f) => {
    if (!canIgnore(f)) return true;
    const { offset: start } = f.range.start;
    const { offset: end } = f.range.end;
    const candidates = byKey.get(`${f.ruleId}\u0000${collapse(text.slice(start, end))}`);
    return !candidates?.some((entry) => matches(entry, text, start, end));
  });
}

/**
 * Adds an entry to `ignored:` in `.crosswalk.yaml` text, in place (src/core/yaml-edit.ts),
 * creating the key, or the file's text when it is empty. An entry already there leaves the text
 * as it is. Throws EditRefused for a file it does not understand.
 */
export function addIgnoredToConfigText(configText: string, entry: IgnoredFinding): string {
  const item: Record<string, string> = { rule: entry.rule, file: entry.file, text: entry.text, context: entry.context ?? entry.text };
  const eol = eolOf(configText);
  const block = (lines: string[]) => lines.join(eol);
  const skeleton = () => block(['ignored:', `  - rule: ${flowText(item.rule)}`, `    file: ${flowText(item.file)}`, `    text: ${flowText(item.text)}`, `    context: ${flowText(item.context)}`, '']);
  if (!configText.trim()) return skeleton();
  const doc = parseForEdit(configText);
  const broken = firstError(doc, configText);
  if (broken) throw new EditRefused(`.crosswalk.yaml is not valid YAML (${broken}); fix it, then try again.`);
  const what = '.crosswalk.yaml';
  if (doc.contents === null || (YAML.isScalar(doc.contents) && doc.contents.value === null)) {
    return `${configText}${/[\r\n]$/.test(configText) ? '' : eol}${skeleton()}`;
  }
  if (!YAML.isMap(doc.contents)) throw new EditRefused('.crosswalk.yaml is not a map of settings; Crosswalk leaves it as it is.');
  const root = doc.contents;
  const pairs = pairsOf(root, 'ignored');
  if (pairs.length > 1) throw new EditRefused('"ignored" appears more than once in .crosswalk.yaml; remove one, then try again.');
  const pair = pairs[0];
  const seqIn = (d: YAML.Document) => (d.contents as YAML.YAMLMap).items.find((p) => YAML.isScalar(p.key) && p.key.value === 'ignored')!;
  if (!pair) {
    return verified(configText, addPair(configText, root, 'ignored', [item], eol), (d) => {
      (d.contents as YAML.YAMLMap).items.push(d.createPair('ignored', [item]));
    }, what);
  }
  const value = pair.value;
  if (YAML.isScalar(value) && value.value === null) {
    throw new EditRefused('"ignored:" in .crosswalk.yaml is empty; write "ignored: []" or remove the key, then try again.');
  }
  if (!YAML.isSeq(value)) throw new EditRefused('"ignored" in .crosswalk.yaml is not a list; Crosswalk leaves it as it is.');
  const same = value.items.some((i) => YAML.isMap(i) && ['rule', 'file', 'text', 'context'].every((k) => String(i.get(k) ?? (k === 'context' ? i.get('text') : '')) === item[k]));
  if (same) return configText;
  if (!value.flow && value.items.some((i) => !YAML.isMap(i) || i.flow)) {
    throw new EditRefused('"ignored" in .crosswalk.yaml holds items that are not maps of rule, file, text and context; Crosswalk leaves it as it is.');
  }
  return verified(configText, appendToSeq(configText, value, item, eol), (d) => {
    (seqIn(d).value as YAML.YAMLSeq).items.push(d.createNode(item));
  }, what);
}

/** The title of the "Ignore here" action, the same in every editor. */
export function ignoreTitle(ruleId: string): string {
  return `Ignore this ${ruleId} finding here (kept in .crosswalk.yaml)`;
}

/** An entry as a reader sees it: `jargon "NPO" in drafts/a.md`. */
export function describeIgnored(entry: IgnoredFinding): string {
  return `${entry.rule} "${entry.text.length > 40 ? `${entry.text.slice(0, 40)}…` : entry.text}" in ${entry.file}`;
}

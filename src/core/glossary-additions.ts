import YAML from 'yaml';
import { addKnownTermToGlossary } from './edits';
import { EditRefused, firstError, lineOf, parseForEdit, verified, type Splice } from './yaml-edit';

/**
 * Team glossary entries added from the editor ("Add to team glossary"), marked so that they can be
 * found again and undone ("Crosswalk: Review Glossary Additions"): a comment on the line of the
 * entry's term, in the file itself, so that the language server's edits and the extension's are
 * found alike and the team sees them in review.
 *
 *   - term: UAT # crosswalk: added from the editor           (a new entry: undo removes it)
 *   - term: cutover # crosswalk: added clinical from the editor   (an audience added: undo takes it out)
 *
 * Every change is an in-place edit verified by src/core/yaml-edit.ts; what it does not understand
 * is refused (EditRefused) or, for marking, left unmarked.
 */

const MARK = /[ \t]+# crosswalk: added (?:(.+?) )?from the editor[ \t]*$/;

export interface GlossaryAddition {
  term: string;
  /** The audiences added to an entry that was there before; undefined for an entry the editor created. */
  audiences?: string[];
  /** 1-based line of the term in the glossary file. */
  line: number;
}

interface Located {
  doc: YAML.Document.Parsed;
  seq: YAML.YAMLSeq;
  index: number;
  entry: YAML.YAMLMap;
  /** Offsets of the line that holds the term's value, and of that value's end. */
  lineStart: number;
  lineEnd: number;
  valueEnd: number;
}

function lineBounds(text: string, offset: number): [number, number] {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return [start, end];
}

type Entry = Omit<Located, 'doc' | 'seq'>;

/** Every block entry of `terms:` with its term's line, in file order. */
function entries(text: string): { doc?: YAML.Document.Parsed; seq?: YAML.YAMLSeq; list: Entry[] } {
  const doc = parseForEdit(text);
  if (doc.errors.length || !YAML.isMap(doc.contents)) return { list: [] };
  const seq = doc.contents.get('terms', true);
  if (!YAML.isSeq(seq) || seq.flow) return { list: [] };
  const list: Entry[] = [];
  seq.items.forEach((item, index) => {
    if (!YAML.isMap(item) || item.flow) return;
    const pair = item.items.find((p) => YAML.isScalar(p.key) && p.key.value === 'term');
    const value = pair?.value;
    if (!YAML.isScalar(value) || typeof value.value !== 'string' || !value.range) return;
    const [lineStart, lineEnd] = lineBounds(text, value.range[0]);
    list.push({ index, entry: item, lineStart, lineEnd, valueEnd: value.range[1] });
  });
  return { doc, seq, list };
}

const termOf = (entry: YAML.YAMLMap) => String(entry.get('term'));

function locate(text: string, term: string): Located | undefined {
  const { doc, seq, list } = entries(text);
  const lower = term.toLowerCase();
  // The last entry wins when a glossary lists a term twice, as the engine reads it.
  const found = [...list].reverse().find((e) => termOf(e.entry).toLowerCase() === lower);
  return found && seq && doc ? { ...found, seq, doc } : undefined;
}

/** What stands after the term's value on its line: '' or a comment. */
function restOfLine(text: string, at: Located): string {
  return text.slice(at.valueEnd, at.lineEnd);
}

/**
 * "Add to team glossary", marked: the term is known to `audience` from now on (src/core/edits.ts)
 * and its line says the editor added it. An entry whose term line holds another comment, or a
 * glossary in flow style, is changed but left unmarked.
 */
export function addKnownTermMarked(glossaryText: string, term: string, audience: string, knownTo: readonly string[] = []): string {
  const before = locate(glossaryText, term);
  const next = addKnownTermToGlossary(glossaryText, term, audience, knownTo);
  if (next === glossaryText) return next;
  const at = locate(next, term);
  if (!at) return next;
  const rest = restOfLine(next, at);
  const existing = MARK.exec(rest);
  let comment: string;
  if (!before) comment = ' # crosswalk: added from the editor';
  else if (existing && existing[1] === undefined) return next; // the editor made the whole entry: undo removes it all
  else if (existing) comment = ` # crosswalk: added ${[...new Set([...existing[1].split(/,\s*/), audience])].join(', ')} from the editor`;
  else if (rest.trim() === '') comment = ` # crosswalk: added ${audience} from the editor`;
  else return next; // a comment of the team's own: not ours to change
  const splice: Splice = existing ? { start: at.valueEnd + existing.index, end: at.lineEnd, text: comment } : { start: at.lineEnd, end: at.lineEnd, text: comment };
  try {
    return verified(next, splice, () => undefined, 'the team glossary');
  } catch {
    return next;
  }
}

/** The entries of a team glossary that the editor added, in file order. */
export function glossaryAdditions(glossaryText: string): GlossaryAddition[] {
  const out: GlossaryAddition[] = [];
  for (const e of entries(glossaryText).list) {
    const m = MARK.exec(glossaryText.slice(e.valueEnd, e.lineEnd));
    if (!m) continue;
    out.push({ term: termOf(e.entry), ...(m[1] !== undefined ? { audiences: m[1].split(/,\s*/).filter(Boolean) } : {}), line: lineOf(glossaryText, e.lineStart) });
  }
  return out;
}

/** A splice that removes item `index` of a block list, its lines and their line break. */
function removeBlockItem(text: string, seq: YAML.YAMLSeq, index: number, parent?: { pair: YAML.Pair }): Splice {
  const item = seq.items[index] as YAML.Node;
  if (!item.range) throw new EditRefused('Crosswalk could not find the entry in the file.');
  const [start] = lineBounds(text, item.range[0]);
  let end = item.range[1];
  while (end > item.range[0] && /\s/.test(text[end - 1])) end--;
  let [, stop] = lineBounds(text, Math.max(item.range[0], end - 1));
  if (seq.items.length === 1 && parent) {
    // The last entry: the list becomes `[]` after its key, so that the key keeps a list.
    const key = parent.pair.key as YAML.Node;
    const colon = text.indexOf(':', key.range![1]);
    const [, keyLineEnd] = lineBounds(text, colon);
    return { start: colon + 1, end: stop, text: ` []${text.slice(colon + 1, keyLineEnd).match(/[ \t]+#.*$/)?.[0] ?? ''}` };
  }
  if (text[stop] === '\r' && text[stop + 1] === '\n') stop += 2;
  else if (text[stop] === '\n' || text[stop] === '\r') stop += 1;
  return { start, end: stop, text: '' };
}

/** A splice that removes item `index` of a flow list with the comma beside it. */
function removeFlowItem(text: string, seq: YAML.YAMLSeq, index: number): Splice {
  const item = seq.items[index] as YAML.Node;
  if (!item.range) throw new EditRefused('Crosswalk could not find the audience in the list.');
  if (index > 0) {
    const previous = seq.items[index - 1] as YAML.Node;
    return { start: previous.range![1], end: item.range[1], text: '' };
  }
  if (seq.items.length > 1) {
    const next = seq.items[1] as YAML.Node;
    return { start: item.range[0], end: next.range![0], text: '' };
  }
  return { start: item.range[0], end: item.range[1], text: '' };
}

/**
 * Undoes an addition the editor made for `term`: removes the entry it created, or takes the
 * audiences it added out of `familiar_to` and drops the mark. Refuses what it does not understand.
 */
export function undoGlossaryAddition(glossaryText: string, term: string): { text: string; removed: GlossaryAddition } {
  const broken = firstError(parseForEdit(glossaryText), glossaryText);
  if (broken) throw new EditRefused(`The team glossary is not valid YAML (${broken}); fix it, then try again.`);
  const at = locate(glossaryText, term);
  const mark = at && MARK.exec(restOfLine(glossaryText, at));
  if (!at || !mark) throw new EditRefused(`"${term}" is not marked in the team glossary as added from the editor; edit the glossary by hand.`);
  const removed: GlossaryAddition = { term: termOf(at.entry), ...(mark[1] !== undefined ? { audiences: mark[1].split(/,\s*/).filter(Boolean) } : {}), line: lineOf(glossaryText, at.lineStart) };
  const what = `the entry for "${removed.term}" in the team glossary`;
  if (!removed.audiences) {
    const termsPair = (at.doc.contents as YAML.YAMLMap).items.find((p) => YAML.isScalar(p.key) && p.key.value === 'terms')!;
    const splice = removeBlockItem(glossaryText, at.seq, at.index, { pair: termsPair });
    const text = verified(glossaryText, splice, (d) => {
      ((d.contents as YAML.YAMLMap).get('terms', true) as unknown as YAML.YAMLSeq).items.splice(at.index, 1);
    }, what);
    return { text, removed };
  }
  // Drop the mark first (a comment: the data stays the same), then each audience it names.
  let text = verified(glossaryText, { start: at.valueEnd + mark.index, end: at.lineEnd, text: '' }, () => undefined, what);
  for (const audience of removed.audiences) {
    const now = locate(text, term)!;
    const familiar = now.entry.get('familiar_to', true);
    if (!YAML.isSeq(familiar)) throw new EditRefused(`familiar_to of "${removed.term}" is not a list; edit the glossary by hand.`);
    const index = familiar.items.findIndex((i) => YAML.isScalar(i) && String(i.value).toLowerCase() === audience.toLowerCase());
    if (index < 0) continue;
    const splice = familiar.flow || text[familiar.range![0]] === '[' ? removeFlowItem(text, familiar, index) : removeBlockItem(text, familiar, index);
    const entryIndex = now.index;
    text = verified(text, splice, (d) => {
      const entry = ((d.contents as YAML.YAMLMap).get('terms', true) as unknown as YAML.YAMLSeq).items[entryIndex] as YAML.YAMLMap;
      (entry.get('familiar_to', true) as unknown as YAML.YAMLSeq).items.splice(index, 1);
    }, what);
  }
  return { text, removed };
}

import type { Finding, Fix, TextEdit } from './types';
import { firstAfter } from './sorted-search';

/**
 * The one place where Crosswalk's edits meet a writer's text: the editor's fix-all, the CLI and
 * Rewrite for Audience all go through here, so that every caller applies edits the same way and
 * none can garble text with overlapping edits.
 */

/** An edit is a fix's edit, or a fix whose edits all apply. */
type Item = Fix | TextEdit;

const editsOf = (items: readonly Item[]): TextEdit[] => items.flatMap((item) => ('edits' in item ? item.edits : [item]));

/**
 * The edits sorted by where they start, checked: each within the text and clear of the others
 * (edits may touch, never overlap; two at the same place, insertions included, are refused
 * because their order would be a guess). Throws a RangeError naming the first clash.
 */
export function sortedEdits(text: string, items: readonly Item[]): TextEdit[] {
  const edits = editsOf(items).slice().sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  let previous: TextEdit | undefined;
  for (const edit of edits) {
    const { start, end } = { start: edit.range.start.offset, end: edit.range.end.offset };
    if (start < 0 || end < start || end > text.length) throw new RangeError(`Edit ${start}-${end} lies outside the text (${text.length} characters).`);
    if (previous) {
      const p = { start: previous.range.start.offset, end: previous.range.end.offset };
      if (start < p.end || start === p.start) throw new RangeError(`Edits ${p.start}-${p.end} and ${start}-${end} overlap.`);
    }
    previous = edit;
  }
  return edits;
}

/** The text with the edits applied, all at once; overlapping edits are refused (see `sortedEdits`). */
export function applyFixes(text: string, items: readonly Item[]): string {
  const edits = sortedEdits(text, items);
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.range.start.offset), edit.newText);
    at = edit.range.end.offset;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** True when two edits cannot both apply: they overlap, or start at the same place. */
function clash(a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [a.range.start.offset, a.range.end.offset, b.range.start.offset, b.range.end.offset];
  return as === bs || (as < be && bs < ae);
}

/**
 * Of the fixes, in order, those that can apply together: a fix that clashes with one taken before
 * it is left for the next run, whole (a fix's edits go together or not at all). The edits taken
 * are kept sorted and apart, so only the neighbours of a new edit can clash with it; in document
 * order each new edit goes at the end, and a draft's thousands of fixes take linear time.
 */
export function compatibleFixes(fixes: readonly Fix[]): Fix[] {
  const taken: Fix[] = [];
  const starts: number[] = [];
  const edits: TextEdit[] = [];
  /** Taken section insertions by offset: another one there joins it (see `joinInsertions`). */
  const insertions = new Map<number, number>();
  const clashes = (e: TextEdit): boolean => {
    const i = firstAfter(starts, e.range.start.offset);
    return (i > 0 && clash(edits[i - 1], e)) || (i < edits.length && clash(edits[i], e));
  };
  for (const fix of fixes) {
    const at = pureInsertion(fix);
    const joined = at === undefined ? undefined : insertions.get(at);
    if (at !== undefined && joined !== undefined) {
      // Several missing sections all go where the draft ends (or before the same heading): one
      // insertion of all of them, in the findings' order, so that fix-all adds them in one run.
      const before = taken[joined];
      const merged = joinInsertions(before, fix);
      taken[joined] = merged;
      const i = edits.indexOf(before.edits[0]);
      edits[i] = merged.edits[0];
      continue;
    }
    const own = [...fix.edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
    if (own.some((e, k) => clashes(e) || (k > 0 && clash(own[k - 1], e)))) continue;
    taken.push(fix);
    if (at !== undefined) insertions.set(at, taken.length - 1);
    for (const e of own) {
      const i = firstAfter(starts, e.range.start.offset);
      starts.splice(i, 0, e.range.start.offset);
      edits.splice(i, 0, e);
    }
  }
  return taken;
}

/** How many fixes a fix taken by `compatibleFixes` stands for (more than 1 for joined insertions). */
export function partsOf(fix: Fix): number {
  return joinedParts.get(fix) ?? 1;
}

const joinedParts = new WeakMap<Fix, number>();

/** The offset of a fix that inserts a block and changes nothing else ("Add the section …"), if it is one. */
function pureInsertion(fix: Fix): number | undefined {
  if (fix.kind !== 'insert' || fix.edits.length !== 1) return undefined;
  const [edit] = fix.edits;
  // A block on lines of its own (after a line break, LF, CRLF or lone CR, or a heading at a
  // line's start), so that two of them one after the other read as two blocks.
  if (edit.range.start.offset !== edit.range.end.offset || !/^(?:[\r\n]|#{1,6} )/.test(edit.newText)) return undefined;
  return edit.range.start.offset;
}

const LEADING_BREAKS = /^(?:\r\n|\r|\n)+/;
const TRAILING_BREAKS = /(?:\r\n|\r|\n)+$/;

/**
 * Two blocks inserted at one place, one after the other: what leads the first and what ends the
 * second stay, and one blank line, in the line ending they are written in, stands between them.
 */
function joinBlocks(a: string, b: string): string {
  const eol = /\r\n|\r|\n/.exec(a + b)?.[0] ?? '\n';
  return `${a.replace(TRAILING_BREAKS, '')}${eol}${eol}${b.replace(LEADING_BREAKS, '')}`;
}

function joinInsertions(a: Fix, b: Fix): Fix {
  const merged: Fix = {
    title: `${a.title}; ${b.title}`,
    kind: 'insert',
    safe: a.safe && b.safe,
    edits: [{ range: a.edits[0].range, newText: joinBlocks(a.edits[0].newText, b.edits[0].newText) }],
  };
  joinedParts.set(merged, partsOf(a) + partsOf(b));
  return merged;
}

/**
 * The fixes fix-all applies: the first fix of each finding, those that can apply together. A
 * finding that stands for several uses of a term offers, of the first fix's kind, one fix that
 * edits every use: fix-all takes that one, or a draft with the term five times would need five
 * runs to settle.
 */
export function fixAllFixes(findings: readonly Finding[]): Fix[] {
  return compatibleFixes(findings.flatMap((f) => {
    const first = f.fixes[0];
    if (!first) return [];
    let widest = first;
    if (f.related?.length) for (const fix of f.fixes) if (fix.kind === first.kind && fix.edits.length > widest.edits.length) widest = fix;
    return [widest];
  }));
}

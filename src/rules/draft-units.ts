import { docRange, insertedAudience, type InsertionSlot, type PlacedBlock, type PreparedDocument } from '../core/document';
import type { CueUnit } from '../core/cues';
import { runSteps, type Steps } from '../core/steps';
import type { AudienceId } from '../core/types';
import { firstAtOrAfter, partitionPoint } from '../core/sorted-search';

/**
 * A draft cut into the places a message part may stand (src/core/cues.ts): each sentence of a
 * paragraph or list item, each heading, and each table row read as "Column: cell | Column: cell",
 * so that a contact split over a row's cells ("Help desk | 4357") is one unit.
 */
export interface Unit extends CueUnit {
  /** Document offsets of the unit. */
  start: number;
  end: number;
  /** Document offset where the unit's Markdown line starts (a heading's `#`). */
  lineStart: number;
  /** Document offset where the unit's block ends (a setext heading's underline included). */
  blockEnd: number;
  depth?: number;
  audience: AudienceId[];
}

export interface DraftUnits {
  units: Unit[];
  /** The first heading, where a reader looks for the message's essentials. */
  title?: Unit;
  /** Heading units, in order. */
  headings: Unit[];
}

/** The opening lines: the title and the first three sentences, list items or rows after it. */
const OPENING_UNITS = 3;
const BLANK = /\[(?=[^\]]{0,80}[A-Z])[A-Z0-9][A-Z0-9 _/&.,:#'’-]{0,80}\]/u;

const cache = new WeakMap<PreparedDocument, DraftUnits>();

export function unitsOf(doc: PreparedDocument): DraftUnits {
  return runSteps(unitsSteps(doc));
}

/** `unitsOf` in steps, a yield every few hundred blocks, for the rules that run in steps (src/core/steps.ts). */
export function* unitsSteps(doc: PreparedDocument): Steps<DraftUnits> {
  const cached = cache.get(doc);
  if (cached) return cached;
  const items: { at: number; make: () => Omit<Unit, 'headings' | 'opening'>[] }[] = [];
  yield* blockStartsSteps(doc);
  let n = 0;
  for (const block of doc.blocks) {
    if ((++n & 1023) === 0) yield;
    const at = block.chunkStart + block.analysis.start;
    if (block.analysis.kind === 'tableCell') continue;
    items.push({ at, make: () => blockUnits(doc, block) });
  }
  for (const chunk of doc.chunks) {
    if ((++n & 1023) === 0) yield;
    for (const table of chunk.analysis.tables) {
      const [header, ...rows] = table.rows;
      if (!header) continue;
      const names = header.cells.map((c) => c.text.replace(/[*_`]/g, '').trim());
      for (const row of rows) {
        const at = chunk.start + row.start;
        items.push({ at, make: () => [rowUnit(doc, chunk.start, names, row)] });
      }
    }
  }
  yield;
  items.sort((a, b) => a.at - b.at);
  yield;
  const units: Unit[] = [];
  const headings: Unit[] = [];
  const stack: Unit[] = [];
  let body = 0;
  for (const item of items) {
    if ((++n & 255) === 0) yield;
    for (const partial of item.make()) {
      if (partial.kind === 'heading') {
        while (stack.length && (stack[stack.length - 1].depth ?? 1) >= (partial.depth ?? 1)) stack.pop();
        // The opening is the title and what follows it: lines above the title do not use it up
        // (else a blank added under a title below a list is never found there, and added again).
        if (headings.length === 0) body = 0;
      }
      const opening = partial.kind === 'heading' ? headings.length === 0 || body < OPENING_UNITS : body++ < OPENING_UNITS;
      const unit: Unit = { ...partial, headings: [...stack.map((h) => h.text), ...(partial.kind === 'heading' ? [partial.text] : [])], opening };
      units.push(unit);
      if (unit.kind === 'heading') {
        headings.push(unit);
        stack.push(unit);
      }
    }
  }
  yield;
  units.forEach((u, i) => {
    if (u.kind !== 'heading') return;
    const next = units[i + 1];
    u.empty = !next || (next.kind === 'heading' && (next.depth ?? 1) <= (u.depth ?? 1));
  });
  yield;
  const result = { units, headings, title: headings[0] };
  cache.set(doc, result);
  return result;
}

function blockUnits(doc: PreparedDocument, block: PlacedBlock): Omit<Unit, 'headings' | 'opening'>[] {
  const a = block.analysis;
  const lineStart = lineStartOf(doc.text, block.chunkStart + a.start);
  // A heading's own end takes in a setext underline: a blank added under the title goes below it.
  const blockEnd = block.chunkStart + (a.end ?? a.map[a.text.length]);
  const make = (from: number, to: number, kind: Unit['kind']) => {
    const { start, end } = docRange(block, from, to);
    return { text: a.text.slice(from, to).trim(), raw: doc.text.slice(start, end), start, end, lineStart, blockEnd, kind, depth: a.depth, audience: block.audience };
  };
  if (a.kind === 'heading') return [make(0, a.text.length, 'heading')];
  const sentences = a.sentences.filter((s) => a.text.slice(s.start, s.end).trim());
  if (sentences.length === 0) return [make(0, a.text.length, 'sentence')];
  return joinLabels(a.text, sentences.flatMap((s) => splitAtLineEnds(a.text, s.start, s.end))).map((s) => make(s.start, s.end, 'sentence'));
}

/** "**Next update:** by 11 a.m.": the analysis ends a sentence at a label's colon; a part reads the label with what follows. */
function joinLabels(text: string, sentences: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const label = prev && text.slice(prev.start, prev.end).trim();
    if (label && label.endsWith(':') && label.split(/\s+/).length <= 8) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/**
 * parse-english keeps "at 9 p.m.\nClear your cache" in one sentence (it reads "p.m." as an
 * abbreviation); a line that ends a sentence and a next line that starts one are two sentences.
 */
function splitAtLineEnds(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[.!?]\s*\n(?=\s*[\p{Lu}\p{N}])/gu;
  const slice = text.slice(start, end);
  let from = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    out.push({ start: start + from, end: start + m.index + 1 });
    from = m.index + m[0].length;
  }
  out.push({ start: start + from, end });
  return out.filter((r) => text.slice(r.start, r.end).trim());
}

function rowUnit(doc: PreparedDocument, chunkStart: number, names: string[], row: { start: number; cells: { text: string; start: number; end: number }[] }): Omit<Unit, 'headings' | 'opening'> {
  const cells = row.cells.map((cell, i) => ({ name: names[i] ?? '', text: cell.text.replace(/[*_`]/g, '').trim(), raw: cell.text }));
  const filled = cells.filter((c) => c.text);
  const start = chunkStart + row.start;
  const last = row.cells[row.cells.length - 1];
  const end = last ? chunkStart + last.end : start;
  const audience = firstBlockIn(doc, start, end)?.audience ?? doc.audience;
  return {
    text: filled.map((c) => (c.name ? `${c.name}: ${c.text}` : c.text)).join(' | '),
    raw: filled.map((c) => (c.name ? `${c.name}: ${c.raw}` : c.raw)).join(' | '),
    start,
    end,
    lineStart: start,
    blockEnd: end,
    kind: 'row',
    audience,
  };
}

/** Where each block of a document starts, ascending (blocks come in document order), for a search per table row. */
const blockStarts = new WeakMap<PreparedDocument, number[] | null>();

/**
 * The first block that starts within [start, end]: a binary search, not a scan per row, so that a
 * long draft's tables cost linear time (a 1 MB draft's re-check spent seconds here).
 */
function firstBlockIn(doc: PreparedDocument, start: number, end: number): PlacedBlock | undefined {
  const starts = runSteps(blockStartsSteps(doc));
  if (starts === null) return doc.blocks.find((b) => b.chunkStart + b.analysis.start >= start && b.chunkStart + b.analysis.start <= end);
  const lo = firstAtOrAfter(starts, start);
  return lo < starts.length && starts[lo] <= end ? doc.blocks[lo] : undefined;
}

/** Where each block starts, once per document, in steps; null when blocks are not in order. */
function* blockStartsSteps(doc: PreparedDocument): Steps<number[] | null> {
  const known = blockStarts.get(doc);
  if (known !== undefined) return known;
  const list: number[] = [];
  let sorted = true;
  for (const b of doc.blocks) {
    if ((list.length & 1023) === 1023) yield;
    const at = b.chunkStart + b.analysis.start;
    if (list.length && list[list.length - 1] > at) sorted = false;
    list.push(at);
  }
  const starts = sorted ? list : null;
  blockStarts.set(doc, starts);
  return starts;
}

/** Where the line holding `offset` starts: after an LF, a CRLF or a lone CR, as CommonMark counts lines. */
export function lineStartOf(text: string, offset: number): number {
  const lf = text.lastIndexOf('\n', offset - 1);
  // A CR after that LF is looked for within this line only: searching back for one in a draft that
  // has none read the whole text before each block (quadratic on a long draft).
  for (let i = offset - 1; i > lf; i--) if (text.charCodeAt(i) === 13) return i + 1;
  return lf + 1;
}

/** The draft's own line ending (its first one; LF for a draft of one line), for the lines a fix adds. */
export function eolOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

/**
 * A slot where blocks may be inserted, and the audience they would get: searched from the slot at
 * index `from` back to the first slot at or after offset `lo`, then on from `from + 1` to the last
 * slot at or before `hi`. A slot is taken when inserting a heading of `depth` (a paragraph for no
 * depth) there leaves every other block under the audience it had, and `accept` takes the
 * audience the inserted blocks would get (src/core/document.ts `insertedAudience`).
 */
export function chooseSlot(
  slots: readonly InsertionSlot[],
  from: number,
  range: { lo: number; hi: number },
  depth: number | undefined,
  accept: (audience: AudienceId[]) => boolean,
): InsertionSlot | undefined {
  const takes = (slot: InsertionSlot) => {
    const audience = insertedAudience(slot, depth);
    return audience !== undefined && accept(audience);
  };
  for (let i = Math.min(from, slots.length - 1); i >= 0 && slots[i].offset >= range.lo; i--) if (takes(slots[i])) return slots[i];
  for (let i = Math.max(0, from + 1); i < slots.length && slots[i].offset <= range.hi; i++) if (takes(slots[i])) return slots[i];
  return undefined;
}

/** Index of the last slot at or before `offset` (-1 when none), or with `after`, of the first at or after it. */
export function slotIndex(slots: readonly InsertionSlot[], offset: number, after = false): number {
  return after ? partitionPoint(slots.length, (i) => slots[i].offset < offset) : partitionPoint(slots.length, (i) => slots[i].offset <= offset) - 1;
}

/**
 * The edit that inserts `blocks` (Markdown blocks, one line each) at a slot, in the draft's own
 * line endings and with a blank line on each side: after a chunk, before one, or before a
 * heading's or a marker's line within one.
 */
export function insertBlocks(text: string, slot: InsertionSlot, blocks: string[]): { start: number; end: number; newText: string } {
  const eol = eolOf(text);
  const body = blocks.join(eol + eol);
  const newText =
    slot.kind === 'chunk-end' ? `${eol}${eol}${body}${slot.offset === text.length ? eol : ''}` : slot.kind === 'chunk-start' ? `${body}${eol}${eol}` : `${eol}${body}${eol}${eol}`;
  // Before a heading's or a marker's line within a chunk, the line before it ends in a line break.
  return { start: slot.offset, end: slot.offset, newText };
}

/** The units of a heading's section: after it, up to the next heading of its level or higher. */
export function sectionOf(draft: DraftUnits, heading: Unit): Unit[] {
  const from = draft.units.indexOf(heading);
  const out: Unit[] = [];
  for (let i = from + 1; i < draft.units.length; i++) {
    const u = draft.units[i];
    if (u.kind === 'heading' && (u.depth ?? 1) <= (heading.depth ?? 1)) break;
    out.push(u);
  }
  return out;
}

export const hasBlank = (text: string) => BLANK.test(text);

/** The title heading (or the first block), where a reader looks for the message's essentials. */
export function placeOf(doc: PreparedDocument, title: Unit | undefined): { start: number; end: number } {
  if (title) return { start: title.start, end: title.end };
  const block = doc.blocks[0];
  const map = block.analysis.map;
  return { start: block.chunkStart + map[0], end: block.chunkStart + map[map.length - 1] };
}

/** The built-in audience an audience stands for: itself, or the one a team audience extends. */
export function baseAudience(doc: PreparedDocument, id: AudienceId): AudienceId {
  return doc.config.audiences.get(id)?.extends ?? id;
}

/** Every audience the draft or one of its sections is for. */
export function audiencesOf(doc: PreparedDocument): AudienceId[] {
  const set = new Set<AudienceId>(doc.audience);
  for (const b of doc.blocks) for (const a of b.audience) set.add(a);
  return [...set];
}


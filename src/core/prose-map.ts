import type { PlacedBlock } from './document';
import type { Steps } from './steps';
import { firstAtOrAfter, lastAtOrBefore } from './sorted-search';

/** An edit in document offsets. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The document's prose, block by block, as the parser placed it (see `ProseBlock` in
 * src/core/markdown.ts): which source characters are prose and which are markup. Every fix
 * passes through `keepMarkup` on its way out of the engine, so that no rule can offer an edit
 * that deletes a link's URL, a comment, inline HTML or one side of `**bold**`.
 */
const startOf = (b: PlacedBlock) => b.chunkStart + b.analysis.map[0];
const stopOf = (b: PlacedBlock) => b.chunkStart + (b.analysis.ends.length ? b.analysis.ends[b.analysis.ends.length - 1] : b.analysis.map[0]);

export class ProseMap {
  /** Document offset where each block's prose starts and ends, in document order. */
  private readonly starts: number[];
  private readonly stops: number[];

  constructor(
    private readonly blocks: PlacedBlock[],
    private readonly comments: { start: number; end: number }[],
    bounds?: { starts: number[]; stops: number[] },
  ) {
    this.starts = bounds?.starts ?? blocks.map(startOf);
    this.stops = bounds?.stops ?? blocks.map(stopOf);
  }

  /** The same map, built in steps (src/core/steps.ts): a 5 MB draft has tens of thousands of blocks. */
  static *build(blocks: PlacedBlock[], comments: { start: number; end: number }[]): Steps<ProseMap> {
    const starts: number[] = [];
    const stops: number[] = [];
    for (const b of blocks) {
      if ((starts.length & 1023) === 1023) yield;
      starts.push(startOf(b));
      stops.push(stopOf(b));
    }
    return new ProseMap(blocks, comments, { starts, stops });
  }

  /**
   * The edit when it changes prose only; else the same change narrowed to the prose that differs
   * (`A [data](url) breach` to `A [data](url) exposure` edits "breach" alone); else undefined, and
   * the fix is not offered. An edit outside every block of prose stands when it touches no comment.
   */
  keepMarkup(edit: OffsetEdit): OffsetEdit | undefined {
    const kept = this.keepMarkupAll(edit);
    return kept?.length === 1 ? kept[0] : undefined;
  }

  /**
   * As `keepMarkup`, and where the change runs across markup that stands between words
   * (`<b>interface</b> engine` to "data hub", `[HL7](url) interface` to "data link"), one edit per
   * stretch of text, word for word, so that every tag and link stays around the word it wrapped.
   * A change whose words do not pair up one for one is not offered.
   */
  keepMarkupAll(edit: OffsetEdit): OffsetEdit[] | undefined {
    const one = this.narrow(edit);
    if (one) return [one];
    return this.wordForWord(edit);
  }

  private wordForWord(edit: OffsetEdit): OffsetEdit[] | undefined {
    const { start, end } = edit;
    if (start >= end) return undefined;
    const k = lastAtOrBefore(this.starts, start);
    const block = k === -1 ? undefined : this.blocks[k];
    if (!block || end > this.stops[k]) return undefined;
    const base = block.chunkStart;
    const { map, ends, text } = block.analysis;
    const n = ends.length;
    const a = firstAtOrAfter(map, start - base, n);
    const last = lastAtOrBefore(ends, end - base, n);
    if (a >= n || map[a] !== start - base || last < a || ends[last] !== end - base) return undefined;
    const b = last + 1;
    // The old words, each a stretch of written text; the markup must stand between words only.
    const words: [number, number][] = [];
    for (let i = a; i < b; ) {
      while (i < b && /\s/.test(text[i])) i++;
      if (i >= b) break;
      let j = i;
      while (j < b && !/\s/.test(text[j])) j++;
      if (!isProse(map, ends, block.analysis.markup, i, j)) return undefined;
      words.push([i, j]);
      i = j;
    }
    const next = edit.newText.split(/\s+/).filter(Boolean);
    if (words.length < 2 || next.length !== words.length) return undefined;
    const out: OffsetEdit[] = [];
    for (let w = 0; w < words.length; w++) {
      const [i, j] = words[w];
      if (text.slice(i, j) === next[w]) continue;
      out.push({ start: base + map[i], end: base + ends[j - 1], newText: next[w] });
    }
    // Each space between words is kept as written: the new text must have single spaces where the old had its gaps.
    return out.length ? out : undefined;
  }

  private narrow(edit: OffsetEdit): OffsetEdit | undefined {
    const { start, end } = edit;
    const k = lastAtOrBefore(this.starts, start);
    const block = k === -1 ? undefined : this.blocks[k];
    if (!block || start > this.stops[k] || (end > this.stops[k] && start < end)) {
      // Not within one block: it may touch neither a block nor a comment.
      const touches = (s: number, e: number) => (start === end ? s < start && start < e : s < end && start < e);
      for (let i = Math.max(0, k); i < this.blocks.length && this.starts[i] < Math.max(end, start + 1); i++) {
        if (touches(this.starts[i], this.stops[i])) return undefined;
      }
      for (const c of this.comments) if (touches(c.start, c.end)) return undefined;
      return edit;
    }
    const base = block.chunkStart;
    const { map, ends, markup, text } = block.analysis;
    const n = ends.length;
    if (start === end) return isBoundary(map, ends, start - base) ? edit : undefined;
    // The prose characters [a, b) whose sources run exactly from start to end.
    const a = firstAtOrAfter(map, start - base, n);
    const last = lastAtOrBefore(ends, end - base, n);
    if (a >= n || map[a] !== start - base || last < a || ends[last] !== end - base) return undefined;
    const b = last + 1;
    if (isProse(map, ends, markup, a, b)) return edit;
    // Narrow the edit to what it changes: the writer's characters it keeps at either end stay.
    const old = text.slice(a, b);
    const next = edit.newText;
    // A blank that stands for markup (a tag, a code span) is no character the writer wrote: it
    // never matches the new text's space ("HL7 <b>feed</b>" to "data feed" keeps "HL7 " apart).
    const blank = (i: number) => markup[firstAtOrAfter(markup, i, markup.length)] === i;
    let p = 0;
    while (p < old.length && p < next.length && old[p] === next[p] && !blank(a + p)) p++;
    while (p > 0 && !cuttable(map, text, a + p, b)) p--;
    let q = 0;
    while (q < old.length - p && q < next.length - p && old[old.length - 1 - q] === next[next.length - 1 - q] && !blank(b - 1 - q)) q++;
    while (q > 0 && !cuttable(map, text, b - q, b)) q--;
    const a2 = a + p;
    const b2 = b - q;
    const newText = next.slice(p, next.length - q);
    if (a2 === b2) {
      if (newText === '') return undefined;
      const at = base + (p > 0 ? ends[a2 - 1] : map[a2]);
      return { start: at, end: at, newText };
    }
    if (!isProse(map, ends, markup, a2, b2)) return undefined;
    return { start: base + map[a2], end: base + ends[b2 - 1], newText };
  }
}

/**
 * True when prose characters [a, b) are text written one after another, with no markup between
 * or among them: each one's source ends where the next one's starts (or both are one entity).
 */
function isProse(map: Int32Array, ends: Int32Array, markup: number[], a: number, b: number): boolean {
  const m = firstAtOrAfter(markup, a, markup.length);
  if (m < markup.length && markup[m] < b) return false;
  for (let i = a; i < b - 1; i++) {
    if (ends[i] !== map[i + 1] && !(map[i] === map[i + 1] && ends[i] === ends[i + 1])) return false;
  }
  return true;
}

/** An edit may start or stop before prose character i: not inside an entity, nor between a surrogate pair. */
function cuttable(map: Int32Array, text: string, i: number, b: number): boolean {
  if (i <= 0 || i >= b) return true;
  if (map[i] === map[i - 1]) return false;
  const c = text.charCodeAt(i);
  return !(c >= 0xdc00 && c <= 0xdfff);
}

/** An insertion at chunk offset `at` lands where some prose character's source starts or ends. */
function isBoundary(map: Int32Array, ends: Int32Array, at: number): boolean {
  const n = ends.length;
  const i = firstAtOrAfter(map, at, n);
  if (i < n && map[i] === at) return true;
  const j = lastAtOrBefore(ends, at, n);
  return j !== -1 && ends[j] === at;
}

/** Markup that opens an inline span: emphasis, strike-through, a link's "[", an HTML start tag. */
const OPENERS = /^(?:\*+(?!\*)|_+(?!_)|~~|\[|<[A-Za-z][^<>]*>)+$/;
/** Markup that closes one: emphasis, strike-through, a link's "](url)" or "][ref]", an HTML end tag. */
const CLOSERS = /^(?:\*+(?!\*)|_+(?!_)|~~|\](?:\([^)]*\)|\[[^\]]*\])?|<\/[A-Za-z][^<>]*>)+$/;
/** Longer markup than this around a term is left alone (and the patterns above stay cheap). */
const MARKUP_REACH = 400;

/**
 * The edits, in chunk offsets, that put a wording whose first `article` characters are its own
 * article ("the medicine record") in place of prose `[edit.start, edit.end)`, with the article
 * before the markup when the term was the whole of a bold, linked or tagged text: "Check **MAR**"
 * becomes "Check the **medicine record**", "[MAR](url) shows" "The [medicine record](url) shows".
 * The emphasis or link stays on the words that replace the term. Undefined when the term is not
 * wrapped so (the article then stands with the rest, as prose): "**Check MAR**" becomes "**Check
 * the medicine record**". `text` is the document, `block.chunkStart` where the chunk starts in it.
 */
export function articleOutsideMarkup(block: PlacedBlock, text: string, edit: OffsetEdit, article: number): OffsetEdit[] | undefined {
  const { map, ends, markup, start: blockStart } = block.analysis;
  const n = ends.length;
  const base = block.chunkStart;
  if (article <= 0 || edit.end <= edit.start || edit.end > n) return undefined;
  const blank = (i: number) => i >= 0 && i < n && markup[firstAtOrAfter(markup, i, markup.length)] === i;
  // The markup before the term: gaps in the map (emphasis, a link's "[") and blanks for tags.
  let p = edit.start;
  while (p > 0 && blank(p - 1)) p--;
  let openAt = p > 0 ? ends[p - 1] : blockStart;
  const closeAt = ends[edit.end - 1];
  let q = edit.end;
  while (q < n && blank(q)) q++;
  if (map[edit.start] - openAt > MARKUP_REACH || map[q] - closeAt > MARKUP_REACH) return undefined;
  let open = text.slice(base + openAt, base + map[edit.start]);
  if (p === 0) {
    // A heading's "#", a table cell's "|" or a line's indent stands before the markup at a block's start.
    const lead = /^(?:#{1,6}[ \t]+|[ \t|]+)*/.exec(open)?.[0] ?? '';
    openAt += lead.length;
    open = open.slice(lead.length);
  }
  const close = text.slice(base + closeAt, base + map[q]);
  if (!OPENERS.test(open) || !CLOSERS.test(close)) return undefined;
  return [
    { start: openAt, end: openAt, newText: edit.newText.slice(0, article) },
    { start: map[edit.start], end: ends[edit.end - 1], newText: edit.newText.slice(article) },
  ];
}

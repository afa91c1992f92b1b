import type { Position, Range } from './types';
import { lastAtOrBefore } from './sorted-search';
import { runSteps, type Steps } from './steps';

/**
 * Turns offsets into 1-based line/column positions; columns count UTF-16 code units as editors do.
 * A line ends at LF, CRLF or a lone CR, as CommonMark and VS Code count lines.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string, lineStarts?: number[]) {
    this.lineStarts = lineStarts ?? runSteps(lineStartsSteps(text));
  }

  /** A `LineIndex` built in steps, a yield every few thousand lines: for a text of millions of lines (a large team glossary) checked in slices. */
  static *steps(text: string): Steps<LineIndex> {
    return new LineIndex(text, yield* lineStartsSteps(text));
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // The line whose start is the last at or before the offset (the first line starts at 0).
    const low = lastAtOrBefore(this.lineStarts, clamped);
    return { line: low + 1, column: clamped - this.lineStarts[low] + 1, offset: clamped };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of the start of a 1-based line (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 1) return 0;
    if (line > this.lineStarts.length) return this.text.length;
    return this.lineStarts[line - 1];
  }
}

/** Where each line of `text` starts, yielding every 16,384 lines and every 1,048,576 characters scanned. */
function* lineStartsSteps(text: string): Steps<number[]> {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      starts.push(i + 1);
      if ((starts.length & 16383) === 0) yield;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      if ((i & 1048575) === 1048575) yield;
    }
  }
  return starts;
}

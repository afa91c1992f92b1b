import type { Position, Range } from './types';
import { lastAtOrBefore } from './sorted-search';

/**
 * Turns offsets into 1-based line/column positions; columns count UTF-16 code units as editors do.
 * A line ends at LF, CRLF or a lone CR, as CommonMark and VS Code count lines.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
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

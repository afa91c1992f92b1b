/**
 * Inline suppression comments, as markdownlint and Vale users know them:
 * `<!-- crosswalk-disable rule -->` ... `<!-- crosswalk-enable rule -->` and
 * `<!-- crosswalk-disable-next-line rule -->`; no rule id means every rule.
 */
import { firstAtOrAfter, lastAtOrBefore } from './sorted-search';

export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
}

interface Span {
  rules: string[] | 'all';
  start: number;
  end: number;
}

const DIRECTIVE = /^crosswalk-(disable-next-line|disable-line|disable|enable)\b\s*(.*)$/i;

export function buildSuppressions(text: string, comments: { body: string; start: number; end: number }[]): Suppressions {
  const spans: Span[] = [];
  const open = new Map<string, number>();
  let lines: LineBreaks | undefined;
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const kind = m[1].toLowerCase();
    const ids = m[2].split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const rules: string[] | 'all' = ids.length ? ids : 'all';
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      lines ??= new LineBreaks(text);
      const lineStart = lines.lineStart(comment.start);
      const thisLineEnd = lines.nextBreak(comment.end);
      const breakLength = text[thisLineEnd] === '\r' && text[thisLineEnd + 1] === '\n' ? 2 : 1;
      const start = kind === 'disable-line' ? lineStart : Math.min(text.length, thisLineEnd + breakLength);
      const end = kind === 'disable-line' ? thisLineEnd : lines.nextBreak(start);
      spans.push({ rules, start, end });
    } else if (kind === 'disable') {
      for (const id of rules === 'all' ? ['*'] : rules) if (!open.has(id)) open.set(id, comment.end);
    } else {
      const ids2 = rules === 'all' ? [...open.keys()] : rules;
      for (const id of ids2) {
        const start = open.get(id);
        if (start === undefined) continue;
        spans.push({ rules: id === '*' ? 'all' : [id], start, end: comment.start });
        open.delete(id);
      }
    }
  }
  for (const [id, start] of open) spans.push({ rules: id === '*' ? 'all' : [id], start, end: text.length });
  if (spans.length === 0) return { isSuppressed: () => false };
  // Per rule id ('*' for every rule), the spans merged into sorted, disjoint intervals: a finding
  // is looked up by binary search, not against every span (a draft with thousands of disable
  // comments checked each finding against all of them).
  const byRule = new Map<string, { start: number; end: number }[]>();
  for (const span of spans) {
    for (const id of span.rules === 'all' ? ['*'] : span.rules) {
      let list = byRule.get(id);
      if (!list) byRule.set(id, (list = []));
      list.push({ start: span.start, end: span.end });
    }
  }
  const index = new Map<string, Intervals>();
  for (const [id, list] of byRule) index.set(id, new Intervals(list));
  const all = index.get('*');
  return {
    isSuppressed(ruleId, offset) {
      return (all?.contains(offset) ?? false) || (index.get(ruleId)?.contains(offset) ?? false);
    },
  };
}

/** Closed intervals merged into sorted, disjoint ones; `contains` is a binary search. */
class Intervals {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(list: { start: number; end: number }[]) {
    list.sort((a, b) => a.start - b.start);
    for (const { start, end } of list) {
      if (end < start) continue;
      const last = this.ends.length - 1;
      if (last >= 0 && start <= this.ends[last]) this.ends[last] = Math.max(this.ends[last], end);
      else {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  contains(offset: number): boolean {
    // The last interval that starts at or before the offset.
    const found = lastAtOrBefore(this.starts, offset);
    return found !== -1 && offset <= this.ends[found];
  }
}

/**
 * The line breaks (LF, CR or CRLF) of the text, found once: each directive's line is then a
 * binary search, not a scan that a line with thousands of directives would repeat for each.
 */
class LineBreaks {
  private readonly breaks: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) this.breaks.push(i);
    }
  }

  /** Offset of the line ending (LF, CR or CRLF) at or after `from`, or the text's end. */
  nextBreak(from: number): number {
    const k = firstAtOrAfter(this.breaks, from);
    return k < this.breaks.length ? this.breaks[k] : this.text.length;
  }

  /** Start of the line holding `offset`: after the last LF, CR or CRLF before it. */
  lineStart(offset: number): number {
    const k = firstAtOrAfter(this.breaks, offset);
    return k > 0 ? this.breaks[k - 1] + 1 : 0;
  }
}

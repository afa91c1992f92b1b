import type { Finding, LintResult, Range } from '../index';

/**
 * The last check's findings, carried over to the draft as it is now, for a code action or hover
 * asked for while a long draft is re-checked: a light bulb in a 1 MB draft answers at once
 * instead of waiting seconds for the check of the version just typed. Only what lies on lines
 * the edits did not touch is carried over (moved by the lines added or removed); the rest waits
 * for the check. Undefined when the texts cannot be compared safely.
 */
export function carriedOver(result: LintResult, before: string, after: string): LintResult | undefined {
  // Lone carriage returns end lines for LSP but are rare in drafts: not worth the risk.
  if (/\r(?!\n)/.test(before) || /\r(?!\n)/.test(after)) return undefined;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  const firstLine = 1 + count(before, 0, start);
  const lastOldLine = firstLine + count(before, start, oldEnd);
  const lineDelta = count(after, start, newEnd) - count(before, start, oldEnd);
  const offsetDelta = newEnd - oldEnd;
  const map = (range: Range): Range | undefined => {
    if (range.end.line < firstLine) return range;
    if (range.start.line <= lastOldLine) return undefined;
    const move = (p: Range['start']) => ({ line: p.line + lineDelta, column: p.column, offset: p.offset + offsetDelta });
    return { start: move(range.start), end: move(range.end) };
  };
  const findings: Finding[] = [];
  for (const finding of result.findings) {
    const range = map(finding.range);
    if (!range) continue;
    const fixes = finding.fixes.flatMap((fix) => {
      const edits = fix.edits.map((e) => ({ ...e, range: map(e.range) }));
      return edits.every((e) => e.range) ? [{ ...fix, edits: edits as typeof fix.edits }] : [];
    });
    findings.push({ ...finding, range, fixes });
  }
  const terms = result.terms.flatMap((t) => {
    const range = map(t.range);
    return range ? [{ ...t, range }] : [];
  });
  return { ...result, findings, terms };
}

function count(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

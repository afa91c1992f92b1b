/**
 * Inline suppression comments, as markdownlint and Vale users know them:
 * `<!-- crosswalk-disable rule -->` ... `<!-- crosswalk-enable rule -->` and
 * `<!-- crosswalk-disable-next-line rule -->`; no rule id means every rule.
 */
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
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const kind = m[1].toLowerCase();
    const ids = m[2].split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const rules: string[] | 'all' = ids.length ? ids : 'all';
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      const lineStart = lastBreakBefore(text, comment.start);
      const thisLineEnd = nextBreak(text, comment.end);
      const breakLength = text[thisLineEnd] === '\r' && text[thisLineEnd + 1] === '\n' ? 2 : 1;
      const start = kind === 'disable-line' ? lineStart : Math.min(text.length, thisLineEnd + breakLength);
      const end = kind === 'disable-line' ? thisLineEnd : nextBreak(text, start);
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
  return {
    isSuppressed(ruleId, offset) {
      return spans.some((s) => offset >= s.start && offset <= s.end && (s.rules === 'all' || s.rules.includes(ruleId)));
    },
  };
}

/** Offset of the line ending (LF, CR or CRLF) at or after `from`, or the text's end. */
function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Start of the line holding `offset`: after the last LF, CR or CRLF before it. */
function lastBreakBefore(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

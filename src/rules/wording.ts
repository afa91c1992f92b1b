/** Wording helpers the rules share: where a sentence starts, and capitals for a replacement there. */

/** True when nothing but Markdown markers stands between the previous sentence and `offset`. */
export function atSentenceStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n') return true;
    if (/\s|[#>*_+"'“‘([-]/.test(ch)) continue;
    return /[.!?:]/.test(ch);
  }
  return true;
}

export function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

import { applyFixes, partsOf, sortedEdits } from './apply-fixes';
import { fixAllPlan, type FixAllOptions } from './fix-all';
import { LineIndex } from './positions';
import type { Finding, LintResult, TextEdit } from './types';

/**
 * Fix-all that reaches its fixed point: the editor's fix-all and fix-on-save, the language
 * server's and the CLI's `--fix` apply the engine's plan (src/core/fix-all.ts), check the result,
 * and apply the plan again until nothing is left, so that running fix-all on its own output
 * changes nothing more (issue 9). A fix can uncover another: the first use of a term replaced
 * makes its next use the first, a section added brings its own blank. ESLint stops after ten
 * passes (its `MAX_AUTOFIX_PASSES`); so do we, so a pair of fixes that undid each other could
 * never loop for ever.
 *
 * The passes are a generator that yields each text to check and is given its check back, so the
 * CLI drives it with `lint` and the server with its sliced `lintAsync`. The outcome is one set of
 * edits on the original text, each as small as the fixes that made it: the editor moves only what
 * changed, and one undo takes it all back.
 */
export const MAX_FIX_PASSES = 10;

export interface SettledFixes {
  text: string;
  /** Edits on the original text that give `text`, sorted and apart. */
  edits: TextEdit[];
  /** Fixes applied over all passes (a joined insertion counts each part). */
  applied: number;
  passes: number;
  /** The check of `text`. */
  result: LintResult;
}

export interface SettleOptions extends FixAllOptions {
  /** Only these findings' fixes (the "fix all of one rule" action). */
  select?: (finding: Finding) => boolean;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The passes; yields the text to check after each, and is given its check. */
export function* settleFixSteps(text: string, first: LintResult, options: SettleOptions = {}): Generator<string, SettledFixes, LintResult> {
  let current = text;
  let result = first;
  let splices: Splice[] = [];
  let applied = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const findings = options.select ? result.findings.filter(options.select) : result.findings;
    const fixes = fixAllPlan(findings, options).fixes;
    if (fixes.length === 0) break;
    const sorted = sortedEdits(current, fixes);
    const next = applyFixes(current, sorted);
    if (next === current) break;
    splices = composeSplices(current, splices, sorted.map((e) => ({ start: e.range.start.offset, end: e.range.end.offset, text: e.newText })));
    applied += fixes.reduce((n, f) => n + partsOf(f), 0);
    passes++;
    current = next;
    result = yield current;
  }
  const index = new LineIndex(text);
  return { text: current, edits: splices.map((s) => ({ range: index.range(s.start, s.end), newText: s.text })), applied, passes, result };
}

/** Fix-all to its fixed point with a synchronous check (the CLI, tests). */
export function settleFixes(text: string, lint: (text: string) => LintResult, options: SettleOptions = {}, first: LintResult = lint(text)): SettledFixes {
  const steps = settleFixSteps(text, first, options);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    step = steps.next(lint(step.value));
  }
}

/** Fix-all to its fixed point with an asynchronous check (the language server's sliced check). */
export async function settleFixesAsync(text: string, lint: (text: string) => Promise<LintResult>, first: LintResult, options: SettleOptions = {}): Promise<SettledFixes> {
  const steps = settleFixSteps(text, first, options);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    step = steps.next(await lint(step.value));
  }
}

/**
 * Edits on the original text that do what `earlier` (on the original) and then `later` (on
 * `middle`, the text `earlier` gave) do. Each later edit that overlaps or touches an earlier one's
 * new text is joined with it into one edit; the others are mapped back through the earlier
 * edits' changes of length. Both lists are sorted and apart; so is the result. Linear in the
 * number of edits.
 */
export function composeSplices(middle: string, earlier: readonly Splice[], later: readonly Splice[]): Splice[] {
  // The earlier edits where they stand in `middle`, with the original offsets they replaced.
  const placed: { from: number; to: number; start: number; end: number }[] = [];
  let shift = 0;
  for (const e of earlier) {
    placed.push({ from: e.start + shift, to: e.start + shift + e.text.length, start: e.start, end: e.end });
    shift += e.text.length - (e.end - e.start);
  }
  const out: Splice[] = [];
  let i = 0;
  let j = 0;
  let shiftBefore = 0;
  while (i < placed.length || j < later.length) {
    // A group starts with whichever edit comes first in `middle`; it starts in kept text or at an earlier edit.
    const startsEarlier = j >= later.length || (i < placed.length && placed[i].from <= later[j].start);
    const from = startsEarlier ? placed[i].from : later[j].start;
    const start = startsEarlier ? placed[i].start : from - shiftBefore;
    let to = from;
    let groupShift = shiftBefore;
    const inner: Splice[] = [];
    // Join what overlaps or touches the group, from either list, until nothing more does.
    for (;;) {
      if (i < placed.length && placed[i].from <= to) {
        const p = placed[i++];
        to = Math.max(to, p.to);
        groupShift += p.to - p.from - (p.end - p.start);
      } else if (j < later.length && later[j].start <= to) {
        const l = later[j++];
        inner.push(l);
        to = Math.max(to, l.end);
      } else break;
    }
    // `to` is now the end of an earlier edit's new text or in kept text: either way it maps back
    // by the shift of every earlier edit before it.
    let text = '';
    let at = from;
    for (const l of inner) {
      text += middle.slice(at, l.start) + l.text;
      at = l.end;
    }
    text += middle.slice(at, to);
    out.push({ start, end: to - groupShift, text });
    shiftBefore = groupShift;
  }
  return out;
}

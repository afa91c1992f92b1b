import { createTwoFilesPatch } from 'diff';
import { applyFixes, fixAllPlan, type LintResult } from '../index';

/**
 * `--fix`: applies what the editor's fix-all applies on save, the engine's plan
 * (src/core/fix-all.ts `fixAllPlan`): fixes marked safe (an acronym spelled out at its first use,
 * "PIN number" made "PIN"), one per finding, never a suppression comment, through the engine's
 * one edit applier (src/core/apply-fixes.ts); passes repeat until none is left, at most three.
 */

export interface FixOutcome {
  text: string;
  /** Fixes applied, over all passes. */
  applied: number;
  /** The check of the fixed text. */
  result: LintResult;
}

export function fixSafely(text: string, lint: (text: string) => LintResult, first: LintResult): FixOutcome {
  let current = text;
  let result = first;
  let applied = 0;
  for (let pass = 0; pass < 3; pass++) {
    // Fixes that clash with one taken before wait for the next pass, whole.
    const fixes = fixAllPlan(result.findings).fixes;
    if (fixes.length === 0) break;
    const next = applyFixes(current, fixes);
    if (next === current) break;
    current = next;
    applied += fixes.length;
    result = lint(current);
  }
  return { text: current, applied, result };
}

export function unifiedDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 }).replace(/^(?:Index:.*\n)?=+\n/, '');
}

import { createTwoFilesPatch } from 'diff';
import { settleFixes, type LintResult } from '../index';

/**
 * `--fix`: applies what the editor's fix-all applies on save, the engine's plan
 * (src/core/fix-all.ts `fixAllPlan`): fixes marked safe (an acronym spelled out at its first use,
 * "PIN number" made "PIN"), one per finding, never a suppression comment, through the engine's
 * one edit applier, pass after pass until nothing is left (src/core/settle-fixes.ts).
 */

export interface FixOutcome {
  text: string;
  /** Fixes applied, over all passes. */
  applied: number;
  /** The check of the fixed text. */
  result: LintResult;
}

export function fixSafely(text: string, lint: (text: string) => LintResult, first: LintResult): FixOutcome {
  const settled = settleFixes(text, lint, {}, first);
  return { text: settled.text, applied: settled.applied, result: settled.result };
}

export function unifiedDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 }).replace(/^(?:Index:.*\n)?=+\n/, '');
}

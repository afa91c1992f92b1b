import { createTwoFilesPatch } from 'diff';
import { applyFixes, compatibleFixes, type Fix, type LintResult } from '../index';

/**
 * `--fix`: applies only fixes marked safe (spelling out an acronym at its first use, say), one
 * per finding, and nothing else, through the engine's one edit applier (src/core/apply-fixes.ts);
 * passes repeat until none is left, at most three.
 */

/**
 * A fix `--fix` applies: one marked safe (src/core/types.ts `Fix.safe`). A suppression comment is
 * never applied from the command line, even if marked safe: it would silence the finding that
 * `--fix` is meant to resolve.
 */
export function isSafeFix(fix: Fix): boolean {
  return fix.safe === true && fix.kind !== 'suppress';
}

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
    const safe: Fix[] = [];
    for (const finding of result.findings) {
      const fix = finding.fixes.find(isSafeFix);
      if (fix) safe.push(fix);
    }
    // Fixes that clash with one taken before wait for the next pass, whole.
    const fixes = compatibleFixes(safe);
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

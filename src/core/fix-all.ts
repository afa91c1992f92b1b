import { compatibleFixes, partsOf } from './apply-fixes';
import type { Finding, Fix, FixKind } from './types';

/**
 * Which fixes run unattended: the one decision that the editor's fix-all and fix-on-save, the
 * language server's fix-all actions and the CLI's `--fix` (src/cli/fix.ts) all take from here.
 * By default only the fixes their rule marks `safe` (see `Fix.safe` in src/core/types.ts): an
 * acronym spelled out at its first use (undefined-acronym, and jargon at a term's first flagged
 * use), "PIN number" made "PIN" (redundant-acronym). A term spelled out once is not spelled out
 * again in a later section. Paraphrases of jargon, simpler words and other removals change what
 * the writer wrote: they stay one-by-one quick fixes, each with its preview, unless the writer
 * opts in (`includeRewording`, the `crosswalk.fixAll.includeRewording` setting). A suppression
 * comment is never applied by fix-all: it would silence the finding that fix-all is meant to resolve.
 */
export interface FixAllOptions {
  includeRewording?: boolean;
}

export interface FixAllPlan {
  /** One fix per finding at most, in document order, that can apply together (src/core/apply-fixes.ts). */
  fixes: Fix[];
  /** What the plan does, for a title: "Spell out 4 acronyms", "Spell out 2 acronyms and reword 3 phrases". */
  title: string;
  counts: Partial<Record<FixKind, number>>;
}

export function fixAllPlan(findings: readonly Finding[], options: FixAllOptions = {}): FixAllPlan {
  const ordered = [...findings].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const spelled = new Set<string>();
  const fixes: Fix[] = [];
  for (const finding of ordered) {
    const fix = choose(finding, spelled, options);
    if (!fix) continue;
    if (fix.kind === 'spell-out' && finding.term) spelled.add(finding.term);
    fixes.push(fix);
  }
  const taken = compatibleFixes(fixes);
  const counts: Partial<Record<FixKind, number>> = {};
  for (const fix of taken) counts[fix.kind] = (counts[fix.kind] ?? 0) + partsOf(fix);
  return { fixes: taken, title: describePlan(counts), counts };
}

function choose(finding: Finding, spelled: Set<string>, options: FixAllOptions): Fix | undefined {
  const term = finding.term;
  const usable = (f: Fix) => f.kind !== 'suppress' && !(f.kind === 'spell-out' && term !== undefined && spelled.has(term));
  // Opted in: the rule's own first choice (jargon's in-place wording before its spell-out).
  if (options.includeRewording) return finding.fixes.find(usable);
  return finding.fixes.find((f) => f.safe && usable(f));
}

const PHRASES: Record<FixKind, [string, string, string]> = {
  'spell-out': ['spell out', 'acronym', 'acronyms'],
  replace: ['reword', 'phrase', 'phrases'],
  remove: ['remove', 'wordy phrase', 'wordy phrases'],
  insert: ['add', 'missing part', 'missing parts'],
  suppress: ['silence', 'finding', 'findings'],
};
const ORDER: FixKind[] = ['spell-out', 'replace', 'remove', 'insert', 'suppress'];

/** "Spell out 4 acronyms", "Spell out 1 acronym and reword 2 phrases"; "Nothing to fix unattended" for none. */
export function describePlan(counts: Partial<Record<FixKind, number>>): string {
  const parts = ORDER.filter((k) => counts[k]).map((k) => `${PHRASES[k][0]} ${counts[k]} ${counts[k] === 1 ? PHRASES[k][1] : PHRASES[k][2]}`);
  if (parts.length === 0) return 'Nothing to fix unattended';
  const text = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return text[0].toUpperCase() + text.slice(1);
}

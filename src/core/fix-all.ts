import { compatibleFixes } from './apply-fixes';
import type { Finding, Fix, FixKind } from './types';

/**
 * Which fixes fix-all and fix-on-save apply: they run unattended, so by default only the fixes
 * that keep the writer's words (`safe`, see `Fix.safe` in src/core/types.ts) and spelling out a
 * jargon acronym at its first flagged use (the jargon rule offers spell-out at every use; only
 * the first one is safe to add). Paraphrases of jargon, simpler words and removals change what
 * the writer wrote: they stay one-by-one quick fixes, each with its preview, unless the writer
 * opts in (`includeRewording`, the `crosswalk.fixAll.includeRewording` setting).
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
  for (const fix of taken) counts[fix.kind] = (counts[fix.kind] ?? 0) + 1;
  return { fixes: taken, title: describePlan(counts), counts };
}

function choose(finding: Finding, spelled: Set<string>, options: FixAllOptions): Fix | undefined {
  const term = finding.term;
  const safe = finding.fixes.find((f) => f.safe);
  if (safe) return safe.kind === 'spell-out' && term && spelled.has(term) ? undefined : safe;
  if (term && !spelled.has(term)) {
    // The first flagged use of an acronym (jargon offers spell-out at every use, unmarked):
    // spelling it out there keeps the writer's words and adds only the glossary's expansion.
    const spellOut = finding.fixes.find((f) => f.kind === 'spell-out');
    if (spellOut && !options.includeRewording) return spellOut;
  }
  if (!options.includeRewording) return undefined;
  return finding.fixes.find((f) => f.kind !== 'suppress' && !(f.kind === 'spell-out' && term && spelled.has(term)));
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

import { mergeGlossaries, type GlossaryEntry } from './glossary';
import type { AudienceId } from './types';
import { closest } from './yaml-problems';

/** A glossary entry as `crosswalk explain TERM` prints it. */
export interface TermExplanation {
  term: string;
  expansion?: string;
  aliases: string[];
  definition: string;
  domain: string;
  familiarTo: AudienceId[];
  plain: string;
  replace: Partial<Record<AudienceId, string>>;
  sources: { title: string; url?: string }[];
  /** The glossary file the entry (or its last override) came from. */
  origin: string;
}

/**
 * The entry for a term, an acronym or one of their aliases (case-insensitively), from a base
 * glossary (the built-in one: src/builtins.ts) with the team glossaries over it; `suggestion` is
 * the closest term when there is no such entry.
 */
export function explainTerm(
  term: string,
  base: { entries: GlossaryEntry[]; sources?: Map<string, { title: string; url?: string }> },
  teamGlossaries: { name: string; text: string }[] = [],
): { entry?: TermExplanation; suggestion?: string } {
  const { entries } = mergeGlossaries(base.entries, teamGlossaries);
  const wanted = term.trim().toLowerCase();
  const entry = entries.find((e) => e.term.toLowerCase() === wanted)
    ?? entries.find((e) => e.expansion?.toLowerCase() === wanted || [...e.aliases, ...e.weakAliases].some((a) => a.toLowerCase() === wanted));
  if (!entry) return { suggestion: closest(term.trim(), entries.map((e) => e.term)) };
  const sources = base.sources ?? new Map<string, { title: string; url?: string }>();
  return {
    entry: {
      term: entry.term,
      expansion: entry.expansion,
      aliases: entry.aliases,
      definition: entry.definition,
      domain: entry.domain,
      familiarTo: entry.familiarTo,
      plain: entry.plain,
      replace: entry.replace,
      sources: entry.sources.map((key) => sources.get(key) ?? { title: key }),
      origin: entry.origin,
    },
  };
}

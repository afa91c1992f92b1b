/**
 * Crosswalk as a library (dist/core.js): the engine of src/core with the built-in rules and data
 * of src/builtins.ts. `lint(text, options)` and `createLinter(options)` check drafts; `createEngine`
 * builds an engine with other rules (a team's, or a test's).
 */
import { BUILTIN_AUDIENCES, builtinEngine } from './builtins';
import type { AudienceId, AudienceLimits } from './core/types';

export * from './core/index';
export { BUILTIN_PARTS, BUILTIN_AUDIENCES } from './builtins';
/** The audiences the built-in glossary says know a term, for "Add to team glossary". */
export { knownAudiencesOf } from './core/builtin-glossary';
export { rewriteForAudience, REWRITE_NOTE, type RewriteResult } from './rewrite';
export { templateForAudience, type TemplateForAudience } from './template-interests';

export const lint = builtinEngine.lint;
export const createLinter = builtinEngine.createLinter;
/** `createLinter` with the team glossaries compiled in slices that yield to the event loop. */
export const createLinterAsync = builtinEngine.createLinterAsync;
export const checkConfig = builtinEngine.checkConfig;
export const discoverConfig = builtinEngine.discoverConfig;
export const loadConfigText = builtinEngine.loadConfigText;
/** A team glossary's problems as findings at their lines (for glossaries named by the crosswalk.glossaries setting). */
export const checkGlossary = builtinEngine.checkGlossary;
/** `checkGlossary` in slices that yield to the event loop: the same findings. */
export const checkGlossaryAsync = builtinEngine.checkGlossaryAsync;
/** Id, title, description, default severity, docs anchor and options of every built-in rule. */
export const rules = builtinEngine.rules;
/** The built-in audiences, or with a config's team audiences: `audiences(config).list`. */
export const audiences = builtinEngine.audiences;

// The built-in audiences as the library exported them before audiences became data.
/** What `all` means: the audiences a broad message must work for. */
export const AUDIENCES: readonly AudienceId[] = BUILTIN_AUDIENCES.all;
/** The names a writer may use: every built-in audience id, and `all`. */
export const VALID_AUDIENCE_NAMES: readonly string[] = BUILTIN_AUDIENCES.validNames;
export const AUDIENCE_LABELS: Readonly<Record<AudienceId, string>> = Object.fromEntries(BUILTIN_AUDIENCES.list.map((a) => [a.id, a.label]));
export const DEFAULT_LIMITS: Readonly<Record<AudienceId, AudienceLimits>> = Object.fromEntries(BUILTIN_AUDIENCES.list.map((a) => [a.id, a.limits]));
export const resolveAudience = (value: unknown) => BUILTIN_AUDIENCES.resolve(value);
export const resolveAudienceName = (name: string) => BUILTIN_AUDIENCES.resolveName(name);
export const describeAudience = (audience: readonly AudienceId[]) => BUILTIN_AUDIENCES.describe(audience);

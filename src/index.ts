/**
 * Crosswalk as a library (dist/core.js): the engine of src/core with the built-in rules and data
 * of src/builtins.ts. `lint(text, options)` and `createLinter(options)` check drafts; `createEngine`
 * builds an engine with other rules (a team's, or a test's).
 */
import { builtinEngine } from './builtins';

export * from './core/index';
export { BUILTIN_PARTS } from './builtins';

export const lint = builtinEngine.lint;
export const createLinter = builtinEngine.createLinter;
export const checkConfig = builtinEngine.checkConfig;
export const discoverConfig = builtinEngine.discoverConfig;
export const loadConfigText = builtinEngine.loadConfigText;
/** Id, title, description, default severity, docs anchor and options of every built-in rule. */
export const rules = builtinEngine.rules;

/**
 * Crosswalk's engine: `lint(text, options)` and `createLinter(options)`. Plain TypeScript with
 * no file or network access, so it runs in Node, in the VS Code extension host and in a browser.
 */
import { RULES } from '../rules';

export { lint, createLinter, type Linter } from './linter';
export { resolveAudience, resolveAudienceName, describeAudience, VALID_AUDIENCE_NAMES, AUDIENCE_LABELS } from './audience';
export { allowTermEdit, setAudienceEdit, addKnownTermToGlossary, addGlossaryToConfigText } from './edits';
export { DEFAULT_LIMITS, CONFIG_KEYS } from './config';
export { FRONT_MATTER_KEYS, MESSAGE_TYPES } from './frontmatter';
export * from './types';

/** Id, description and default severity of every rule, for docs, settings and reports. */
export const rules = RULES.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity }));

export { checkConfigText as checkConfig } from './config-check';
export { discoverConfig, loadConfigText, CONFIG_FILE_NAMES, type LoadedConfig, type ReadFile } from './config-discovery';

/**
 * Crosswalk's engine: `lint(text, options)` and `createLinter(options)`. Plain TypeScript with
 * no file or network access, so it runs in Node, in the VS Code extension host and in a browser.
 */
import { RULES } from '../rules';
import { parseConfigText } from './config';
import { LineIndex } from './positions';
import type { Finding } from './types';

export { lint, createLinter, type Linter } from './linter';
export { resolveAudience, resolveAudienceName, describeAudience, VALID_AUDIENCE_NAMES, AUDIENCE_LABELS } from './audience';
export { allowTermEdit, setAudienceEdit, addKnownTermToGlossary } from './edits';
export { DEFAULT_LIMITS, CONFIG_KEYS } from './config';
export { FRONT_MATTER_KEYS } from './frontmatter';
export * from './types';

/** Id, description and default severity of every rule, for docs, settings and reports. */
export const rules = RULES.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity }));

/**
 * Reads `.crosswalk.yaml` text. Problems come back as `config` findings with ranges in that
 * text; the valid part of the config is kept, so checking goes on with it.
 */
export function checkConfig(text: string): { config: import('./types').CrosswalkConfig; findings: Finding[] } {
  const { config, problems } = parseConfigText(text, RULES.map((r) => r.id));
  const index = new LineIndex(text);
  const findings: Finding[] = problems.map((p) => ({
    ruleId: 'config',
    severity: p.severity,
    message: p.message,
    audience: [],
    range: index.range(p.start, p.end),
    fixes: [],
  }));
  return { config, findings };
}

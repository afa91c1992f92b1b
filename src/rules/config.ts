import type { Rule } from '../core/document';

/**
 * Problems in `.crosswalk.yaml` are reported on that file (see `checkConfig` in src/core), not on
 * drafts; this entry gives the rule its id, description and severity like every other rule.
 */
export const config: Rule = {
  id: 'config',
  title: 'Configuration',
  description: 'Broken or unknown settings in .crosswalk.yaml, at the line where they stand.',
  defaultSeverity: 'warning',
  check() {
    return [];
  },
};

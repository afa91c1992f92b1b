import type { AudienceCatalog } from './audience';
import { parseConfigText } from './config';
import type { RuleMeta } from './document';
import { LineIndex } from './positions';
import type { CrosswalkConfig, Finding } from './types';

/**
 * Reads `.crosswalk.yaml` text. Problems come back as `config` findings with ranges in that
 * text; the valid part of the config is kept, so checking goes on with it.
 */
export function checkConfigText(text: string, rules: readonly RuleMeta[], audiences?: AudienceCatalog): { config: CrosswalkConfig; findings: Finding[]; broken: boolean } {
  const { config, problems } = parseConfigText(text, rules, audiences);
  const index = new LineIndex(text);
  const findings: Finding[] = problems.map((p) => ({
    ruleId: 'config',
    severity: p.severity,
    message: p.message,
    audience: [],
    range: index.range(p.start, p.end),
    fixes: [],
  }));
  return { config, findings, broken: problems.some((p) => p.syntax === true) };
}

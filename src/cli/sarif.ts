import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules, type Finding, type Range, type Severity } from '../index';
import type { FileReport } from './format';

/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): one run, the rules with short and
 * full descriptions and a help link, one result per finding at a URI relative to the working
 * folder (%SRCROOT%), columns in UTF-16 code units as the engine counts them, and a
 * `partialFingerprints` entry that stays put when lines move, so code scanning keeps tracking an
 * alert across commits. Checked against the OASIS schema in test/unit/cli.test.ts.
 */

export const HOMEPAGE = 'https://github.com/crosswalk-health/crosswalk';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Findings that are not a rule's: a part of a draft that could not be checked. */
export const EXTRA_RULES = [
  { id: 'check-failed', title: 'Could not check', description: 'Crosswalk could not check a draft or a part of it; the message says why. The rest was checked.', defaultSeverity: 'error' as Severity },
];

interface RuleInfo {
  id: string;
  title: string;
  description: string;
  defaultSeverity: Severity | 'off';
  /** The README anchor (`rule-<id>`). */
  docs?: string;
}

const titleOf = (rule: RuleInfo) => rule.title || rule.id;
const helpUri = (rule: RuleInfo) => `${HOMEPAGE}#${rule.docs ?? `rule-${rule.id}`}`;

export function formatSarif(files: readonly (FileReport & { text?: string })[], options: { cwd: string; version: string }): string {
  const known: RuleInfo[] = [...(rules as readonly RuleInfo[]), ...EXTRA_RULES];
  const used = new Set(files.flatMap((f) => f.findings.map((x) => x.ruleId)));
  for (const id of used) if (!known.some((r) => r.id === id)) known.push({ id, title: id, description: id, defaultSeverity: 'warning' });
  const index = new Map(known.map((r, i) => [r.id, i]));

  const results: unknown[] = [];
  for (const file of files) {
    const location = artifactLocation(file.path, options.cwd);
    const seen = new Map<string, number>();
    for (const finding of file.findings) {
      const key = fingerprintKey(finding, file.text);
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      results.push({
        ruleId: finding.ruleId,
        ruleIndex: index.get(finding.ruleId),
        level: LEVEL[finding.severity] ?? 'note',
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(finding.range) } }],
        // The later uses of the term, which the rules flag only at the first (src/core/types.ts `related`).
        ...(finding.related?.length ? {
          relatedLocations: finding.related.map((range, k) => ({
            id: k + 1,
            physicalLocation: { artifactLocation: location, region: region(range) },
            message: { text: `Another use of ${finding.term ? `"${finding.term}"` : 'this'}` },
          })),
        } : {}),
        partialFingerprints: { 'crosswalkFinding/v1': createHash('sha256').update(`${key}\u0000${nth}`).digest('hex').slice(0, 32) },
        ...(finding.audience.length ? { properties: { audience: finding.audience, ...(finding.term ? { term: finding.term } : {}) } } : {}),
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Crosswalk',
          fullName: 'Crosswalk healthcare audience linter',
          version: options.version,
          semanticVersion: /^\d+\.\d+\.\d+/.test(options.version) ? options.version : undefined,
          informationUri: HOMEPAGE,
          rules: known.map((rule) => ({
            id: rule.id,
            name: titleOf(rule).replace(/[^A-Za-z0-9]+/g, ''),
            shortDescription: { text: titleOf(rule) },
            fullDescription: { text: rule.description },
            helpUri: helpUri(rule),
            help: {
              text: `${rule.description} Default: ${rule.defaultSeverity}. Set it in .crosswalk.yaml under rules: (${rule.id}: off, info, warning or error). See ${helpUri(rule)}`,
              markdown: `${rule.description}\n\nDefault: \`${rule.defaultSeverity}\`. Set it in \`.crosswalk.yaml\` under \`rules:\` (\`${rule.id}: off\`, \`info\`, \`warning\` or \`error\`). [More about ${rule.id}](${helpUri(rule)})`,
            },
            defaultConfiguration: rule.defaultSeverity === 'off' ? { enabled: false } : { level: LEVEL[rule.defaultSeverity] },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(options.cwd).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2);
}

/** A SARIF region; an empty range is one character wide, as viewers need. */
function region({ start, end }: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: Math.max(end.column, end.line === start.line ? start.column + 1 : 1) };
}

/** A relative URI under %SRCROOT% for a path inside the working folder, a file: URI otherwise. */
function artifactLocation(shown: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (shown.startsWith('<')) return { uri: encodeURIComponent(shown), uriBaseId: '%SRCROOT%' };
  const absolute = path.resolve(cwd, shown);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** What a finding is about, without its position: rule, term or flagged words, and message. */
function fingerprintKey(finding: Finding, text: string | undefined): string {
  const flagged = text?.slice(finding.range.start.offset, finding.range.end.offset).replace(/\s+/g, ' ').trim().toLowerCase() ?? '';
  return [finding.ruleId, finding.term ?? '', flagged || finding.message].join('\u0000');
}

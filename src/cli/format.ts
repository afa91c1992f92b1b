import type { Finding, Severity } from '../index';

/** One file of the report: a draft, or a config or glossary file with problems of its own. */
export interface FileReport {
  /** As shown: relative to the working folder when inside it. */
  path: string;
  findings: Finding[];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  hint: number;
  byRule: Map<string, number>;
}

export function countFindings(files: readonly FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0, byRule: new Map() };
  for (const file of files) {
    for (const f of file.findings) {
      counts[f.severity]++;
      counts.byRule.set(f.ruleId, (counts.byRule.get(f.ruleId) ?? 0) + 1);
    }
  }
  return counts;
}

const SEVERITY_COLOUR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type Paint = (code: string, s: string) => string;
export const paintWith = (colour: boolean): Paint => (code, s) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * Findings grouped under each file, as eslint's and markdownlint's terminal output: the file,
 * then one line per finding with line:column, severity (in colour on a terminal), message and
 * rule id in aligned columns.
 */
export function formatText(files: readonly FileReport[], paint: Paint = paintWith(false)): string {
  const blocks: string[] = [];
  for (const file of files) {
    if (file.findings.length === 0) continue;
    const rows = file.findings.map((f) => ({ where: `${f.range.start.line}:${f.range.start.column}`, f }));
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const severityWidth = Math.max(...rows.map((r) => r.f.severity.length));
    const lines = [paint('4', file.path)];
    for (const { where, f } of rows) {
      const severity = paint(SEVERITY_COLOUR[f.severity] ?? '0', f.severity.padEnd(severityWidth));
      lines.push(`  ${paint('2', where.padEnd(whereWidth))}  ${severity}  ${f.message.replace(/\r?\n/g, ' ')}  ${paint('2', f.ruleId)}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

/** `N problems (…) in N drafts.` and, when there are findings, the count per rule. */
export function summary(files: readonly FileReport[], drafts: number): string {
  const counts = countFindings(files);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return `No problems in ${plural(drafts, 'draft')}.`;
  const byRule = [...counts.byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([rule, n]) => `${rule} ${n}`).join(', ');
  return `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info) in ${plural(drafts, 'draft')}.\nBy rule: ${byRule}.`;
}

const GITHUB_LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
export const GITHUB_ANNOTATION_LIMIT = 10;

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its file and line (on
 * the pull request's diff). Every finding is printed, so the log has them all; GitHub shows the
 * first 10 of each kind, so the last line says how many more there are and where to see them.
 */
export function formatGithub(files: readonly FileReport[], drafts: number): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines: string[] = [];
  const perKind = { error: 0, warning: 0, notice: 0 };
  for (const file of files) {
    for (const f of file.findings) {
      const { start, end } = f.range;
      const level = GITHUB_LEVEL[f.severity] ?? 'notice';
      perKind[level]++;
      const where = `file=${escapeProperty(file.path)},line=${start.line},col=${start.column},endLine=${end.line},endColumn=${end.column},title=${escapeProperty(`Crosswalk ${f.ruleId}`)}`;
      lines.push(`::${level} ${where}::${escapeData(f.message)}`);
    }
  }
  lines.push(`Crosswalk: ${summary(files, drafts).split('\n')[0]}`);
  const hidden = (Object.entries(perKind) as [string, number][]).filter(([, n]) => n > GITHUB_ANNOTATION_LIMIT);
  if (hidden.length) {
    const more = hidden.map(([kind, n]) => `${n - GITHUB_ANNOTATION_LIMIT} more ${kind}${n - GITHUB_ANNOTATION_LIMIT === 1 ? '' : 's'}`).join(', ');
    lines.push(`GitHub shows ${GITHUB_ANNOTATION_LIMIT} annotations of each kind per step: ${more} are in this log above, and all are in the SARIF (--format sarif, uploaded to code scanning) or text output.`);
  }
  return lines.join('\n');
}

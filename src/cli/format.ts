import type { Finding } from '../index';

const useColour = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColour() ? `\u001b[${code}m${s}\u001b[0m` : s);
const SEVERITY_COLOUR: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' };

/** `path:line:column severity message [rule-id]`, one finding a line, as editors and CI parse. */
export function formatText(files: { path: string; findings: Finding[] }[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      const where = `${file.path}:${f.range.start.line}:${f.range.start.column}`;
      lines.push(`${where} ${paint(SEVERITY_COLOUR[f.severity] ?? '0', f.severity)} ${f.message} ${paint('2', `[${f.ruleId}]`)}`);
    }
  }
  return lines.join('\n');
}

export function summary(files: { findings: Finding[] }[], drafts: number): string {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) for (const f of file.findings) counts[f.severity]++;
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (total === 0) return `No problems in ${plural(drafts, 'draft')}.`;
  return `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info) in ${plural(drafts, 'draft')}.`;
}

const GITHUB_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands: each finding becomes an annotation on the file and line. */
export function formatGithub(files: { path: string; findings: Finding[] }[]): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines: string[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      const { start, end } = f.range;
      const where = `file=${escapeProperty(file.path)},line=${start.line},col=${start.column},endLine=${end.line},endColumn=${end.column},title=${escapeProperty(`Crosswalk ${f.ruleId}`)}`;
      lines.push(`::${GITHUB_LEVEL[f.severity] ?? 'notice'} ${where}::${escapeData(f.message)}`);
    }
  }
  return lines.join('\n');
}

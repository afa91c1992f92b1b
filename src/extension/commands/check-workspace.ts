import * as vscode from 'vscode';
import { isDraft, type Checker } from '../checker';
import { configFor } from '../config-loader';
import { engine, type Core } from '../engine';
import { toDiagnostic } from '../findings';
import { log, tell } from '../log';
import { draftVerdict } from '../scope';
import { readSettings } from '../settings';

export interface WorkspaceSummary {
  /** Drafts checked. */
  files: number;
  /** Findings in all of them. */
  findings: number;
  errors: number;
  warnings: number;
  /** Drafts with at least one finding. */
  filesWithFindings: number;
  /** Drafts skipped: too large, unreadable, or the run was cancelled before them. */
  skipped: number;
  /** Each file skipped, with why (workspace-relative path). */
  skippedFiles: { path: string; reason: string }[];
  cancelled: boolean;
}

const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';
const decoder = new TextDecoder();

/**
 * Crosswalk: Check All Drafts in Workspace. Checks every `**\/*.md` (not in node_modules) and
 * puts the findings in the Problems panel. Drafts open in an editor go through the checker, as
 * if they were typed in; the others are read from disk and linted directly: opening them as
 * documents would make VS Code close them again a little later, and the checker forgets the
 * diagnostics of a closed document.
 */
export async function checkWorkspace(checker: Checker, include = '**/*.md'): Promise<WorkspaceSummary> {
  const summary: WorkspaceSummary = { files: 0, findings: 0, errors: 0, warnings: 0, filesWithFindings: 0, skipped: 0, skippedFiles: [], cancelled: false };
  const uris = (await vscode.workspace.findFiles(include, EXCLUDE)).sort((a, b) => a.toString().localeCompare(b.toString()));
  if (uris.length === 0) {
    void vscode.window.showInformationMessage('Crosswalk found no Markdown drafts in this workspace.');
    return summary;
  }
  const linters = new Map<string, Core.Linter>();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Crosswalk: checking drafts', cancellable: true },
    async (progress, token) => {
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          summary.skipped += uris.length - i;
          for (const rest of uris.slice(i)) summary.skippedFiles.push({ path: vscode.workspace.asRelativePath(rest), reason: 'the run was cancelled' });
          break;
        }
        progress.report({ message: `${i + 1} of ${uris.length}: ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / uris.length });
        const findings = await checkOne(checker, uri, linters);
        if (!Array.isArray(findings)) {
          summary.skipped++;
          summary.skippedFiles.push({ path: vscode.workspace.asRelativePath(uri), reason: findings.skipped });
          log.info(`Check All Drafts skipped ${vscode.workspace.asRelativePath(uri)}: ${findings.skipped}.`);
          continue;
        }
        summary.files++;
        summary.findings += findings.length;
        summary.errors += findings.filter((f) => f.severity === 'error').length;
        summary.warnings += findings.filter((f) => f.severity === 'warning').length;
        if (findings.length) summary.filesWithFindings++;
      }
    },
  );
  tell(
    `Crosswalk checked ${summary.files} draft${summary.files === 1 ? '' : 's'}: ${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.filesWithFindings} (${summary.errors} error${summary.errors === 1 ? '' : 's'}).${skippedText(summary.skippedFiles)}`,
    true,
  );
  return summary;
}

/** "2 skipped: README.md (README.md is a project document, not a message), …": at most three named. */
function skippedText(files: { path: string; reason: string }[]): string {
  if (files.length === 0) return '';
  const named = files.slice(0, 3).map((f) => `${f.path} (${f.reason})`).join('; ');
  const more = files.length > 3 ? `; and ${files.length - 3} more (see the Crosswalk output)` : '';
  return ` ${files.length} skipped: ${named}${more}.`;
}

async function checkOne(checker: Checker, uri: vscode.Uri, linters: Map<string, Core.Linter>): Promise<Core.Finding[] | { skipped: string }> {
  const settings = readSettings(uri);
  if (!settings.enable) return { skipped: 'crosswalk.enable is off' };
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    if (!isDraft(open)) return { skipped: 'not a Markdown document' };
    if (open.getText().length > settings.maxFileSize) return { skipped: 'over crosswalk.maxFileSize' };
    // A check started by typing meanwhile supersedes ours (the checker then returns undefined): ask again.
    for (let attempt = 0; attempt < 5 && !open.isClosed; attempt++) {
      const result = await checker.check(open);
      if (result) return result.findings;
      const skipped = checker.skipped(open);
      if (skipped) return { skipped: skipped.reason };
    }
    return checker.result(open)?.findings ?? { skipped: 'it changed while it was checked' };
  }
  let text: string;
  try {
    text = decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    return { skipped: `it could not be read (${(error as Error).message})` };
  }
  if (text.length > settings.maxFileSize) return { skipped: 'over crosswalk.maxFileSize' };
  // configFor reads nothing from the document but its URI (settings scope, folder, config search).
  const config = await configFor({ uri } as vscode.TextDocument);
  const verdict = draftVerdict(uri, text, checker.optIns, config, settings.files);
  if (!verdict.draft) return { skipped: verdict.reason };
  let linter = linters.get(config.key);
  if (!linter) {
    linter = engine().createLinter(config.options);
    linters.set(config.key, linter);
  }
  const findings = linter.lint(text).findings;
  // Another check may have opened the draft meanwhile: then the checker owns its diagnostics.
  if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
    checker.diagnostics.set(uri, findings.map(toDiagnostic));
  }
  return findings;
}

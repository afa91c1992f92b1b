import * as vscode from 'vscode';
import type { Diagnostic } from 'vscode-languageclient';
import type { Checker } from '../checker';
import { log, recordTold, tell } from '../log';

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

/**
 * Crosswalk: Check All Drafts in Workspace. Checks every `*.md` and `*.markdown` (the draft scope's
 * DRAFT_FILE, src/core/draft-files.ts; not in node_modules) in the
 * language server (`crosswalk/checkFiles`, a few files per request so that the progress moves and
 * Cancel stops it) and puts the findings in the Problems panel. Drafts open in an editor are
 * checked with their unsaved text; the others are read from disk, not opened as documents (VS
 * Code would close them again a little later, and their diagnostics with them).
 */
export async function checkWorkspace(checker: Checker, include = '**/*.{md,markdown}'): Promise<WorkspaceSummary> {
  const summary: WorkspaceSummary = { files: 0, findings: 0, errors: 0, warnings: 0, filesWithFindings: 0, skipped: 0, skippedFiles: [], cancelled: false };
  const uris = (await vscode.workspace.findFiles(include, EXCLUDE)).sort((a, b) => a.toString().localeCompare(b.toString()));
  if (uris.length === 0) {
    // No dead end in a fresh folder (the walkthrough's last step): offer a first draft.
    const message = vscode.workspace.workspaceFolders?.length
      ? 'Crosswalk found no Markdown drafts in this workspace: start one from a template, or add .md files to the folder.'
      : 'Crosswalk found no Markdown drafts: open a folder of drafts, or start one from a template.';
    recordTold(message);
    log.info(message);
    void vscode.window.showInformationMessage(message, 'New Communication from Template').then((choice) => {
      if (choice) void vscode.commands.executeCommand('crosswalk.newFromTemplate');
    });
    return summary;
  }
  const BATCH = 8;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Crosswalk: checking drafts', cancellable: true },
    async (progress, token) => {
      for (let i = 0; i < uris.length; i += BATCH) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          summary.skipped += uris.length - i;
          for (const rest of uris.slice(i)) summary.skippedFiles.push({ path: vscode.workspace.asRelativePath(rest), reason: 'the run was cancelled' });
          break;
        }
        const batch = uris.slice(i, i + BATCH);
        progress.report({ message: `${i + 1} of ${uris.length}: ${vscode.workspace.asRelativePath(batch[0])}`, increment: (100 * batch.length) / uris.length });
        const checks = await checker.client.sendRequest<FileCheck[]>('crosswalk/checkFiles', { uris: batch.map((u) => u.toString()) }, token);
        for (const [j, check] of checks.entries()) {
          const uri = batch[j];
          if ('skipped' in check) {
            summary.skipped++;
            summary.skippedFiles.push({ path: vscode.workspace.asRelativePath(uri), reason: check.skipped });
            log.info(`Check All Drafts skipped ${vscode.workspace.asRelativePath(uri)}: ${check.skipped}.`);
            continue;
          }
          summary.files++;
          summary.findings += check.findings;
          summary.errors += check.errors;
          summary.warnings += check.warnings;
          if (check.findings) summary.filesWithFindings++;
          // An open draft's diagnostics are the server's own; a closed one's go in the Problems panel from here.
          if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
            checker.diagnostics.set(uri, await checker.client.protocol2CodeConverter.asDiagnostics(check.diagnostics));
          }
        }
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

/** One file's answer from the server (src/server/requests.ts `FileCheck`). */
type FileCheck = { uri: string; findings: number; errors: number; warnings: number; diagnostics: Diagnostic[] } | { uri: string; skipped: string };

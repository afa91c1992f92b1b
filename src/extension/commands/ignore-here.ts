import * as vscode from 'vscode';
import type { WorkspaceEdit } from 'vscode-languageclient';
import type { Checker } from '../checker';
import { tell } from '../log';
import { applyAndSave } from './server-edit';

/**
 * "Ignore here": the language server works out the entry under `ignored:` in the `.crosswalk.yaml`
 * in force, or a new one at the workspace folder's root (src/server/actions.ts `ignoreEdit`, over
 * src/core/ignored.ts, inside the workspace folder only); this command applies it, saves the file
 * so that `crosswalk check` in CI honours it too, and says what it stored.
 */
export async function ignoreHere(checker: Checker, draft: vscode.Uri | string, ruleId: string, start: number, end: number): Promise<vscode.Uri | undefined> {
  const uri = typeof draft === 'string' ? vscode.Uri.parse(draft) : draft;
  const answer = await checker.client.sendRequest<{ edit: WorkspaceEdit; target: string; message: string } | { refused: string }>('crosswalk/ignoreEdit', { uri: uri.toString(), ruleId, start, end });
  if ('refused' in answer) {
    void vscode.window.showErrorMessage(`Crosswalk did not ignore the finding: ${answer.refused}`);
    return undefined;
  }
  const target = vscode.Uri.parse(answer.target);
  if (!(await applyAndSave(checker, answer.edit, vscode.workspace.asRelativePath(target)))) return undefined;
  checker.client.sendNotification('crosswalk/recheck');
  tell(answer.message.replace('{config}', vscode.workspace.asRelativePath(target)));
  return target;
}

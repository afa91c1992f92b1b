import * as vscode from 'vscode';
import type { WorkspaceEdit } from 'vscode-languageclient';
import type { Checker } from '../checker';

/**
 * Marks a term as known to an audience in the team glossary: the language server works out the
 * edit (src/server/actions.ts `glossaryEdit`: the glossary `.crosswalk.yaml` names, else the first
 * in `crosswalk.glossaries`, else `.crosswalk/glossary.yaml`, then listed in `.crosswalk.yaml`;
 * only files inside the workspace folder), and this command applies it and saves the files, so
 * that the CLI in CI reads them too. A file with unsaved changes is left alone.
 */
export async function addToGlossary(checker: Checker, uri: vscode.Uri, term: string, audience: string): Promise<{ target: vscode.Uri; label: string } | undefined> {
  if (!vscode.workspace.getWorkspaceFolder(uri) && !vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage('Open a folder to keep a team glossary in it.');
    return undefined;
  }
  const answer = await checker.client.sendRequest<{ edit: WorkspaceEdit; target: string; label: string } | { refused: string }>('crosswalk/glossaryEdit', { uri: uri.toString(), term, audience });
  if ('refused' in answer) {
    void vscode.window.showErrorMessage(`Crosswalk did not add "${term}": ${answer.refused}`);
    return undefined;
  }
  const edit = await checker.client.protocol2CodeConverter.asWorkspaceEdit(answer.edit);
  if (!edit) return undefined;
  const touched = [
    ...(answer.edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c ? [c.textDocument.uri] : [])),
    ...Object.keys(answer.edit.changes ?? {}),
  ].map((u) => vscode.Uri.parse(u));
  const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && touched.some((u) => u.toString() === d.uri.toString()));
  if (dirty) {
    // Saving it would save the writer's unsaved changes too.
    void vscode.window.showErrorMessage(`Crosswalk did not change ${vscode.workspace.asRelativePath(dirty.uri)}: it has unsaved changes. Save it, then try again.`);
    return undefined;
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Crosswalk could not add "${term}" to the team glossary.`);
    return undefined;
  }
  for (const changed of touched) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === changed.toString());
    if (document?.isDirty) await document.save();
  }
  return { target: vscode.Uri.parse(answer.target), label: answer.label };
}

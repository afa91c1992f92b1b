import * as vscode from 'vscode';
import type { WorkspaceEdit } from 'vscode-languageclient';
import type { Checker } from '../checker';

/**
 * Applies an edit the language server worked out and saves the files it touched, so that the CLI
 * in CI reads them too (as Add to Glossary does, commands/add-to-glossary.ts). A file with unsaved
 * changes is left alone, with a message naming it. Returns false when nothing was changed.
 */
export async function applyAndSave(checker: Checker, serverEdit: WorkspaceEdit, what: string): Promise<boolean> {
  const edit = await checker.client.protocol2CodeConverter.asWorkspaceEdit(serverEdit);
  if (!edit) return false;
  const touched = [
    ...(serverEdit.documentChanges ?? []).flatMap((c) => ('textDocument' in c ? [c.textDocument.uri] : [])),
    ...Object.keys(serverEdit.changes ?? {}),
  ].map((u) => vscode.Uri.parse(u));
  const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && touched.some((u) => u.toString() === d.uri.toString()));
  if (dirty) {
    // Saving it would save the writer's unsaved changes too.
    void vscode.window.showErrorMessage(`Crosswalk did not change ${vscode.workspace.asRelativePath(dirty.uri)}: it has unsaved changes. Save it, then try again.`);
    return false;
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Crosswalk could not change ${what}.`);
    return false;
  }
  for (const changed of touched) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === changed.toString());
    if (document?.isDirty) await document.save();
  }
  return true;
}

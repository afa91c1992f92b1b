import * as vscode from 'vscode';
import { engine } from '../engine';
import { toWorkspaceEdit } from '../findings';

const CHOICES = [
  { label: 'clinical', description: 'Doctors, nurses, pharmacists, therapists' },
  { label: 'admin', description: 'Finance, operations, legal, compliance, executives' },
  { label: 'it', description: 'Developers, infrastructure, security, analysts' },
  { label: 'all', description: 'A broad message that must work for every audience' },
];

/** Writes front matter `audience:`, keeping the rest of the front matter as it is. */
export async function setAudience(audience?: string | string[], uri?: vscode.Uri): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open a Markdown draft to set its audience.');
    return false;
  }
  let chosen = audience;
  if (chosen === undefined) {
    const picks = await vscode.window.showQuickPick(CHOICES, {
      title: 'Who will read this draft?',
      placeHolder: 'Pick one or more audiences',
      canPickMany: true,
    });
    if (!picks || picks.length === 0) return false;
    chosen = picks.some((p) => p.label === 'all') ? 'all' : picks.map((p) => p.label);
  }
  const edit = engine().setAudienceEdit(document.getText(), chosen);
  return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, [edit]));
}

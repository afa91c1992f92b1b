import * as vscode from 'vscode';
import { configFor } from '../config-loader';
import { engine, type Core } from '../engine';
import { isRefusal, toWorkspaceEdit } from '../findings';

/** One pick per audience the draft's config knows (team audiences included), then `all`. */
export function audienceChoices(audiences: Core.AudienceCatalog): { label: string; description: string }[] {
  return [
    ...audiences.list.map((a) => ({ label: a.id, description: a.who })),
    { label: 'all', description: `A broad message that must work for every audience (${audiences.all.join(', ')})` },
  ];
}

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
    const { options } = await configFor(document);
    const picks = await vscode.window.showQuickPick(audienceChoices(engine().audiences(options.config)), {
      title: 'Who will read this draft?',
      placeHolder: 'Pick one or more audiences',
      canPickMany: true,
    });
    if (!picks || picks.length === 0) return false;
    chosen = picks.some((p) => p.label === 'all') ? 'all' : picks.map((p) => p.label);
  }
  let edit: Core.TextEdit;
  try {
    edit = engine().setAudienceEdit(document.getText(), chosen);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    void vscode.window.showErrorMessage(`Crosswalk did not set the audience: ${error.message}`);
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, [edit]));
}

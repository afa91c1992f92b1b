import * as vscode from 'vscode';
import type { RewriteResult } from '../../rewrite';
import type { Checker } from '../checker';
import { audienceChoices } from './set-audience';

/**
 * Crosswalk: Rewrite for Audience. Opens a NEW untitled draft with the current draft rewritten
 * for the chosen audience; the original is not touched. Arguments (for tests): the audience and
 * the draft's URI.
 */
export async function rewriteForAudience(checker: Checker, audienceArg?: string, uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const source = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!source || source.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a Markdown draft to rewrite it for an audience.');
    return undefined;
  }
  const audiences = await checker.audiencesAt(source.uri);
  let audience = audienceArg;
  if (audience === undefined) {
    const choices = audienceChoices(audiences).filter((c) => c.label !== 'all');
    const pick = await vscode.window.showQuickPick(choices, { title: 'Rewrite this draft for…', placeHolder: 'Pick the audience of the new draft' });
    if (!pick) return undefined;
    audience = pick.label;
  }
  const resolved = audiences.resolve(audience);
  if (!resolved.audience || resolved.audience.length !== 1) {
    void vscode.window.showErrorMessage(`Rewrite for one audience: ${audiences.ids.join(', ')} (not "${audience}").`);
    return undefined;
  }
  const target = resolved.audience[0];
  // The rewriting is the engine's (src/rewrite.ts), run in the language server: pure, and tested without VS Code.
  const answer = await checker.client.sendRequest<{ rewritten: RewriteResult } | { refused: string } | null>('crosswalk/rewrite', { uri: source.uri.toString(), audience: target });
  if (!answer) return undefined;
  if ('refused' in answer) {
    void vscode.window.showErrorMessage(`Crosswalk could not set the audience of the new draft: ${answer.refused}`);
    return undefined;
  }
  const rewritten = answer.rewritten;
  const { text, replaced, spelledOut, marked } = rewritten;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  // Side by side with the original, so the writer sees every change.
  const name = source.uri.path.split('/').pop() ?? 'draft';
  await vscode.commands.executeCommand('vscode.diff', source.uri, document.uri, `${name} ↔ rewritten for ${target} readers`);
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document) ?? await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
  const left = marked ? ` ${marked} place${marked === 1 ? ' is' : 's are'} marked <!-- crosswalk rewrite: … --> for you to finish.` : '';
  void vscode.window.showInformationMessage(`Crosswalk put ${replaced} term${replaced === 1 ? '' : 's'} in plain words and spelled out ${spelledOut} acronym${spelledOut === 1 ? '' : 's'} for ${target} readers in a new draft.${left}`);
  return editor;
}

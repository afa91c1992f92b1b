import * as vscode from 'vscode';
import type { Checker } from '../checker';
import { configFor } from '../config-loader';
import { engine } from '../engine';
import { isRefusal } from '../findings';
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
  const { options } = await configFor(source);
  const audiences = engine().audiences(options.config);
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
  // The rewriting is the engine's (src/rewrite.ts): pure, and tested without VS Code.
  let rewritten: ReturnType<ReturnType<typeof engine>['rewriteForAudience']>;
  try {
    rewritten = engine().rewriteForAudience(source.getText(), target, options);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    void vscode.window.showErrorMessage(`Crosswalk could not set the audience of the new draft: ${error.message}`);
    return undefined;
  }
  const { text, replaced, spelledOut, marked } = rewritten;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  // Side by side with the original, so the writer sees every change.
  const name = source.uri.path.split('/').pop() ?? 'draft';
  await vscode.commands.executeCommand('vscode.diff', source.uri, document.uri, `${name} ↔ rewritten for ${target} readers`);
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document) ?? await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
  void checker.check(document);
  const left = marked ? ` ${marked} place${marked === 1 ? ' is' : 's are'} marked <!-- crosswalk rewrite: … --> for you to finish.` : '';
  void vscode.window.showInformationMessage(`Crosswalk put ${replaced} term${replaced === 1 ? '' : 's'} in plain words and spelled out ${spelledOut} acronym${spelledOut === 1 ? '' : 's'} for ${target} readers in a new draft.${left}`);
  return editor;
}

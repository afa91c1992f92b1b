// Drafts for the editor, command and snippet tests: each test writes its own file into the test
// workspace under a temporary name (or opens an untitled draft) and removes it afterwards, so no
// test depends on another's order or leftovers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrosswalkApi } from '../../src/extension/extension';
import { crosswalkDiagnostics, ruleId, waitFor } from './helpers';

export const EXTENSION_ID = 'crosswalk-health.crosswalk';

/** The extension's API (`activate`'s return value): the checker and the status item. */
export async function crosswalkApi(): Promise<CrosswalkApi> {
  const extension = vscode.extensions.getExtension<CrosswalkApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  assert.ok(api?.checker, 'activate() returns { checker, status }');
  return api;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return folder;
}

let counter = 0;

/** A unique file name in the workspace folder: `tmp-<tag>-<time>-<n>.md`. */
export function tempUri(tag: string, extension = 'md'): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, `tmp-${tag}-${Date.now().toString(36)}-${counter++}.${extension}`);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function remove(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  } catch {
    // already gone
  }
}

/** Every draft opened by a test, to close and delete in `cleanUp`. */
const opened: vscode.Uri[] = [];

/** Writes a draft into the workspace under a temporary name, opens it in an editor and waits until it is checked. */
export async function openDraft(tag: string, text: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = tempUri(tag);
  await writeText(uri, text);
  opened.push(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await checked(document);
  return { document, editor };
}

/** Opens an untitled Markdown draft and waits until it is checked. */
export async function openUntitled(text: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  opened.push(document.uri);
  const editor = await vscode.window.showTextDocument(document);
  await checked(document);
  return { document, editor };
}

/** Remembers a draft a test or a command opened (or wrote), so that `cleanUp` closes and deletes it. */
export function track(draft: vscode.TextDocument | vscode.Uri): void {
  opened.push(draft instanceof vscode.Uri ? draft : draft.uri);
}

/** Waits until the checker has checked the document's current version, and returns the result. */
export async function checked(document: vscode.TextDocument, timeoutMs = 20_000) {
  const api = await crosswalkApi();
  return waitFor(() => api.checker.result(document), timeoutMs, `Crosswalk to check ${document.uri.toString()} (version ${document.version})`);
}

/**
 * Waits until the current version is checked and `predicate` holds for its crosswalk
 * diagnostics; returns those diagnostics.
 */
export async function diagnosticsWhere(
  document: vscode.TextDocument,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  const api = await crosswalkApi();
  let last: string[] = [];
  try {
    return await waitFor(
      () => {
        if (!api.checker.result(document)) return undefined;
        const diagnostics = crosswalkDiagnostics(document.uri);
        last = diagnostics.map(describeDiagnostic(document));
        return predicate(diagnostics) ? diagnostics : undefined;
      },
      timeoutMs,
      what,
    );
  } catch (error) {
    assert.fail(`${(error as Error).message}; diagnostics: ${JSON.stringify(last)}`);
  }
}

/** Crosswalk diagnostics of one rule on one piece of text. */
export function on(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[], rule: string, text: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => ruleId(d) === rule && document.getText(d.range) === text);
}

export const describeDiagnostic = (document: vscode.TextDocument) => (d: vscode.Diagnostic) =>
  `${ruleId(d)} ${vscode.DiagnosticSeverity[d.severity]} "${document.getText(d.range)}" ${d.message}`;

/** How many of the code actions offered `vscode.executeCodeActionProvider` resolves (their edits are computed on resolve). */
export const RESOLVE_ACTIONS = 100;

/** The code actions offered at a range, waiting until one whose title matches appears. */
export async function codeAction(document: vscode.TextDocument, range: vscode.Range, title: RegExp, kind = vscode.CodeActionKind.QuickFix): Promise<vscode.CodeAction> {
  let titles: string[] = [];
  try {
    return await waitFor(
      async () => {
        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          range,
          kind.value,
          // The language server computes edits lazily (codeAction/resolve): resolve them as the editor does when one is picked.
          RESOLVE_ACTIONS,
        );
        const codeActions = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
        titles = codeActions.map((a) => a.title);
        return codeActions.find((a) => title.test(a.title));
      },
      15_000,
      `a code action titled ${title}`,
    );
  } catch (error) {
    assert.fail(`${(error as Error).message}; offered: ${JSON.stringify(titles)}`);
  }
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Whether a tab shows the URI: a text editor, or either side of a diff (Rewrite for Audience opens one). */
function tabShows(tab: vscode.Tab, uri: vscode.Uri): boolean {
  const input = tab.input;
  const same = (u: vscode.Uri) => u.toString() === uri.toString();
  if (input instanceof vscode.TabInputText) return same(input.uri);
  if (input instanceof vscode.TabInputTextDiff) return same(input.original) || same(input.modified);
  return false;
}

/**
 * Closes (without saving) every editor on the drafts the tests opened, and deletes their files.
 * A draft with unsaved changes is reverted first, whatever shows it (a diff too): a model left
 * dirty after its file is deleted is saved back by auto-save (the web workbench's default),
 * which is how tmp-* drafts were left in test/workspace.
 */
export async function cleanUp(): Promise<void> {
  const uris = opened.splice(0);
  for (const uri of uris) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document && !document.isClosed && document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand(document.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
    }
    for (const group of vscode.window.tabGroups.all) {
      const tabs = group.tabs.filter((tab) => tabShows(tab, uri));
      if (tabs.length) await vscode.window.tabGroups.close(tabs);
    }
    if (uri.scheme === 'file' || uri.scheme === 'vscode-remote') await remove(uri);
  }
}

/** Closes every webview panel tab (reports) and every editor. */
export async function closeEverything(): Promise<void> {
  await cleanUp();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText && tab.isDirty) {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === (tab.input as vscode.TabInputText).uri.toString());
        if (document) {
          await vscode.window.showTextDocument(document, { viewColumn: group.viewColumn });
          await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
      }
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * What the glossary says about a term in a checked draft (from the checker's own result), so
 * that tests follow the glossary's wording instead of copying it.
 */
export async function glossaryTerm(document: vscode.TextDocument, term: string) {
  await checked(document);
  // The checker keeps a summary; the terms of the current version are asked of the language server.
  const result = await (await crosswalkApi()).checker.details(document);
  assert.ok(result, `the language server has the result of ${document.uri.toString()}`);
  const occurrence = result.terms.find((t) => t.term === term || t.text === term);
  assert.ok(occurrence, `"${term}" is a glossary term in ${document.uri.toString()}`);
  return occurrence;
}

/**
 * The short wording the jargon fix writes in place of a term for one audience (data/in-place/),
 * without its own article: the writer's article stays where there is one.
 */
export function wordingFor(term: { inPlace: Partial<Record<string, string>> }, audience: string): string {
  const wording = term.inPlace[audience];
  assert.ok(wording, `an in-place wording for ${audience} readers`);
  return wording.replace(/^(?:the|a|an) /, '');
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Hover text with Markdown escapes removed. */
export const unescapeMarkdown = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');

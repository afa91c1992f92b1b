import * as vscode from 'vscode';
import { engine } from '../engine';
import { readSettings } from '../settings';

const DEFAULT_GLOSSARY = '.crosswalk/glossary.yaml';

/**
 * Marks a term as known to an audience in the team glossary: the first glossary named in
 * settings, else `.crosswalk/glossary.yaml` (which `.crosswalk.yaml` should then list).
 */
export async function addToGlossary(uri: vscode.Uri, term: string, audience: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder to keep a team glossary in it.');
    return undefined;
  }
  const named = readSettings(uri).config.glossaries?.[0];
  const target = vscode.Uri.joinPath(folder.uri, named ?? DEFAULT_GLOSSARY);
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  } catch {
    text = '';
  }
  let updated: string;
  try {
    updated = engine().addKnownTermToGlossary(text, term, audience);
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(updated));
  if (!named) await ensureConfigNames(folder.uri, DEFAULT_GLOSSARY);
  return target;
}

/** Makes `.crosswalk.yaml` list the glossary, so that the CLI in CI reads it too. */
async function ensureConfigNames(folder: vscode.Uri, glossary: string): Promise<void> {
  const configUri = vscode.Uri.joinPath(folder, '.crosswalk.yaml');
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
  } catch {
    text = '';
  }
  if (text.includes(glossary)) return;
  try {
    await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(engine().addGlossaryToConfigText(text, glossary)));
  } catch (error) {
    void vscode.window.showWarningMessage(`Add "${glossary}" to glossaries in .crosswalk.yaml by hand: ${(error as Error).message}`);
  }
}

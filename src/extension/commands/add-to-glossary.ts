import * as vscode from 'vscode';
import { glossaryTarget } from '../config-loader';
import { engine } from '../engine';
import { isRefusal } from '../findings';
import { readSettings } from '../settings';

const DEFAULT_GLOSSARY = '.crosswalk/glossary.yaml';

/** A file's text, '' when it does not exist yet, or undefined (after telling the user) when it cannot be read. */
async function readForEdit(uri: vscode.Uri, what: string): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) {
    // Writing the file under unsaved changes would make the editor and the disk disagree.
    void vscode.window.showErrorMessage(`Crosswalk did not change ${what}: it has unsaved changes. Save it, then try again.`);
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return '';
    // Never treat a file that failed to read as empty: writing it would replace what it holds.
    void vscode.window.showErrorMessage(`Crosswalk did not change ${what}: it could not be read (${(error as Error).message}).`);
    return undefined;
  }
}

/**
 * Marks a term as known to an audience in the team glossary: the first glossary named in
 * settings, else `.crosswalk/glossary.yaml` (which `.crosswalk.yaml` should then list). Only a
 * file inside the workspace folder is ever written.
 */
export async function addToGlossary(uri: vscode.Uri, term: string, audience: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder to keep a team glossary in it.');
    return undefined;
  }
  const named = readSettings(uri).config.glossaries?.[0];
  const target = glossaryTarget(folder, named ?? DEFAULT_GLOSSARY);
  if ('refused' in target) {
    void vscode.window.showErrorMessage(`Crosswalk did not add "${term}": ${target.refused}`);
    return undefined;
  }
  const text = await readForEdit(target.uri, vscode.workspace.asRelativePath(target.uri));
  if (text === undefined) return undefined;
  let updated: string;
  try {
    // The built-in audiences of the term stay in the override's list (src/core/edits.ts).
    updated = engine().addKnownTermToGlossary(text, term, audience, engine().knownAudiencesOf(term));
  } catch (error) {
    void vscode.window.showErrorMessage(isRefusal(error) ? `Crosswalk did not add "${term}": ${error.message}` : (error as Error).message);
    return undefined;
  }
  if (updated !== text) await vscode.workspace.fs.writeFile(target.uri, new TextEncoder().encode(updated));
  if (!named) await ensureConfigNames(folder.uri, DEFAULT_GLOSSARY);
  return target.uri;
}

/** Makes `.crosswalk.yaml` list the glossary, so that the CLI in CI reads it too. */
async function ensureConfigNames(folder: vscode.Uri, glossary: string): Promise<void> {
  const configUri = vscode.Uri.joinPath(folder, '.crosswalk.yaml');
  const text = await readForEdit(configUri, '.crosswalk.yaml');
  if (text === undefined || text.includes(glossary)) return;
  try {
    await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(engine().addGlossaryToConfigText(text, glossary)));
  } catch (error) {
    void vscode.window.showWarningMessage(`Add "${glossary}" to glossaries in .crosswalk.yaml by hand: ${(error as Error).message}`);
  }
}

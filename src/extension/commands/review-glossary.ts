import * as vscode from 'vscode';
import type { WorkspaceEdit } from 'vscode-languageclient';
import type { Checker } from '../checker';
import { tell } from '../log';
import { applyAndSave } from './server-edit';

interface GlossaryAddition {
  term: string;
  audiences?: string[];
  line: number;
}

interface AdditionItem extends vscode.QuickPickItem {
  glossary: string;
  addition: GlossaryAddition;
}

/** The pick on screen, for tests (src/extension/crosswalk.ts exposes it). */
export let activeGlossaryPick: vscode.QuickPick<AdditionItem> | undefined;

/**
 * "Crosswalk: Review Glossary Additions": lists the team glossary entries added from the editor
 * (Add to Glossary marks them in the file: src/core/glossary-additions.ts; the language server
 * finds them, src/server/requests.ts) and undoes the one picked by an in-place edit, saving the
 * file and saying what it did. `term` (for keybindings and tests) undoes that term without the pick.
 */
export async function reviewGlossaryAdditions(checker: Checker, term?: string): Promise<string | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const found = await checker.client.sendRequest<{ uri: string; name: string; addition: GlossaryAddition }[]>('crosswalk/glossaryAdditions', {
    ...(active && active.uri.scheme !== 'untitled' ? { uri: active.uri.toString() } : {}),
  });
  const items: AdditionItem[] = found.map(({ uri, name, addition }) => ({
    label: addition.term,
    description: addition.audiences ? `${addition.audiences.join(', ')} added to its entry` : 'new entry',
    detail: `${name}, line ${addition.line}: added from the editor. Pick it to undo.`,
    glossary: uri,
    addition,
  }));
  if (items.length === 0) {
    tell('No team glossary entries were added from the editor (looked in the glossaries of .crosswalk.yaml, the crosswalk.glossaries setting and .crosswalk/glossary.yaml).');
    return undefined;
  }
  let chosen: AdditionItem | undefined;
  if (term !== undefined) {
    chosen = items.find((i) => i.addition.term.toLowerCase() === term.toLowerCase());
    if (!chosen) {
      tell(`"${term}" was not added to a team glossary from the editor; these were: ${items.map((i) => i.label).join(', ')}.`);
      return undefined;
    }
  } else {
    chosen = await new Promise<AdditionItem | undefined>((resolve) => {
      const pick = vscode.window.createQuickPick<AdditionItem>();
      pick.title = `Glossary additions from the editor (${items.length})`;
      pick.placeholder = 'Pick an entry to undo it, or press Escape';
      pick.items = items;
      pick.matchOnDetail = true;
      activeGlossaryPick = pick;
      let picked: AdditionItem | undefined;
      pick.onDidAccept(() => {
        picked = pick.selectedItems[0] ?? pick.activeItems[0];
        pick.hide();
      });
      pick.onDidHide(() => {
        if (activeGlossaryPick === pick) activeGlossaryPick = undefined;
        pick.dispose();
        resolve(picked);
      });
      pick.show();
    });
    if (!chosen) return undefined;
  }
  const answer = await checker.client.sendRequest<{ edit: WorkspaceEdit; message: string } | { refused: string }>('crosswalk/undoGlossaryAddition', { uri: chosen.glossary, term: chosen.addition.term });
  if ('refused' in answer) {
    void vscode.window.showErrorMessage(`Crosswalk did not undo "${chosen.addition.term}": ${answer.refused}`);
    return undefined;
  }
  if (!(await applyAndSave(checker, answer.edit, vscode.workspace.asRelativePath(vscode.Uri.parse(chosen.glossary))))) return undefined;
  checker.client.sendNotification('crosswalk/recheck');
  tell(answer.message);
  return answer.message;
}

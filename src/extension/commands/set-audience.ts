import * as vscode from 'vscode';
import { setAudienceEdit } from '../../core/edits';
import type { TextEdit } from '../../core/types';
import type { AudienceCatalog } from '../audiences';
import type { Checker } from '../checker';
import { isRefusal, toWorkspaceEdit } from '../findings';
import { tell } from '../log';

/** One pick per audience the draft's config knows (team audiences included), then `all`. */
export function audienceChoices(audiences: AudienceCatalog): { label: string; description: string }[] {
  return [
    ...audiences.list.map((a) => ({ label: a.id, description: a.who })),
    { label: 'all', description: `A broad message that must work for every audience (${audiences.all.join(', ')})` },
  ];
}

interface AudienceItem extends vscode.QuickPickItem {
  /** The audience ids this item writes, or 'several' for the item that opens the multi-pick. */
  value: string[] | 'several';
}

const SEVERAL = 'Several audiences…';

/**
 * The items of the single pick: each audience, `all`, then "Several audiences…"; the draft's
 * audience now is ticked ($(check), and described "current"). Exported for the host tests.
 */
export function audiencePickItems(audiences: AudienceCatalog, current: readonly string[] | undefined): AudienceItem[] {
  const isCurrent = (ids: readonly string[]) => current !== undefined && ids.length === current.length && ids.every((id) => current.includes(id));
  const mark = (item: AudienceItem): AudienceItem => {
    if (item.value === 'several' ? current !== undefined && current.length > 1 && !audiences.isAll(current) : isCurrent(item.value)) {
      return { ...item, label: `$(check) ${item.label}`, description: `current · ${item.description ?? ''}` };
    }
    return item;
  };
  return [
    ...audiences.list.map((a) => mark({ label: a.id, description: a.who, value: [a.id] })),
    mark({ label: 'all', description: `A broad message that must work for every audience (${audiences.all.join(', ')})`, value: [...audiences.all] }),
    { label: '', kind: vscode.QuickPickItemKind.Separator, value: 'several' },
    mark({
      label: SEVERAL,
      description: current && current.length > 1 && !audiences.isAll(current) ? current.join(' + ') : 'a message for more than one audience, not all',
      value: 'several',
    }),
  ];
}

/** The pick on screen, for the host tests (they set its value and accept it, as a user types and presses Enter). */
export let activeAudiencePick: vscode.QuickPick<AudienceItem> | undefined;

/** A single pick with the current audience ticked and active; typing a name (or an alias) and Enter picks it. */
async function pickOne(audiences: AudienceCatalog, current: readonly string[] | undefined): Promise<string[] | 'several' | undefined> {
  const pick = vscode.window.createQuickPick<AudienceItem>();
  activeAudiencePick = pick;
  pick.title = 'Who will read this draft?';
  pick.placeholder = 'Pick an audience, or type its name and press Enter';
  pick.items = audiencePickItems(audiences, current);
  const ticked = pick.items.find((i) => i.label.startsWith('$(check)'));
  if (ticked) pick.activeItems = [ticked];
  try {
    return await new Promise<string[] | 'several' | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const chosen = pick.activeItems[0] ?? pick.selectedItems[0];
        if (chosen) return resolve(chosen.value);
        // No item matches what was typed: an alias or a comma list ("nurses", "clinical, it").
        const typed = audiences.resolve(pick.value);
        if (typed.audience && typed.unknown.length === 0) resolve(typed.audience);
        else pick.title = `"${pick.value}" is no audience. Valid audiences: ${audiences.validNames.join(', ')}.`;
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    if (activeAudiencePick === pick) activeAudiencePick = undefined;
    pick.dispose();
  }
}

/** The second step: every audience, the current ones checked; the text must work for each one chosen. */
async function pickSeveral(audiences: AudienceCatalog, current: readonly string[] | undefined): Promise<string[] | undefined> {
  const pick = vscode.window.createQuickPick<AudienceItem>();
  activeAudiencePick = pick;
  pick.title = 'Who will read this draft? Several audiences: the text must work for each';
  pick.canSelectMany = true;
  pick.items = audiences.list.map((a) => ({ label: a.id, description: a.who, value: [a.id] }));
  pick.selectedItems = pick.items.filter((i) => current?.includes(i.label));
  try {
    return await new Promise<string[] | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems.flatMap((i) => (i.value === 'several' ? [] : i.value))));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    if (activeAudiencePick === pick) activeAudiencePick = undefined;
    pick.dispose();
  }
}

interface DraftItem extends vscode.QuickPickItem {
  action: 'new' | 'template' | 'open' | vscode.Uri;
}

/** The "no draft open" pick on screen, for the host tests. */
export let activeDraftPick: vscode.QuickPick<DraftItem> | undefined;

/**
 * With no draft open, Set Audience (the walkthrough's first step) is no dead end: it offers a new
 * draft (whose audience it then sets), a template, or a Markdown file of the workspace to open.
 */
async function pickDraft(): Promise<vscode.TextDocument | 'template' | undefined> {
  const found = vscode.workspace.workspaceFolders?.length ? await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}', 20) : [];
  const items: DraftItem[] = [
    { label: '$(new-file) New draft', description: 'an empty Markdown draft, its audience set next', action: 'new' },
    { label: '$(file-text) New communication from a template', description: 'a downtime notice, an incident update, a RACI…', action: 'template' },
    ...found.map((uri): DraftItem => ({ label: `$(markdown) ${vscode.workspace.asRelativePath(uri)}`, description: 'open it and set its audience', action: uri })),
    { label: '$(folder-opened) Open a Markdown file…', action: 'open' },
  ];
  const pick = vscode.window.createQuickPick<DraftItem>();
  activeDraftPick = pick;
  pick.title = 'Set Audience: no draft is open';
  pick.placeholder = 'Start a draft, or open one, to choose who will read it';
  pick.items = items;
  const chosen = await new Promise<DraftItem | undefined>((resolve) => {
    let picked: DraftItem | undefined;
    pick.onDidAccept(() => {
      picked = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      if (activeDraftPick === pick) activeDraftPick = undefined;
      pick.dispose();
      resolve(picked);
    });
    pick.show();
  });
  if (!chosen) return undefined;
  if (chosen.action === 'template') return 'template';
  if (chosen.action === 'new') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    return document;
  }
  const uri = chosen.action === 'open'
    ? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Markdown: ['md', 'markdown'] }, openLabel: 'Open draft' }))?.[0]
    : chosen.action;
  if (!uri) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Writes front matter `audience:`, keeping the rest of the front matter as it is. */
export async function setAudience(checker: Checker, audience?: string | string[], uri?: vscode.Uri): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  let document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
  if (!document) {
    const started = await pickDraft();
    if (started === 'template') {
      // The template asks for the audience itself.
      await vscode.commands.executeCommand('crosswalk.newFromTemplate');
      return vscode.window.activeTextEditor !== undefined;
    }
    if (!started) return false;
    document = started;
  }
  let chosen = audience;
  const audiences = await checker.audiencesAt(document.uri);
  if (chosen === undefined) {
    const current = (await checker.current(document))?.audience;
    const one = await pickOne(audiences, current);
    if (one === undefined) return false;
    if (one === 'several') {
      const several = await pickSeveral(audiences, current);
      if (!several || several.length === 0) return false;
      chosen = several;
    } else {
      chosen = audiences.isAll(one) && one.length > 1 ? 'all' : one;
    }
  }
  let edit: TextEdit;
  try {
    edit = setAudienceEdit(document.getText(), chosen);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    void vscode.window.showErrorMessage(`Crosswalk did not set the audience: ${error.message}`);
    return false;
  }
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, [edit]));
  if (applied) {
    const ids = typeof chosen === 'string' ? audiences.resolve(chosen).audience ?? [chosen] : chosen;
    const names = typeof chosen === 'string' && chosen === 'all' ? 'all audiences' : audiences.describe(ids);
    tell(`Set the audience of ${vscode.workspace.asRelativePath(document.uri)} to ${names}.`);
  }
  return applied;
}

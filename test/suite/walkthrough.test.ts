// The walkthrough's steps in a fresh, empty folder: none of them is a dead end. Runs only when the
// host is started on an empty folder (`run.mjs --workspace EMPTY --grep @empty`, a layer of
// scripts/test-all.mjs); skipped in the test workspace, which has drafts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeEverything, crosswalkApi, diagnosticsWhere, track } from './drafts';
import { ruleId, waitFor } from './helpers';
import type { WorkspaceSummary } from '../../src/extension/commands/check-workspace';

describe('@empty Walkthrough in a fresh empty folder', function () {
  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || (await vscode.workspace.fs.readDirectory(folder.uri)).length > 0) this.skip();
    await crosswalkApi();
    await closeEverything();
  });
  after(closeEverything);

  it('Set Audience with no draft open offers to start one, then sets its audience', async () => {
    const api = await crosswalkApi();
    assert.equal(vscode.window.activeTextEditor, undefined, 'no editor is open');
    const told = api.log.told.length;
    const done = vscode.commands.executeCommand<boolean>('crosswalk.setAudience');
    const pick = await waitFor(() => api.draftPick(), 10_000, 'the "no draft is open" pick');
    const labels = pick.items.map((i) => i.label);
    assert.deepEqual(labels, ['$(new-file) New draft', '$(file-text) New communication from a template', '$(folder-opened) Open a Markdown file…'], 'an empty folder has no file to list');
    await waitFor(() => pick.activeItems.length === 1 && pick.activeItems[0].label === '$(new-file) New draft', 10_000, '"New draft" to be the active item, first in the list');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const audiencePick = await waitFor(() => api.audiencePick(), 10_000, 'the audience pick for the new draft');
    // Typed, as a writer would: the workbench makes the match the active item.
    audiencePick.value = 'clinical';
    await waitFor(() => audiencePick.activeItems.length === 1 && audiencePick.activeItems[0].label === 'clinical', 10_000, 'clinical to be the active item');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await done, true);
    const document = (vscode.window.activeTextEditor as vscode.TextEditor | undefined)?.document;
    assert.ok(document && document.uri.scheme === 'untitled' && document.languageId === 'markdown', 'a new untitled Markdown draft');
    track(document);
    assert.equal(document.getText(), '---\naudience: clinical\n---\n\n');
    assert.ok(api.log.told.slice(told).some((m) => /^Set the audience of .+ to clinical readers\.$/.test(m)), JSON.stringify(api.log.told.slice(told)));
  });

  it('New Communication from Template, the Problems panel and Check All Drafts each work and say what they did', async () => {
    const api = await crosswalkApi();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('crosswalk.newFromTemplate', 'Downtime notice', 'clinical');
    assert.ok(editor, 'the template opens as a new draft');
    track(editor.document);
    await diagnosticsWhere(editor.document, (ds) => ds.some((d) => ruleId(d) === 'placeholder'), 'the new draft checked: its blanks flagged');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const told = api.log.told.length;
    const summary = await vscode.commands.executeCommand<WorkspaceSummary>('crosswalk.checkWorkspace');
    assert.equal(summary.files, 0);
    assert.ok(api.log.told.slice(told).includes('Crosswalk found no Markdown drafts in this workspace: start one from a template, or add .md files to the folder.'), JSON.stringify(api.log.told.slice(told)));
  });
});

// Issue 16 in a real VS Code: the audience in the status bar (per section, per draft, never
// another draft's data), which Markdown files are drafts, and commands that say what they did.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, closeEverything, crosswalkApi, exists, openDraft, remove, track, workspaceFolder, writeText } from './drafts';
import { waitFor } from './helpers';

const CLINICAL_DRAFT = '---\naudience: clinical\n---\n\n';

async function statusShows(expect: RegExp, what: string): Promise<string> {
  const api = await crosswalkApi();
  await waitFor(() => api.status.visible && expect.test(api.status.text), 15_000, `${what} (the status shows ${JSON.stringify(api.status.text)})`).catch((error: Error) => assert.fail(error.message));
  return api.status.text;
}

async function told(expect: RegExp, what: string): Promise<string> {
  const api = await crosswalkApi();
  const found = await waitFor(() => api.log.told.find((m) => expect.test(m)), 15_000, `${what} (told: ${JSON.stringify(api.log.told.slice(-5))})`).catch((error: Error) => assert.fail(error.message));
  return found;
}

/** A project document under a folder of its own, opened in an editor; the folder goes in cleanUp. */
async function openProjectDocument(name: string, text: string): Promise<vscode.TextDocument> {
  const folder = vscode.Uri.joinPath(workspaceFolder().uri, `tmp-scope-${Date.now().toString(36)}`);
  const uri = vscode.Uri.joinPath(folder, name);
  await writeText(uri, text);
  track(uri);
  track(folder);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

describe('Status bar: the audience of the active draft', () => {
  after(closeEverything);
  afterEach(cleanUp);

  it('follows the cursor from section to section, and its screen reader label is plain text', async () => {
    const api = await crosswalkApi();
    const { editor } = await openDraft('status-sections', '---\naudience: clinical\n---\n\nThe new lab system starts Monday.\n\n<!-- audience: admin -->\n\nThe budget for the new lab system is approved.\n');
    editor.selection = new vscode.Selection(4, 0, 4, 0);
    await statusShows(/^\$\(person\) Audience: Clinical · grade \d+(\.\d)?$/, 'the clinical section');
    assert.match(api.status.label, /^Crosswalk audience here: Clinical\. Grade level \d+(\.\d)?\. \d+ findings?\. Activate to set the audience\.$/);
    assert.doesNotMatch(api.status.label, /\$\(/, 'no icon names in the label');
    editor.selection = new vscode.Selection(8, 3, 8, 3);
    await statusShows(/Audience: Admin · grade/, 'the admin section once the cursor is in it');
    editor.selection = new vscode.Selection(4, 1, 4, 1);
    await statusShows(/Audience: Clinical · grade/, 'the clinical section again');
  });

  it('never shows another draft\'s data: a README left out says so and offers "Check this file"', async () => {
    const api = await crosswalkApi();
    await openDraft('status-admin', '---\naudience: admin\n---\n\nThe committee will operationalize the comprehensive standardization initiative subsequently.\n');
    await statusShows(/Audience: Admin · grade/, 'the admin draft');
    const readme = await openProjectDocument('README.md', '# Tool\n\nUAT starts Monday. Log in with SSO.\n');
    await statusShows(/^\$\(circle-slash\) Crosswalk: not a draft$/, 'the README is not a draft');
    assert.doesNotMatch(api.status.text, /Admin|grade/, 'nothing of the admin draft');
    assert.match(api.status.label, /README\.md is a project document/);
    assert.equal(api.status.command?.command, 'crosswalk.checkThisFile');
    assert.equal(vscode.languages.getDiagnostics(readme.uri).filter((d) => d.source === 'crosswalk').length, 0, 'no findings on the README');

    // Check This Draft says why it did not check it.
    await vscode.commands.executeCommand('crosswalk.checkDocument');
    await told(/Crosswalk does not check .*README\.md: README\.md is a project document/, 'Check This Draft says why the README is left out');

    // One click on the item: the README is checked from now on.
    await vscode.commands.executeCommand(api.status.command.command, ...(api.status.command.arguments ?? []));
    await statusShows(/Audience: All · grade/, 'the README checked for the default audience');
    await told(/Crosswalk now checks .*README\.md: \d+ findings?\./, 'the opt-in is announced with the count');
    await waitFor(() => vscode.languages.getDiagnostics(readme.uri).some((d) => d.source === 'crosswalk'), 15_000, 'findings on the README once opted in');
  });

  it('a new draft with no text yet shows its audience and no grade', async () => {
    const api = await crosswalkApi();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\naudience: clinical\n---\n\n' });
    track(document);
    const editor = await vscode.window.showTextDocument(document);
    await statusShows(/^\$\(person\) Audience: Clinical · no text yet$/, 'the empty draft');
    assert.equal(api.status.label, 'Crosswalk audience here: Clinical. No text to grade yet. 0 findings. Activate to set the audience.');
    await editor.edit((b) => b.insert(document.lineAt(document.lineCount - 1).range.end, 'The new lab system starts Monday for every unit.\n'));
    await statusShows(/^\$\(person\) Audience: Clinical · grade \d+(\.\d)?$/, 'a grade once the draft has words');
  });

  it('checks a README that declares its audience', async () => {
    await openProjectDocument('CHANGELOG.md', '---\naudience: it\n---\n\n# Changes\n\nThe feed moves to the new server on Monday.\n');
    await statusShows(/Audience: IT · grade/, 'a changelog meant for IT readers is checked');
  });
});

describe('Which files are drafts', () => {
  after(closeEverything);
  afterEach(cleanUp);

  async function open(uri: vscode.Uri): Promise<void> {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  }

  it('honours files: and ignore: in .crosswalk.yaml, the decision the CLI makes', async () => {
    const api = await crosswalkApi();
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, `tmp-scope-config-${Date.now().toString(36)}`);
    track(folder);
    await writeText(vscode.Uri.joinPath(folder, '.crosswalk.yaml'), 'files:\n  - messages/\nignore:\n  - messages/archive/\n');
    const draft = vscode.Uri.joinPath(folder, 'messages', 'go-live.md');
    const archived = vscode.Uri.joinPath(folder, 'messages', 'archive', 'old.md');
    const notes = vscode.Uri.joinPath(folder, 'notes.md');
    for (const uri of [draft, archived, notes]) await writeText(uri, `${CLINICAL_DRAFT}UAT starts Monday.\n`);
    for (const uri of [draft, archived, notes]) track(uri);

    await open(draft);
    await statusShows(/Audience: Clinical · grade/, 'a draft matched by files: is checked');
    await open(archived);
    await statusShows(/not a draft/, 'a draft under ignore: is left out');
    assert.match(api.status.label, /matched by ignore: "messages\/archive\/" in the config/);
    await open(notes);
    await statusShows(/not a draft/, 'a file files: does not match is left out');
    assert.match(api.status.label, /not matched by files: in the config/);
    assert.ok(api.log.lines.some((l) => l.includes('.crosswalk.yaml') && l.includes(folder.path.split('/').pop() ?? '?')), 'the config found is logged');
  });

  it('honours the crosswalk.files setting', async () => {
    const api = await crosswalkApi();
    const folder = `tmp-scope-setting-${Date.now().toString(36)}`;
    const root = vscode.Uri.joinPath(workspaceFolder().uri, folder);
    track(root);
    const inside = vscode.Uri.joinPath(root, 'drafts', 'notice.md');
    const outside = vscode.Uri.joinPath(root, 'other.md');
    for (const uri of [inside, outside]) await writeText(uri, `${CLINICAL_DRAFT}UAT starts Monday.\n`);
    const settingsFolder = vscode.Uri.joinPath(workspaceFolder().uri, '.vscode');
    const hadSettings = await exists(settingsFolder);
    const config = vscode.workspace.getConfiguration('crosswalk');
    await config.update('files', [`${folder}/drafts/`], vscode.ConfigurationTarget.Workspace);
    try {
      await open(inside);
      await statusShows(/Audience: Clinical · grade/, 'a file the setting names is checked');
      await open(outside);
      await statusShows(/not a draft/, 'a file the setting does not name is left out');
      assert.match(api.status.label, /not matched by the crosswalk\.files setting/);
    } finally {
      await config.update('files', undefined, vscode.ConfigurationTarget.Workspace);
      // Leave the test workspace as it was: no settings file it did not have.
      if (!hadSettings) await remove(settingsFolder);
    }
  });
});

describe('Commands say what they did', () => {
  after(closeEverything);
  afterEach(cleanUp);

  it('Check This Draft names the file and the count; the output channel logs the config search', async () => {
    const api = await crosswalkApi();
    const { document } = await openDraft('told-check', `${CLINICAL_DRAFT}UAT starts Monday.\n`);
    await vscode.commands.executeCommand('crosswalk.checkDocument');
    const name = vscode.workspace.asRelativePath(document.uri);
    await told(new RegExp(`^Crosswalk checked ${name.replace(/[.]/g, '\\.')}: [1-9]\\d* findings?\\.$`), 'Check This Draft\'s message');
    assert.ok(api.log.lines.some((l) => /^info Config for .*: (no \.crosswalk\.yaml found|\/)/.test(l)), `the config search is logged (${JSON.stringify(api.log.lines.slice(-5))})`);
  });

  it('Check This Draft and Check This File on a file that is not Markdown say so, and change nothing', async () => {
    const api = await crosswalkApi();
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, `tmp-notes-${Date.now().toString(36)}.txt`);
    await writeText(uri, 'UAT starts Monday.\n');
    track(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const name = vscode.workspace.asRelativePath(uri);
    assert.equal(await vscode.commands.executeCommand('crosswalk.checkDocument'), undefined);
    await told(new RegExp(`^Crosswalk checks Markdown drafts: ${name.replace(/[.]/g, '\\.')} is not one \\(plaintext\\)\\.$`), 'Check This Draft on a text file');
    assert.equal(await vscode.commands.executeCommand('crosswalk.checkThisFile'), undefined);
    await told(new RegExp(`^Crosswalk checks Markdown files only: ${name.replace(/[.]/g, '\\.')} is not one \\(plaintext\\)\\.$`), 'Check This File on a text file');
    assert.ok(!api.checker.optIns.has(uri), 'the text file is not added to the files to check');
  });

  it('Check All Drafts checks .markdown drafts too, as the editor does', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, `tmp-long-name-${Date.now().toString(36)}.markdown`);
    await writeText(uri, `${CLINICAL_DRAFT}UAT starts Monday.\n`);
    track(uri);
    const summary = await vscode.commands.executeCommand<{ files: number }>('crosswalk.checkWorkspace');
    assert.ok(summary && summary.files >= 2, `uat.md and the .markdown draft at least (got ${summary?.files})`);
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'crosswalk' && /UAT/.test(d.message)), 15_000, 'the .markdown draft\'s finding in the Problems panel');
    (await crosswalkApi()).checker.diagnostics.delete(uri);
  });

  it('Check All Drafts says which drafts it skipped and why', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, `tmp-scope-all-${Date.now().toString(36)}`);
    const readme = vscode.Uri.joinPath(folder, 'CONTRIBUTING.md');
    await writeText(readme, '# Contributing\n\nRun UAT first.\n');
    track(folder);
    const summary = await vscode.commands.executeCommand<{ skippedFiles: { path: string; reason: string }[] }>('crosswalk.checkWorkspace');
    assert.ok(summary);
    const skipped = summary.skippedFiles.find((f) => f.path.endsWith('CONTRIBUTING.md'));
    assert.ok(skipped, `CONTRIBUTING.md is skipped (${JSON.stringify(summary.skippedFiles)})`);
    assert.match(skipped.reason, /project document/);
    assert.equal(vscode.languages.getDiagnostics(readme).filter((d) => d.source === 'crosswalk').length, 0);
    await told(/^Crosswalk checked \d+ drafts?: .* \d+ skipped: .*CONTRIBUTING\.md \(CONTRIBUTING\.md is a project document, not a message\)/, 'the summary names the skipped file and why');
    await remove(folder);
  });
});

describe('Set Audience: one pick, the current audience ticked', () => {
  after(closeEverything);
  afterEach(cleanUp);

  async function openPick() {
    const api = await crosswalkApi();
    const done = vscode.commands.executeCommand<boolean>('crosswalk.setAudience');
    const pick = await waitFor(() => api.audiencePick(), 10_000, 'the Set Audience pick');
    return { pick, done };
  }

  async function accept(pick: vscode.QuickPick<vscode.QuickPickItem>, label: RegExp): Promise<void> {
    await waitFor(() => pick.activeItems.length === 1 && label.test(pick.activeItems[0].label), 10_000, `${label} to be the active item (active: ${JSON.stringify(pick.activeItems.map((i) => i.label))})`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }

  it('ticks the current audience, and typing a name then Enter picks it', async () => {
    const { document } = await openDraft('pick-one', `${CLINICAL_DRAFT}The lab system starts Monday.\n`);
    const { pick, done } = await openPick();
    assert.equal(pick.canSelectMany, false, 'a single pick');
    const ticked = pick.items.filter((i) => i.label.startsWith('$(check)'));
    assert.deepEqual(ticked.map((i) => i.label), ['$(check) clinical'], 'only the current audience is ticked');
    assert.equal(pick.activeItems[0]?.label, '$(check) clinical', 'and it is the active item, so Enter keeps it');
    assert.ok(pick.items.some((i) => i.label === 'Several audiences…'), 'several audiences are a second step');
    pick.value = 'admin';
    await accept(pick, /^admin$/);
    assert.equal(await done, true);
    assert.match(document.getText(), /^---\naudience: admin\n---\n/);
    await told(/^Set the audience of .*pick-one.* to administrative readers\.$/, 'Set Audience says what it wrote');
  });

  it('chooses several audiences through "Several audiences…", ticked for a draft that has several', async () => {
    const { document } = await openDraft('pick-several', '---\naudience: [clinical, it]\n---\n\nThe lab system starts Monday.\n');
    const { pick, done } = await openPick();
    const ticked = pick.items.filter((i) => i.label.startsWith('$(check)'));
    assert.deepEqual(ticked.map((i) => i.label), ['$(check) Several audiences…'], 'the several-audiences item is ticked');
    await accept(pick, /Several audiences…$/);
    // The second step: a multi-pick with the draft's audiences checked.
    const api = await crosswalkApi();
    const several = await waitFor(() => (api.audiencePick()?.canSelectMany ? api.audiencePick() : undefined), 10_000, 'the several-audiences pick');
    assert.deepEqual(several.selectedItems.map((i) => i.label), ['clinical', 'it'], 'the current audiences are checked');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await done, true);
    assert.match(document.getText(), /^---\naudience:\s*(\[\s*clinical,\s*it\s*\]|\n\s*- clinical\n\s*- it\n)/, `both audiences written (${JSON.stringify(document.getText().slice(0, 80))})`);
    await told(/to clinical and IT readers\.$/, 'Set Audience names both');
  });
});

// Safety in a real VS Code (issue 9): no quick fix or setting reads or writes a file outside the
// workspace folder, and a front matter with an alias keeps its quick fixes, report and rewrite.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, cleanUp, closeEverything, codeAction, crosswalkApi, diagnosticsWhere, exists, on, openDraft, readText, remove, track, workspaceFolder, writeText } from './drafts';
import { ruleId, waitFor } from './helpers';

const CLINICAL = '---\naudience: clinical\n---\n\n';

describe('Safety: files outside the workspace', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('"Add to the team glossary" does not write a file outside the folder named in crosswalk.glossaries', async () => {
    const folder = workspaceFolder().uri;
    const tag = Date.now().toString(36);
    // A sibling of the workspace folder, standing in for ~/.ssh/authorized_keys.
    const outside = vscode.Uri.joinPath(folder, '..', `outside-${tag}`, 'keys');
    const before = 'ssh-ed25519 AAAA... someone@example\n';
    await writeText(outside, before);
    const settingsFolder = vscode.Uri.joinPath(folder, '.vscode');
    const hadSettings = await exists(settingsFolder);
    const config = vscode.workspace.getConfiguration('crosswalk');
    await config.update('glossaries', [`../outside-${tag}/keys`], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration('crosswalk').get('glossaries')).includes(tag), 10_000, 'the setting to apply');
      (await crosswalkApi()).checker.recheckAll();
      const { document } = await openDraft('outside-glossary', `${CLINICAL}UAT starts Monday.\n`);
      const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
      await apply(await codeAction(document, finding.range, /^Add "UAT" to the team glossary as known to clinical readers/));
      // The command refuses at once; give a write that should not happen the time to show up.
      const settingsFile = vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
      const problem = await waitFor(() => vscode.languages.getDiagnostics(settingsFile).find((d) => ruleId(d) === 'config'), 15_000, 'a finding on the settings that names the refused path');
      assert.match(problem.message, new RegExp(`outside-${tag}/keys.*outside the workspace folder`));
      const settingsLine = ((await readText(settingsFile)) ?? '').split(/\r\n|\r|\n/).findIndex((line) => line.includes(`outside-${tag}/keys`));
      assert.ok(settingsLine > 0);
      assert.equal(problem.range.start.line, settingsLine, 'the finding stands at the refused path in settings.json, not at its first line');
      assert.equal(await readText(outside), before, 'the file outside the folder is unchanged');
      assert.equal(on(document, vscode.languages.getDiagnostics(document.uri), 'jargon', 'UAT').length, 1, 'the outside file was not read as a glossary');
    } finally {
      await config.update('glossaries', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) await remove(settingsFolder);
      await remove(vscode.Uri.joinPath(folder, '..', `outside-${tag}`));
      (await crosswalkApi()).checker.recheckAll();
    }
  });

  it('a .crosswalk.yaml naming ../../outside.yaml does not read it, and says so on the config', async () => {
    const root = workspaceFolder().uri;
    const tag = Date.now().toString(36);
    const sub = vscode.Uri.joinPath(root, `tmp-fence-${tag}`);
    const outside = vscode.Uri.joinPath(root, '..', `outside-${tag}.yaml`);
    await writeText(outside, 'version: 1\nterms:\n  - term: UAT\n    override: true\n    familiar_to: [clinical, admin, it]\n');
    const configUri = vscode.Uri.joinPath(sub, '.crosswalk.yaml');
    await writeText(configUri, `glossaries: [../../outside-${tag}.yaml]\n`);
    const draft = vscode.Uri.joinPath(sub, 'draft.md');
    await writeText(draft, `${CLINICAL}UAT starts Monday.\n`);
    track(draft);
    try {
      const document = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(document);
      await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'UAT still jargon: the outside glossary is not read');
      const problem = await waitFor(() => vscode.languages.getDiagnostics(configUri).find((d) => /outside the project folder/.test(d.message)), 15_000, 'a config finding naming the outside path');
      assert.match(problem.message, new RegExp(`outside-${tag}\\.yaml`));
      assert.equal(problem.range.start.line, 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await remove(sub);
      await remove(outside);
    }
  });
});

describe('Safety: a front matter with an alias keeps every command', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  const ALIAS = '---\nsee: *nope\naudience: clinical # who reads it\n---\n\n';

  it('offers and applies "Allow in this document", keeping the comment', async () => {
    const { document } = await openDraft('alias-allow', `${ALIAS}UAT starts Monday.\n`);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
    await apply(await codeAction(document, finding.range, /^Allow "UAT" in this document/));
    await waitFor(() => document.getText().includes('allow: [ UAT ]'), 10_000, 'allow: written into the front matter');
    assert.equal(document.getText(), `---\nsee: *nope\naudience: clinical # who reads it\nallow: [ UAT ]\n---\n\nUAT starts Monday.\n`);
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 0, 'the finding to go away');
  });

  it('sets the audience in place, shows the report and rewrites', async () => {
    const { document } = await openDraft('alias-commands', `${ALIAS}UAT starts Monday.\n`);
    assert.ok(await vscode.commands.executeCommand<boolean>('crosswalk.setAudience', 'admin', document.uri));
    assert.equal(document.getText(), `---\nsee: *nope\naudience: admin # who reads it\n---\n\nUAT starts Monday.\n`);
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport', document.uri);
    assert.ok(panel, 'the report opens');
    assert.match(panel.webview.html, /<section class="audience audience-clinical"/);
    panel.dispose();
    await vscode.window.showTextDocument(document);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('crosswalk.rewriteForAudience', 'clinical', document.uri);
    assert.ok(editor, 'the rewrite opens a new draft');
    track(editor.document);
    assert.match(editor.document.getText(), /^---\nsee: \*nope\naudience: clinical # who reads it\n---\n/);
  });

  it('refuses to set the audience of a front matter with a duplicate audience key, and changes nothing', async () => {
    const text = '---\naudience: it\naudience: admin\n---\n\nBody.\n';
    const { document } = await openDraft('dup-audience', text);
    assert.equal(await vscode.commands.executeCommand<boolean>('crosswalk.setAudience', 'clinical', document.uri), false);
    assert.equal(document.getText(), text, 'no second front matter, no change');
  });
});

describe('Safety: a deleted draft stays deleted', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('no check or command writes back a draft deleted with unsaved changes', async () => {
    const api = await crosswalkApi();
    const { document } = await openDraft('deleted', `${CLINICAL}UAT starts Monday.\n`);
    assert.ok(await vscode.commands.executeCommand<boolean>('crosswalk.setAudience', 'admin', document.uri));
    assert.ok(document.isDirty, 'Set Audience leaves the edit unsaved, as any edit');
    await remove(document.uri);
    api.checker.recheckAll();
    await vscode.commands.executeCommand('crosswalk.checkDocument');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport', document.uri);
    panel?.dispose();
    await waitFor(() => api.checker.result(document), 20_000, 'the edited draft checked after its file was deleted');
    assert.equal(await exists(document.uri), false, 'the deleted file is not written back');
    assert.match(document.getText(), /^---\naudience: admin\n/, 'the unsaved text is still in the editor, for the writer to save or drop');
  });
});

// Crosswalk in an untrusted workspace (Restricted Mode). Runs only when the host was started with
// `run.mjs --untrusted --grep @untrusted` (CROSSWALK_TEST_TRUST=untrusted); skipped otherwise.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, crosswalkApi, diagnosticsWhere, exists, on, openDraft, remove, workspaceFolder, writeText } from './drafts';
import { ruleId, waitFor } from './helpers';

const CLINICAL = '---\naudience: clinical\n---\n\n';

describe('@untrusted Restricted Mode', function () {
  before(async function () {
    if (process.env.CROSSWALK_TEST_TRUST !== 'untrusted') this.skip();
    await crosswalkApi();
  });
  afterEach(cleanUp);

  it('opens the folder untrusted, and Crosswalk still checks drafts', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is in Restricted Mode');
    const { document } = await openDraft('untrusted-check', `${CLINICAL}UAT starts Monday.\n`);
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'jargon on UAT in Restricted Mode');
  });

  it('ignores the workspace crosswalk.glossaries setting (restrictedConfigurations)', async () => {
    const folder = workspaceFolder().uri;
    const tag = Date.now().toString(36);
    const glossary = vscode.Uri.joinPath(folder, `tmp-untrusted-${tag}.yaml`);
    await writeText(glossary, 'version: 1\nterms:\n  - term: UAT\n    override: true\n    familiar_to: [it, clinical]\n');
    const settingsFolder = vscode.Uri.joinPath(folder, '.vscode');
    const hadSettings = await exists(settingsFolder);
    const config = vscode.workspace.getConfiguration('crosswalk');
    // The workspace value is written, but Restricted Mode hides it from the extension.
    await config.update('glossaries', [`tmp-untrusted-${tag}.yaml`], vscode.ConfigurationTarget.Workspace);
    try {
      const inspected = vscode.workspace.getConfiguration('crosswalk').inspect<string[]>('glossaries');
      assert.deepEqual(vscode.workspace.getConfiguration('crosswalk').get('glossaries'), [], `the workspace value is not applied (inspect: ${JSON.stringify(inspected)})`);
      (await crosswalkApi()).checker.recheckAll();
      const { document } = await openDraft('untrusted-setting', `${CLINICAL}UAT starts Monday.\n`);
      await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'UAT still jargon: the glossary named in workspace settings is not read');
    } finally {
      await config.update('glossaries', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) await remove(settingsFolder);
      await remove(glossary);
    }
  });

  it('runs a catastrophic .crosswalk.yaml pattern without freezing, and refuses a backtracking one at its line', async () => {
    const folder = workspaceFolder().uri;
    const sub = vscode.Uri.joinPath(folder, `tmp-untrusted-re-${Date.now().toString(36)}`);
    const configUri = vscode.Uri.joinPath(sub, '.crosswalk.yaml');
    await writeText(configUri, 'placeholders:\n  - "(a+)+$"\n  - "(?<=x)y"\n');
    const draft = vscode.Uri.joinPath(sub, 'draft.md');
    await writeText(draft, `${CLINICAL}${'a'.repeat(28)}b and ${'a'.repeat(20_000)}!\n`);
    try {
      const started = Date.now();
      const document = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(document);
      await diagnosticsWhere(document, () => true, 'the draft checked');
      assert.ok(Date.now() - started < 20_000);
      const problem = await waitFor(() => vscode.languages.getDiagnostics(configUri).find((d) => ruleId(d) === 'config'), 15_000, 'a finding on the refused pattern');
      assert.equal(problem.range.start.line, 2);
      assert.match(problem.message, /lookahead and lookbehind are not supported/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await remove(sub);
    }
  });
});

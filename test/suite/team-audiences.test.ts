// A team audience from .crosswalk.yaml in a real VS Code: findings, hovers, the status item,
// Set Audience and the report all know it by its label.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, closeEverything, crosswalkApi, diagnosticsWhere, on, track, unescapeMarkdown, workspaceFolder, writeText } from './drafts';
import { hoverText, rangeOf, waitFor } from './helpers';

const CONFIG = 'audiences:\n  pharmacy:\n    extends: clinical\n    label: Pharmacy\n    knows: [HL7, ADC]\n    readability: {grade: 10}\n';

describe('Team audiences', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('check a draft for a team audience from .crosswalk.yaml: findings, hover, status, Set Audience and report', async () => {
    const api = await crosswalkApi();
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, `tmp-team-${Date.now().toString(36)}`);
    await writeText(vscode.Uri.joinPath(folder, '.crosswalk.yaml'), CONFIG);
    const uri = vscode.Uri.joinPath(folder, 'note.md');
    await writeText(uri, '---\naudience: admin\n---\n\nWe test HL7 with the ADC team during UAT on Monday.\n');
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      track(document);
      await vscode.window.showTextDocument(document);
      await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'HL7').length === 1, 'jargon on HL7 for administrators');

      assert.equal(await vscode.commands.executeCommand('crosswalk.setAudience', 'pharmacy'), true);
      assert.match(document.getText(), /^---\naudience: pharmacy\n---\n/);
      const diagnostics = await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1 && on(document, ds, 'jargon', 'HL7').length === 0, 'the re-check for pharmacy');
      assert.equal(on(document, diagnostics, 'jargon', 'ADC').length, 0, 'pharmacy knows the ADC, as clinical staff do');
      assert.match(on(document, diagnostics, 'jargon', 'UAT')[0].message, /that Pharmacy readers may not know/);
      await waitFor(() => /Audience: Pharmacy · grade/.test(api.status.text), 10_000, `the status to show Pharmacy (it shows ${JSON.stringify(api.status.text)})`);

      const hl7 = rangeOf(document, 'HL7');
      const hover = await waitFor(async () => {
        const text = unescapeMarkdown(hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, hl7.start.translate(0, 1))));
        return /Known to:/.test(text) ? text : undefined;
      }, 10_000, 'a hover on HL7');
      assert.match(hover, /Known to: IT, Pharmacy\./);

      // Templates: a team audience takes the version of the audience it extends, under its own id.
      for (const [scenario, heading] of [['Downtime notice', /^# Downtime: /m], ['cw-go-live', /^# .* starts on /m]] as const) {
        await vscode.window.showTextDocument(document);
        const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('crosswalk.newFromTemplate', scenario, 'pharmacy');
        assert.ok(editor, `the ${scenario} template opens`);
        track(editor.document);
        assert.match(editor.document.getText(), /^---\naudience: pharmacy\n/, `${scenario}: front matter names the team audience`);
        assert.match(editor.document.getText(), heading);
        // The go-live template, for a choice of audiences, asks pharmacy what clinical staff care about.
        if (scenario === 'cw-go-live') assert.match(editor.document.getText(), /^## What this means for patients\n\[WHAT THIS MEANS FOR PATIENT CARE\]$/m);
      }
      await vscode.window.showTextDocument(document);

      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport');
      assert.ok(panel, 'the report opens');
      assert.match(panel.webview.html, /<h2 id="h-pharmacy">.*Pharmacy<\/h2>/, 'a card for the draft\'s own team audience');
      for (const audience of ['Clinical', 'Admin', 'IT']) assert.match(panel.webview.html, new RegExp(`<h2 id="h-[a-z]+">.*${audience}</h2>`));
      panel.dispose();
    } finally {
      // Set Audience left note.md edited: cleanUp reverts it before the folder goes, so nothing saves it back.
      await cleanUp();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });
});

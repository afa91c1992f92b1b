// First end-to-end slice in a real VS Code: open a clinical draft that says "UAT", see the
// warning, read the hover, apply the quick fix and watch the finding go away.
// Tests tagged @vsix also run against the packaged extension (npm test runs them with --grep @vsix).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { crosswalkDiagnostics, hoverText, rangeOf, ruleId, waitFor } from './helpers';

const EXTENSION_ID = 'crosswalk-health.crosswalk';
const mode = process.env.CROSSWALK_TEST_MODE ?? 'dev';

describe('Crosswalk slice: UAT in a clinical draft', () => {
  let document: vscode.TextDocument;
  let uat: vscode.Range;

  /** The crosswalk warning whose range covers the original "UAT". */
  const uatFinding = (): vscode.Diagnostic | undefined =>
    crosswalkDiagnostics(document.uri).find((d) => d.range.contains(uat) && document.getText(d.range).includes('UAT'));

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is open');
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'uat.md'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');
    uat = rangeOf(document, 'UAT', document.getText().indexOf('---', 3));
  });

  /** Fails at once, with the reason, when the extension is missing or failed to activate (instead of timing out later). */
  async function activeExtension(): Promise<vscode.Extension<unknown>> {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await waitFor(() => extension.isActive, 20_000, `${EXTENSION_ID} to activate`);
    // isActive is also true after a failed activation; activate() rejects then.
    await extension.activate();
    return extension;
  }

  after(async () => {
    // Never save the test file: drop the quick fix's edit and close the editor.
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates on a Markdown file @vsix', async () => {
    const extension = await activeExtension();
    if (mode === 'vsix') {
      // The packaged build from the extensions folder, not the development folder.
      assert.match(extension.extensionUri.path, /\/extensions\/crosswalk-health\.crosswalk-[^/]+\/?$/);
    }
  });

  it('flags "UAT" with a crosswalk warning @vsix', async () => {
    await activeExtension();
    const finding = await waitFor(uatFinding, 20_000, 'a crosswalk diagnostic on "UAT"');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(ruleId(finding), 'the diagnostic names its rule');
  });

  it('explains "UAT" in a hover', async () => {
    await activeExtension();
    const position = uat.start.translate(0, 1);
    let last = '';
    await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        last = hoverText(hovers ?? []);
        return /user acceptance testing/i.test(last);
      },
      15_000,
      'a hover that expands "UAT"',
    ).catch((error: Error) => assert.fail(`${error.message}; last hover text: ${JSON.stringify(last)}`));
  });

  it('offers a quick fix that replaces "UAT" with plain wording, and the finding goes away', async () => {
    await activeExtension();
    const finding = await waitFor(uatFinding, 20_000, 'a crosswalk diagnostic on "UAT"');
    let titles: string[] = [];
    const fix = await waitFor(
      async () => {
        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          finding.range,
          vscode.CodeActionKind.QuickFix.value,
          // The language server computes edits lazily (codeAction/resolve): resolve them as the editor does when one is picked.
          100,
        );
        const codeActions = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
        titles = codeActions.map((a) => a.title);
        return codeActions.find((a) =>
          (a.edit?.get(document.uri) ?? []).some((e) => e.range.contains(uat) && e.newText.trim() !== '' && !/^UAT$/.test(e.newText.trim())),
        );
      },
      15_000,
      'a quick fix that edits "UAT"',
    ).catch((error: Error) => assert.fail(`${error.message}; code actions offered: ${JSON.stringify(titles)}`));

    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `"${fix.title}" is a quick fix`);
    assert.match(fix.title, /replace/i);
    const edit = (fix.edit?.get(document.uri) ?? []).find((e) => e.range.contains(uat));
    assert.ok(edit);
    assert.doesNotMatch(edit.newText, /^\s*UAT\s*$/);

    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix applies');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(document.getText().includes(edit.newText), 'the document holds the plain wording');

    const code = ruleId(finding);
    await waitFor(
      () =>
        !crosswalkDiagnostics(document.uri).some(
          (d) => ruleId(d) === code && /\bUAT\b/.test(document.getText(d.range)),
        ),
      15_000,
      `the "${code}" finding on "UAT" to go away`,
    );
  });
});

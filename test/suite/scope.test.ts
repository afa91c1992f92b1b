// Which files are drafts, in a real VS Code: .gitignore and .crosswalkignore as the CLI reads them,
// "Stop Checking This File" (the opt-out, and the undo of "Check This File"), and problems in
// files:/ignore: patterns reported at their line in .crosswalk.yaml.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, crosswalkApi, diagnosticsWhere, on, readText, remove, track, workspaceFolder, writeText } from './drafts';
import { waitFor } from './helpers';

const JARGON = '---\naudience: clinical\n---\n\nUAT starts Monday.\n';

async function openFile(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceFolder().uri, name);
  await writeText(uri, text);
  track(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

describe('Scope: which files are drafts', () => {
  const at = (name: string) => vscode.Uri.joinPath(workspaceFolder().uri, name);
  const kept = new Map<string, string | undefined>();
  before(async () => {
    await crosswalkApi();
    for (const name of ['.gitignore', '.crosswalkignore', '.crosswalk.yaml']) kept.set(name, await readText(at(name)));
  });
  afterEach(cleanUp);
  after(async () => {
    for (const [name, text] of kept) {
      if (text === undefined) await remove(at(name));
      else await writeText(at(name), text);
    }
    (await crosswalkApi()).checker.recheckAll();
  });

  it('honours .gitignore and .crosswalkignore as the CLI does, and says why a file is left out', async () => {
    const api = await crosswalkApi();
    await writeText(at('.gitignore'), '# drafts we keep out of git\nold-*.md\n');
    await writeText(at('.crosswalkignore'), '!old-keep.md\n');
    api.checker.recheckAll();
    const ignored = await openFile(`old-notes-${Date.now()}.md`, JARGON);
    const skipped = await waitFor(() => api.checker.skipped(ignored), 20_000, 'the ignored file to be skipped');
    assert.equal(skipped.reason, 'ignored by .gitignore ("old-*.md")');
    assert.equal(vscode.languages.getDiagnostics(ignored.uri).length, 0);
    // .crosswalkignore is read after .gitignore in the same folder: "!" takes a file back in.
    const back = await openFile('old-keep.md', JARGON);
    await diagnosticsWhere(back, (ds) => on(back, ds, 'jargon', 'UAT').length === 1, 'old-keep.md checked: .crosswalkignore takes it back');
  });

  it('Stop Checking This File leaves a draft out and says so; Check This File takes it back', async () => {
    const api = await crosswalkApi();
    const document = await openFile(`stop-${Date.now()}.md`, JARGON);
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'the draft checked');
    const told = api.log.told.length;
    assert.equal(await vscode.commands.executeCommand('crosswalk.stopCheckingThisFile'), false, 'it was not an opt-in');
    const name = vscode.workspace.asRelativePath(document.uri);
    assert.ok(api.log.told.slice(told).includes(`Crosswalk no longer checks ${name}; Crosswalk: Check This File takes it back.`), JSON.stringify(api.log.told.slice(told)));
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).length === 0 && api.checker.skipped(document), 20_000, 'the diagnostics cleared and the file skipped');
    assert.match(api.checker.skipped(document)?.reason ?? '', /^you asked to stop checking it/);
    await vscode.commands.executeCommand('crosswalk.checkThisFile');
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'checked again after Check This File');
  });

  it('Stop Checking This File undoes Check This File on a project document', async () => {
    const api = await crosswalkApi();
    const document = await openFile('CONTRIBUTING.md', JARGON.replace('---\naudience: clinical\n---\n\n', ''));
    await waitFor(() => api.checker.skipped(document), 20_000, 'CONTRIBUTING.md left out as a project document');
    await vscode.commands.executeCommand('crosswalk.checkThisFile');
    await waitFor(() => api.checker.result(document), 20_000, 'CONTRIBUTING.md checked after Check This File');
    const told = api.log.told.length;
    assert.equal(await vscode.commands.executeCommand('crosswalk.stopCheckingThisFile'), true);
    assert.ok(api.log.told.slice(told).includes('Crosswalk no longer checks CONTRIBUTING.md (Check This File undone); Crosswalk: Check This File takes it back.'));
    await waitFor(() => api.checker.skipped(document), 20_000, 'CONTRIBUTING.md left out again');
  });

  it('reports a refused files:/ignore: pattern at its line in .crosswalk.yaml, as the CLI does', async () => {
    await writeText(at('.crosswalk.yaml'), 'audience: clinical\nignore:\n  - "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"\n');
    (await crosswalkApi()).checker.recheckAll();
    const document = await openFile(`pattern-${Date.now()}.md`, 'UAT starts Monday.\n');
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'the draft still checked');
    const problem = await waitFor(() => vscode.languages.getDiagnostics(at('.crosswalk.yaml')).find((d) => /is not used: Pattern has more than 256/.test(d.message)), 20_000, 'the pattern problem on .crosswalk.yaml');
    assert.equal(problem.range.start.line, 2, 'at the pattern\'s line (line 3)');
    assert.match(problem.message, /^ignore: pattern "\{a,b\}/);
  });
});

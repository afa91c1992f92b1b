// Which files are drafts, in a real VS Code: .gitignore and .crosswalkignore as the CLI reads them,
// "Stop Checking This File" (the opt-out, and the undo of "Check This File"), and problems in
// files:/ignore: patterns reported at their line in .crosswalk.yaml.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, crosswalkApi, diagnosticsWhere, exists, on, readText, remove, track, workspaceFolder, writeText } from './drafts';
import { ruleId, waitFor } from './helpers';

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

  it('reports a crosswalk.files pattern it cannot use at its line in settings.json and in the output, and checks with the others', async () => {
    const api = await crosswalkApi();
    const tag = Date.now().toString(36);
    const folderPath = workspaceFolder().uri.path.replace(/\/+$/, '');
    const patterns = [`tmp-files-${tag}-*.md`, '../elsewhere/*.md', `${folderPath}/docs/*.md`, 'notes/{a,b'];
    const settingsFile = at('.vscode/settings.json');
    const settingsBefore = await readText(settingsFile);
    const hadFolder = await exists(at('.vscode'));
    const config = vscode.workspace.getConfiguration('crosswalk');
    await config.update('files', patterns, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration('crosswalk').get('files')).includes(tag), 10_000, 'the setting to apply');
      api.checker.recheckAll();
      const draft = await openFile(`tmp-files-${tag}-a.md`, JARGON);
      await diagnosticsWhere(draft, (ds) => on(draft, ds, 'jargon', 'UAT').length === 1, 'the draft the valid pattern names is checked');
      const other = await openFile(`other-${tag}.md`, JARGON);
      const skipped = await waitFor(() => api.checker.skipped(other), 20_000, 'a file the valid pattern leaves out to be skipped');
      assert.equal(skipped.reason, 'not matched by the crosswalk.files setting');

      const problems = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(settingsFile).filter((d) => ruleId(d) === 'config' && /crosswalk\.files pattern/.test(d.message));
        return found.length === 3 ? found : undefined;
      }, 15_000, 'three crosswalk.files problems on .vscode/settings.json');
      const text = (await readText(settingsFile)) ?? '';
      const lineOf = (pattern: string) => text.split(/\r\n|\r|\n/).findIndex((line) => line.includes(JSON.stringify(pattern).slice(1, -1)));
      const expected: [string, RegExp][] = [
        ['../elsewhere/*.md', /^The crosswalk\.files pattern "\.\.\/elsewhere\/\*\.md" is not used: a pattern cannot reach above its folder \("\.\."\); the other patterns still apply\.$/],
        [`${folderPath}/docs/*.md`, /is not used: it is an absolute path; patterns are relative to the workspace folder: write "docs\/\*\.md"; the other patterns still apply\.$/],
        ['notes/{a,b', /^The crosswalk\.files pattern "notes\/\{a,b" may not say what you meant: its "\{" has no closing "\}", so it matches a "\{" itself\.$/],
      ];
      for (const [pattern, message] of expected) {
        const problem = problems.find((d) => d.message.includes(`"${pattern}"`));
        assert.ok(problem, `a problem names ${pattern}: ${JSON.stringify(problems.map((d) => d.message))}`);
        assert.match(problem.message, message);
        assert.equal(problem.range.start.line, lineOf(pattern), `${pattern}: at its line of settings.json`);
        assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
      }
      // The output channel says the same, with the file and line, for a writer who asks why.
      // (The channel's copy for tests keeps the last 200 lines: search them all, not those after a count.)
      await waitFor(() => api.log.lines.some((l) => l.startsWith('warning ') && l.includes('.vscode/settings.json:') && l.includes('"../elsewhere/*.md" is not used')), 10_000, 'the problem in the output channel');
    } finally {
      await config.update('files', undefined, vscode.ConfigurationTarget.Workspace);
      if (settingsBefore !== undefined) await writeText(settingsFile, settingsBefore);
      else if (!hadFolder) await remove(at('.vscode'));
      api.checker.recheckAll();
    }
    // The setting gone, its problems go too.
    await waitFor(() => vscode.languages.getDiagnostics(settingsFile).every((d) => !/crosswalk\.files pattern/.test(d.message)), 15_000, 'the settings problems cleared');
  });

  it('says so in the output channel (and a notification) when the bad crosswalk.files pattern is in the user settings', async () => {
    const api = await crosswalkApi();
    const tag = Date.now().toString(36);
    const config = vscode.workspace.getConfiguration('crosswalk');
    await config.update('files', [`../user-${tag}/*.md`], vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration('crosswalk').get('files')).includes(tag), 10_000, 'the user setting to apply');
      api.checker.recheckAll();
      const draft = await openFile(`user-files-${tag}.md`, JARGON);
      // No usable pattern left: the defaults apply, as with no setting.
      await diagnosticsWhere(draft, (ds) => on(draft, ds, 'jargon', 'UAT').length === 1, 'the draft checked under the defaults');
      await waitFor(() => api.log.lines.includes(`warning The crosswalk.files pattern "../user-${tag}/*.md" is not used: a pattern cannot reach above its folder (".."); with no other pattern, every Markdown file but project documents is a draft, as without the setting.`),
        10_000, `the problem in the output channel (${JSON.stringify(api.log.lines.slice(-5))})`);
      assert.ok(vscode.languages.getDiagnostics(at('.vscode/settings.json')).every((d) => !d.message.includes(tag)), 'no finding on a workspace settings file that does not hold the pattern');
    } finally {
      await config.update('files', undefined, vscode.ConfigurationTarget.Global);
      api.checker.recheckAll();
    }
  });
});

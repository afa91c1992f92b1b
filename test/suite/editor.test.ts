// The editor experience in a real VS Code: diagnostics through a draft's life, hovers, every
// kind of quick fix, fix-all on save, and the audience status item.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  apply, capitalise, checked, cleanUp, closeEverything, codeAction, crosswalkApi, diagnosticsWhere, escapeRegExp, exists, glossaryTerm, on, openDraft, readText, remove, tempUri,
  track, unescapeMarkdown, wordingFor, workspaceFolder, writeText,
} from './drafts';
import { crosswalkDiagnostics, hoverText, rangeOf, ruleId, waitFor } from './helpers';

const CLINICAL = '---\naudience: clinical\n---\n\n';
const HARD = 'The interdisciplinary implementation committee will subsequently operationalize the comprehensive documentation standardization initiative across organizational departments.';

async function hoverAt(document: vscode.TextDocument, position: vscode.Position, expect: RegExp, what: string): Promise<string> {
  let last = '';
  try {
    await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      last = hoverText(hovers ?? []);
      return expect.test(last);
    }, 15_000, what);
  } catch (error) {
    assert.fail(`${(error as Error).message}; last hover: ${JSON.stringify(last)}`);
  }
  return last;
}

describe('Editor: diagnostics through a draft\'s life', () => {
  before(crosswalkApi);
  afterEach(cleanUp);

  it('shows diagnostics when a draft opens, updates them after an edit and clears them when it closes', async () => {
    const uri = tempUri('life');
    await writeText(uri, `${CLINICAL}UAT for the new eMAR starts Monday.\n`);
    track(uri);
    // Opened the way the explorer opens it: the test's own openTextDocument would keep the
    // document alive (VS Code holds documents an extension opened for minutes after their tab closes).
    await vscode.commands.executeCommand('vscode.open', uri);
    const document: vscode.TextDocument = await waitFor(
      () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor.document : undefined),
      10_000,
      'the draft in the active editor',
    );
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'a jargon diagnostic on "UAT" when the draft opens');

    // An edit that adds a jargon word: a new diagnostic appears on it.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, document.lineAt(document.lineCount - 1).range.end, 'Log in with SSO.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'SSO').length === 1 && on(document, ds, 'jargon', 'UAT').length === 1, 'a new jargon diagnostic on "SSO" after the edit');

    // Closing the draft clears its diagnostics (save first, so that closing does not ask).
    assert.ok(await document.save(), 'the draft saves');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 20_000, 'the diagnostics to clear after the draft is closed');
  });
});

describe('Editor: hovers', () => {
  before(crosswalkApi);
  afterEach(cleanUp);

  it('explains a glossary term: expansion, definition and who knows it', async () => {
    const { document } = await openDraft('hover-term', `${CLINICAL}UAT for the new eMAR starts Monday.\n`);
    const uat = rangeOf(document, 'UAT', CLINICAL.length);
    const term = await glossaryTerm(document, 'UAT');
    assert.ok(term.expansion, 'UAT has an expansion in the glossary');
    const text = unescapeMarkdown(await hoverAt(document, uat.start.translate(0, 1), /acceptance/i, 'a hover that expands "UAT"'));
    assert.ok(text.includes(`**UAT** — ${term.expansion}`), `the expansion "${term.expansion}"`);
    assert.ok(text.includes(term.definition), `the definition "${term.definition}"`);
    assert.match(text, /Known to: IT\b/, 'who knows it');
    assert.match(text, /Not known to: clinical staff/, 'who does not');
    assert.ok(text.includes(term.replace.clinical ?? term.plain), 'what to say instead for this audience (the glossary\'s plain wording)');
  });

  it('explains a hard sentence: its grade against the audience\'s target', async () => {
    const { document } = await openDraft('hover-hard', `${CLINICAL}${HARD}\n`);
    const diagnostics = await diagnosticsWhere(document, (ds) => ds.some((d) => ruleId(d) === 'readability'), 'a readability diagnostic');
    const position = rangeOf(document, 'committee').start.translate(0, 2);
    const text = await hoverAt(document, position, /Hard to read/, 'a readability hover');
    // The hover box shows the diagnostic's message with the card: the grade from the one, the target in both.
    const shown = `${diagnostics.find((d) => ruleId(d) === 'readability')?.message}\n${text}`;
    assert.match(shown, /grade \d+\+?, target 8\b/);
    assert.match(text, /their target: grade 8/);
    assert.match(text, /clinical staff/);
  });
});

describe('Editor: quick fixes', () => {
  before(crosswalkApi);
  afterEach(cleanUp);

  it('replaces jargon with plain wording, and the finding goes away', async () => {
    const { document } = await openDraft('fix-replace', `${CLINICAL}UAT for the new eMAR starts Monday.\n`);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
    const wording = wordingFor(await glossaryTerm(document, 'UAT'), 'clinical');
    await apply(await codeAction(document, finding.range, new RegExp(`^Replace with "${escapeRegExp(wording)}"`)));
    assert.ok(document.getText().includes(`${capitalise(wording)} for the new eMAR`), 'the plain wording, capitalised at the start of the sentence');
    await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'jargon'), 'the jargon finding to go away');
  });

  it('undoes a fix in one step, back to the exact text, and the finding returns', async () => {
    const original = `${CLINICAL}We test the HL7 feed during the cutover on Monday.\n`;
    const { document } = await openDraft('fix-undo', original);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'cutover').length > 0, 'jargon on cutover'), 'jargon', 'cutover');
    const action = await codeAction(document, finding.range, /^Replace with "/);
    await apply(action);
    assert.notEqual(document.getText(), original, 'the fix changed the draft');
    assert.ok(document.getText().startsWith(`${CLINICAL}We test the HL7 feed during `) && document.getText().endsWith(' on Monday.\n'), 'only the term and its article changed');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === original, 10_000, 'one undo to restore the draft exactly');
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'cutover').length === 1, 'the jargon finding back after the undo');
  });

  it('spells out an acronym at its first use, and the finding goes away', async () => {
    // Clinical staff know the eMAR (issue 11): EDR is an acronym they do not know, spelled out only later.
    const { document } = await openDraft('fix-spell', `${CLINICAL}The new EDR agent starts Monday. The EDR agent is endpoint detection and response (EDR).\n`);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'undefined-acronym', 'EDR').length > 0, 'undefined-acronym on EDR'), 'undefined-acronym', 'EDR');
    const { expansion } = await glossaryTerm(document, 'EDR');
    await apply(await codeAction(document, finding.range, /^Spell out at first use/));
    assert.ok(document.getText().includes(`The new ${expansion} (EDR) agent starts Monday. The EDR agent is`), 'spelled out at the first use only');
    await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'undefined-acronym'), 'the undefined-acronym finding to go away');
  });

  it('allows a term in this document: front matter allow gains it, and the finding goes away', async () => {
    const { document } = await openDraft('fix-allow', `---\naudience: clinical\ntitle: Testing week\n---\n\nUAT starts Monday.\n`);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
    const told = (await crosswalkApi()).log.told.length;
    await apply(await codeAction(document, finding.range, /^Allow "UAT" in this document/));
    const text = document.getText();
    assert.match(text, /^---\naudience: clinical\ntitle: Testing week\nallow: \[ UAT \]\n---\n/);
    const name = vscode.workspace.asRelativePath(document.uri);
    assert.ok((await crosswalkApi()).log.told.slice(told).includes(`Allowed "UAT" in ${name}: added to its front matter allow list.`), 'Allow says what it did, naming the term and the file');
    assert.match(text, /UAT starts Monday\./);
    await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'jargon'), 'the jargon finding to go away');
  });

  it('allows a term in a draft that had no front matter: the front matter is created', async () => {
    const { document } = await openDraft('fix-allow-new', 'UAT starts Monday.\n');
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
    await apply(await codeAction(document, finding.range, /^Allow "UAT" in this document/));
    assert.match(document.getText(), /^---\nallow: \[ UAT \]\n---\n\nUAT starts Monday\.\n$/);
    await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'jargon'), 'the jargon finding to go away');
  });

  describe('add to team glossary', () => {
    const folder = () => workspaceFolder().uri;
    let configBefore: string | undefined;
    let glossaryDirExisted = false;

    before(async () => {
      configBefore = await readText(vscode.Uri.joinPath(folder(), '.crosswalk.yaml'));
      glossaryDirExisted = await exists(vscode.Uri.joinPath(folder(), '.crosswalk'));
    });

    // What the command writes into an empty workspace: found "before" only when an earlier run
    // was cut short (or another run shares the folder), and then not the project's own.
    const ours = (text: string | undefined) => text !== undefined && text.trim() === 'glossaries:\n  - .crosswalk/glossary.yaml';

    after(async () => {
      const configUri = vscode.Uri.joinPath(folder(), '.crosswalk.yaml');
      if (configBefore === undefined || ours(configBefore)) await remove(configUri);
      else await writeText(configUri, configBefore);
      if (!glossaryDirExisted || ours(configBefore)) await remove(vscode.Uri.joinPath(folder(), '.crosswalk'));
      (await crosswalkApi()).checker.recheckAll();
    });

    it('adds the term to the team glossary: the file appears in the workspace and the finding goes away', async () => {
      const { document } = await openDraft('fix-glossary', `${CLINICAL}UAT starts Monday.\n`);
      const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
      const api = await crosswalkApi();
      const told = api.log.told.length;
      await apply(await codeAction(document, finding.range, /^Add "UAT" to the team glossary as known to clinical readers/));
      const glossary = vscode.Uri.joinPath(folder(), '.crosswalk', 'glossary.yaml');
      const text = await waitFor(() => readText(glossary), 10_000, 'the team glossary file to appear');
      await waitFor(() => api.log.told.slice(told).includes('Added "UAT" to the team glossary .crosswalk/glossary.yaml as known to clinical readers.'), 10_000,
        `Add to Glossary says what it did, naming the term, the file and the readers (told: ${JSON.stringify(api.log.told.slice(told))})`);
      assert.match(text, /term: UAT/);
      // UAT is built in as known to IT: the override keeps IT and adds clinical (issue 9).
      assert.match(text, /familiar_to: \[ it, clinical \]/);
      const found = await vscode.workspace.findFiles('.crosswalk/glossary.yaml');
      assert.equal(found.length, 1, 'the glossary is a file of the workspace');
      assert.match((await readText(vscode.Uri.joinPath(folder(), '.crosswalk.yaml'))) ?? '', /\.crosswalk\/glossary\.yaml/, '.crosswalk.yaml lists the glossary');
      await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 0, 'the jargon finding on UAT to go away');
      // The output channel says which glossaries the check used, for a writer who asks why UAT is no longer flagged.
      assert.ok(api.log.lines.some((l) => l.startsWith('info Glossary loaded: ') && l.endsWith('.crosswalk/glossary.yaml')), `the glossary is logged (${JSON.stringify(api.log.lines.slice(-5))})`);
    });
  });

  it('disables a rule for one line, and the finding goes away', async () => {
    const { document } = await openDraft('fix-disable', `${CLINICAL}Intro line.\n\n  UAT starts Monday.\n`);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
    await apply(await codeAction(document, finding.range, /^Disable jargon for this line/));
    assert.match(document.getText(), /\n {2}UAT starts Monday\. <!-- crosswalk-disable-line jargon -->\n$/);
    await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'jargon'), 'the jargon finding to go away');
  });

  it('disables a rule for one table row without breaking the table', async () => {
    const { document } = await openDraft('fix-disable-table', `${CLINICAL}| Step | Owner |\n| --- | --- |\n| UAT sign-off | Dana |\n| Cutover | Sam |\n`);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
    await apply(await codeAction(document, finding.range, /^Disable jargon for this line/));
    assert.ok(document.getText().includes('| UAT sign-off | Dana <!-- crosswalk-disable-line jargon --> |\n| Cutover | Sam |'), 'the comment sits in the last cell');
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 0 && on(document, ds, 'jargon', 'Cutover').length === 1, 'the row quiet, the table still checked');
  });

  // Fix-all applies rewordings only when the writer opts in (crosswalk.fixAll.includeRewording);
  // these tests opt in and check that every fix is then applied. The default is checked below.
  describe('with rewording opted in', () => {
    withWorkspaceSetting('crosswalk', 'fixAll.includeRewording', true);

    it('fixes every problem of one rule', async () => {
      const { document } = await openDraft('fix-rule', `${CLINICAL}UAT starts Monday. Log in with SSO. The EDR agent is new. It is endpoint detection and response (EDR).\n`);
      const ds = await diagnosticsWhere(document, (list) => on(document, list, 'jargon', 'UAT').length > 0 && on(document, list, 'jargon', 'SSO').length > 0, 'jargon on UAT and SSO');
      const [finding] = on(document, ds, 'jargon', 'UAT');
      await apply(await codeAction(document, finding.range, /^Reword \d+ phrases? in this document \(jargon\)$/));
      const text = document.getText();
      assert.doesNotMatch(text, /\bUAT\b|\bSSO\b/);
      assert.match(text, /The EDR agent is new/, 'other rules\' findings are left alone');
      await diagnosticsWhere(document, (list) => !list.some((d) => ruleId(d) === 'jargon') && list.some((d) => ruleId(d) === 'undefined-acronym'), 'every jargon finding to go away, and only those');
    });

    it('fixes every fixable problem in the draft', async () => {
      const { document } = await openDraft('fix-all', `${CLINICAL}UAT starts Monday. The EDR agent is new. We will subsequently log in with SSO. It is endpoint detection and response (EDR).\n`);
      const ds = await diagnosticsWhere(document, (list) => ['jargon', 'undefined-acronym', 'simpler-word'].every((r) => list.some((d) => ruleId(d) === r)), 'jargon, undefined-acronym and simpler-word findings');
      const [finding] = on(document, ds, 'jargon', 'UAT');
      await apply(await codeAction(document, finding.range, / in this document \(all Crosswalk fixes\)$/));
      const text = document.getText();
      assert.doesNotMatch(text, /\bUAT\b|\bSSO\b|subsequently/);
      assert.match(text, /[a-z] \(EDR\) agent/, 'EDR is spelled out at its first use');
      await diagnosticsWhere(document, (list) => !list.some((d) => ['jargon', 'undefined-acronym', 'simpler-word'].includes(ruleId(d) ?? '')), 'the fixable findings to go away');
    });

    describe('fix all on save', () => {
      withWorkspaceSetting('editor', 'codeActionsOnSave', { 'source.fixAll.crosswalk': 'explicit' }, 'markdown');

      it('applies every fix when the draft is saved (rewording opted in)', async () => {
        const { document, editor } = await openDraft('fix-on-save', `${CLINICAL}UAT starts Monday.\n`);
        await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT');
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, 'Log in with SSO.\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn });
        await vscode.commands.executeCommand('workbench.action.files.save');
        await waitFor(() => !document.isDirty && !/\bUAT\b|\bSSO\b/.test(document.getText()), 15_000, `the fixes to be applied on save; text: ${JSON.stringify(document.getText())}`);
        assert.match(document.getText(), /^---\naudience: clinical\n---\n\n[A-Z][^\n]* starts Monday\.\nLog in with [^\n]+\.\n$/, 'both sentences kept, with plain wording');
        const onDisk = await readText(document.uri);
        assert.equal(onDisk, document.getText(), 'the fixed text is what was saved');
        await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'jargon'), 'the jargon findings to go away');
      });
    });
  });

  describe('fix all on save, by default', () => {
    withWorkspaceSetting('editor', 'codeActionsOnSave', { 'source.fixAll.crosswalk': 'explicit' }, 'markdown');

    it('applies only safe fixes on save: acronyms spelled out at their first use, no jargon reworded', async () => {
      const { document, editor } = await openDraft('fix-on-save-safe', `${CLINICAL}UAT starts Monday. Log in with SSO.\n`);
      await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0 && on(document, ds, 'jargon', 'SSO').length > 0, 'jargon on UAT and SSO');
      const uat = await glossaryTerm(document, 'UAT');
      const sso = await glossaryTerm(document, 'SSO');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, 'The UAT team meets at noon. Subsequently we log in.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn });
      await vscode.commands.executeCommand('workbench.action.files.save');
      const expected = `${CLINICAL}${capitalise(uat.expansion ?? '')} (UAT) starts Monday. Log in with ${sso.expansion} (SSO).\nThe UAT team meets at noon. Subsequently we log in.\n`;
      await waitFor(() => !document.isDirty && document.getText() === expected, 15_000, `only the safe fixes on save; text: ${JSON.stringify(document.getText())}`);
      assert.equal(await readText(document.uri), expected, 'what was saved keeps every word the writer wrote');
    });

    it('offers fix-all titled for what it does, without the rewordings', async () => {
      const { document } = await openDraft('fix-all-title', `${CLINICAL}UAT starts Monday. The EDR agent is new. Log in with SSO. It is endpoint detection and response (EDR).\n`);
      const ds = await diagnosticsWhere(document, (list) => on(document, list, 'jargon', 'UAT').length > 0 && on(document, list, 'undefined-acronym', 'EDR').length > 0, 'findings on UAT and EDR');
      const [finding] = on(document, ds, 'jargon', 'UAT');
      await apply(await codeAction(document, finding.range, /^Spell out 3 acronyms in this document \(all Crosswalk fixes\)$/));
      assert.match(document.getText(), /\(UAT\) starts Monday\. The [^\n]+ \(EDR\) agent is new\. Log in with [^\n]+ \(SSO\)\. It is endpoint detection and response \(EDR\)\.\n$/);
    });
  });
});

describe('Editor: audience status', () => {
  after(closeEverything);
  afterEach(cleanUp);

  it('shows the draft\'s audience, and Set Audience rewrites the front matter and re-checks', async () => {
    const api = await crosswalkApi();
    const { document } = await openDraft('status', `---\naudience: clinical\ntitle: Testing\n---\n\nUAT starts Monday.\n`);
    await waitFor(() => /Audience: Clinical · grade \d+(\.\d)?$/.test(api.status.text), 10_000, `the status to show the clinical audience (it shows ${JSON.stringify(api.status.text)})`);
    const before = await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'jargon on UAT for clinical readers');

    assert.equal(await vscode.commands.executeCommand('crosswalk.setAudience', 'it'), true);
    assert.match(document.getText(), /^---\naudience: it\ntitle: Testing\n---\n/);
    const after = await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 0, 'the re-check for IT readers: UAT is no jargon to them');
    assert.notDeepEqual(after.map((d) => `${ruleId(d)}:${d.message}`), before.map((d) => `${ruleId(d)}:${d.message}`), 'the diagnostics changed');
    await waitFor(() => /Audience: IT\b/.test(api.status.text), 10_000, `the status to show IT (it shows ${JSON.stringify(api.status.text)})`);
    await checked(document);
    assert.equal(crosswalkDiagnostics(document.uri).filter((d) => ruleId(d) === 'jargon').length, 0);
  });
});

describe('Editor: the project config', () => {
  before(crosswalkApi);
  afterEach(cleanUp);

  it('reports a broken .crosswalk.yaml at its line while it is edited, and clears when fixed', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, `tmp-config-${Date.now().toString(36)}`);
    const uri = vscode.Uri.joinPath(folder, '.crosswalk.yaml');
    await writeText(uri, 'audience: clinical\nrulez:\n  jargon: error\n');
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const problem = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => ruleId(d) === 'config'), 15_000, 'a config diagnostic on the unknown setting');
      assert.equal(problem.range.start.line, 1, 'at the line of "rulez"');
      assert.match(problem.message, /did you mean "rules"/);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(1, 0, 1, 5), 'rules');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 15_000, 'the config diagnostic to clear once the key is fixed, before any save');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });

  it('reports a broken team glossary on its own file, and clears it once fixed', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder().uri, `tmp-glossary-${Date.now().toString(36)}`);
    const glossary = vscode.Uri.joinPath(folder, 'team.yaml');
    await writeText(vscode.Uri.joinPath(folder, '.crosswalk.yaml'), 'glossaries: [team.yaml]\n');
    await writeText(glossary, 'version: 1\nterms:\n  - term: [UAT\n');
    const draft = vscode.Uri.joinPath(folder, 'draft.md');
    await writeText(draft, `${CLINICAL}UAT starts Monday.\n`);
    try {
      const document = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(document);
      await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'the draft still checked');
      const problem = await waitFor(() => vscode.languages.getDiagnostics(glossary).find((d) => ruleId(d) === 'config'), 15_000, 'a diagnostic on the broken glossary');
      assert.match(problem.message, /Broken YAML/);
      await writeText(glossary, 'version: 1\nterms:\n  - term: UAT\n    override: true\n    familiar_to: [it, clinical]\n');
      await waitFor(() => vscode.languages.getDiagnostics(glossary).length === 0, 20_000, 'the glossary diagnostic to clear once the file is fixed');
      await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 0, 'the fixed glossary applied: UAT known to clinical readers');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });
});

/**
 * Sets one workspace setting (for a language, when given) for the tests of the enclosing describe,
 * and afterwards leaves the test workspace's .vscode folder as it was: the workspace folder is the
 * repository's test/workspace.
 */
function withWorkspaceSetting(section: string, key: string, value: Record<string, unknown> | boolean, languageId?: string): void {
  const config = () => vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  const settingsUri = () => vscode.Uri.joinPath(workspaceFolder().uri, '.vscode', 'settings.json');
  // A language's value may merge in other keys: it has taken effect once it holds every key set here.
  const holds = (actual: unknown) =>
    typeof value === 'object' ? typeof actual === 'object' && actual !== null && Object.entries(value).every(([k, v]) => (actual as Record<string, unknown>)[k] === v) : actual === value;
  let settingsBefore: string | undefined;
  let vscodeDirExisted = false;
  before(async () => {
    settingsBefore = await readText(settingsUri());
    vscodeDirExisted = await exists(vscode.Uri.joinPath(workspaceFolder().uri, '.vscode'));
    await config().update(key, value, vscode.ConfigurationTarget.Workspace, languageId !== undefined);
    await waitFor(() => holds(config().get(key)), 10_000, `the ${section}.${key} setting to take effect`);
  });
  after(async () => {
    await config().update(key, undefined, vscode.ConfigurationTarget.Workspace, languageId !== undefined);
    if (settingsBefore !== undefined) await writeText(settingsUri(), settingsBefore);
    else if (!vscodeDirExisted) await remove(vscode.Uri.joinPath(workspaceFolder().uri, '.vscode'));
    else await remove(settingsUri());
  });
}

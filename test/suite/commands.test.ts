// Each command runs in a real VS Code and produces what it says.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  capitalise, checked, cleanUp, closeEverything, crosswalkApi, diagnosticsWhere, glossaryTerm, openDraft, remove, tempUri, track, wordingFor, workspaceFolder, writeText,
} from './drafts';
import { crosswalkDiagnostics, ruleId, waitFor } from './helpers';

const CLINICAL = '---\naudience: clinical\n---\n\n';

/**
 * Runs a command that asks through quick picks, accepting the highlighted item of each pick
 * as it appears, until the command returns.
 */
async function withFirstPicks<T>(command: string, ...args: unknown[]): Promise<T | undefined> {
  let done = false;
  let value: T | undefined;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).then((v) => {
    done = true;
    value = v;
  });
  await waitFor(async () => {
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return done;
  }, 20_000, `${command} to finish after its picks`, 250);
  await running;
  return value;
}

describe('Command: New Communication from Template', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('opens an untitled draft with the scenario\'s variant for the audience @vsix', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('crosswalk.newFromTemplate', 'Downtime notice', 'clinical');
    assert.ok(editor, 'the command returns the new editor');
    track(editor.document);
    assert.equal(editor.document.uri.scheme, 'untitled');
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the new draft is the active editor');
    const text = editor.document.getText();
    assert.match(text, /^---\naudience: clinical\ntype: downtime-notice\ntitle: \[TITLE\]\n---\n# Downtime: \[SYSTEM NAME\]\n/);
    assert.doesNotMatch(text, /\$\{|\$\d/, 'the snippet syntax is expanded');
    // The draft is checked like any other: its blanks are flagged.
    await diagnosticsWhere(editor.document, (ds) => ds.some((d) => ruleId(d) === 'placeholder' && d.severity === vscode.DiagnosticSeverity.Error), 'blank findings on the new draft');
  });

  it('picks the variant by reader (regulators), by snippet prefix, and fills an audience choice', async () => {
    const regulator = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('crosswalk.newFromTemplate', 'Incident update', 'regulators');
    assert.ok(regulator);
    track(regulator.document);
    assert.match(regulator.document.getText(), /^---\naudience: admin\ntype: incident-update\n/);
    assert.match(regulator.document.getText(), /regulator|counsel/i);

    // One object, as a keybinding's `args` passes it.
    const goLive = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('crosswalk.newFromTemplate', { scenario: 'cw-go-live', audience: 'it' });
    assert.ok(goLive);
    track(goLive.document);
    assert.match(goLive.document.getText(), /^---\naudience: it\ntype: go-live\n/);
    // The go-live template is for a choice of audiences: IT readers are asked about rollback and
    // security, which the template does not cover, and not about what administrators care about.
    assert.match(goLive.document.getText(), /^## Rollback\n\[HOW WE ROLL BACK\]\n\n## Security\n\[WHAT THIS DOES TO SECURITY\]\n?$/m);
    assert.doesNotMatch(goLive.document.getText(), /^## Cost$/m);
  });

  it('asks for the scenario, then for the readers of a scenario with several versions', async () => {
    const editor = await withFirstPicks<vscode.TextEditor>('crosswalk.newFromTemplate');
    assert.ok(editor, 'the command returns the new editor');
    track(editor.document);
    // The first scenario is the downtime notice; its first version is for clinical staff.
    assert.match(editor.document.getText(), /^---\naudience: clinical\ntype: downtime-notice\n/);
  });

  it('refuses an unknown scenario without opening anything', async () => {
    const before = vscode.workspace.textDocuments.length;
    const result = await vscode.commands.executeCommand('crosswalk.newFromTemplate', 'No such template');
    assert.equal(result, undefined);
    assert.equal(vscode.workspace.textDocuments.length, before);
  });
});

describe('Command: Show Audience Report', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('shows clinical, admin and IT side by side in a locked-down webview, and follows the draft @vsix', async () => {
    const { document, editor } = await openDraft('report', `${CLINICAL}UAT for the new eMAR starts Monday. Log in with SSO.\n`);
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport');
    assert.ok(panel, 'the command returns the panel');
    const html = panel.webview.html;
    for (const audience of ['Clinical', 'Admin', 'IT']) assert.match(html, new RegExp(`<h2 id="h-[a-z]+">.*${audience}</h2>`), `a column for ${audience}`);
    // The columns ignore the draft's own audience: eMAR is jargon for IT, UAT and SSO for clinical.
    assert.match(html, /<code>UAT<\/code>/);
    assert.match(html, /<code>eMAR<\/code>/);
    for (const figure of ['Grade level', 'Jargon per 100 words', 'Undefined acronyms', 'Reading time', 'Findings per rule']) assert.ok(html.includes(figure), figure);
    assert.match(html, /<svg role="img"[^>]*>.*<rect class="bar bar-\d+"/s, 'a bar chart');

    // A strict Content-Security-Policy; no script; nothing from the network.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /style-src [^;]*'nonce-[0-9a-f]{32}'/);
    // The webview's own resource origin (cspSource) is the only source named.
    assert.doesNotMatch(csp.split(panel.webview.cspSource).join(''), /script-src|unsafe-eval|unsafe-inline|https?:|\*/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html.split(panel.webview.cspSource).join('').replace('http://www.w3.org/2000/svg', ''), /https?:\/\//, 'no address to load from');
    assert.match(html, /var\(--vscode-foreground\)/);
    const nonce = /'nonce-([0-9a-f]+)'/.exec(csp)?.[1];
    assert.ok(html.includes(`<style nonce="${nonce}">`));

    // Re-checking the draft updates the report.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, 'Send it to the PACS.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await checked(document);
    await waitFor(() => panel.webview.html.includes('<code>PACS</code>'), 15_000, 'the report to show PACS after the edit');
    assert.equal(editor.document.getText().includes('PACS'), true);
    panel.dispose();
  });
});

describe('Command: Show Audience Report (sections)', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('reads the whole draft for each audience, whatever its front matter and section markers say', async () => {
    const { document } = await openDraft('report-sections', `${CLINICAL}The new lab system starts Monday.\n\n<!-- audience: it -->\n## For the IT team\n\nUAT ends Friday.\n`);
    // The draft as written: UAT stands in an IT section, so the editor does not flag it.
    await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'jargon'), 'no jargon in the draft as written');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport', document.uri);
    assert.ok(panel);
    const clinical = /<section class="audience audience-clinical"[\s\S]*?<\/section>/.exec(panel.webview.html)?.[0] ?? '';
    const it = /<section class="audience audience-it"[\s\S]*?<\/section>/.exec(panel.webview.html)?.[0] ?? '';
    assert.match(clinical, /<code>UAT<\/code> → \w/, 'UAT is jargon for clinical readers of the whole draft, with plain wording');
    assert.doesNotMatch(it, /<h3>Jargon<\/h3>\s*<ul/, 'no jargon for IT readers');
    panel.dispose();
  });
});

describe('Command: Rewrite for Audience', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('opens a new draft without the jargon, for the chosen audience, and leaves the original alone', async () => {
    // EDR is spelled out only at the end: the rewrite spells it out at its first use.
    const original = `---\naudience: it\ntitle: Testing\n---\n\nUAT for the new EDR agent starts Monday. Log in with SSO. The API is ready. It is endpoint detection and response (EDR).\n`;
    const { document } = await openDraft('rewrite', original);
    const uat = await glossaryTerm(document, 'UAT');
    const edr = await glossaryTerm(document, 'EDR');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('crosswalk.rewriteForAudience', 'clinical');
    assert.ok(editor, 'the command returns the new editor');
    track(editor.document);
    assert.equal(editor.document.uri.scheme, 'untitled');
    assert.notEqual(editor.document.uri.toString(), document.uri.toString());
    assert.equal(document.getText(), original, 'the original is untouched');
    assert.equal(document.isDirty, false);
    const diff = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === editor.document.uri.toString());
    assert.ok(diff && diff.input instanceof vscode.TabInputTextDiff, 'the rewrite opens beside the original in a diff editor');
    assert.equal(diff.input.original.toString(), document.uri.toString(), 'the original is the left side');

    const text = editor.document.getText();
    assert.match(text, /^---\naudience: clinical\ntitle: Testing\n---\n/);
    assert.doesNotMatch(text, /\bUAT\b|\bSSO\b|\bAPI\b/, 'the jargon is replaced');
    assert.ok(text.includes(`${capitalise(wordingFor(uat, 'clinical'))} for the new`), 'UAT in plain words for clinical readers');
    assert.ok(text.includes(`${edr.expansion} (EDR)`), 'the acronym is spelled out at its first use');
    await diagnosticsWhere(editor.document, (ds) => !ds.some((d) => ruleId(d) === 'jargon' || ruleId(d) === 'undefined-acronym'), 'a rewritten draft with no jargon or undefined acronym');
  });

  it('asks for the audience when none is given', async () => {
    const { document } = await openDraft('rewrite-pick', `---\naudience: it\n---\n\nUAT starts Monday.\n`);
    const uat = await glossaryTerm(document, 'UAT');
    const editor = await withFirstPicks<vscode.TextEditor>('crosswalk.rewriteForAudience');
    assert.ok(editor);
    track(editor.document);
    assert.notEqual(editor.document.uri.toString(), document.uri.toString());
    // The first audience offered is clinical.
    assert.equal(editor.document.getText(), `---\naudience: clinical\n---\n\n${capitalise(wordingFor(uat, 'clinical'))} starts Monday.\n`);
  });
});

describe('Command: Check All Drafts in Workspace', () => {
  const created: vscode.Uri[] = [];
  before(crosswalkApi);
  after(async () => {
    for (const uri of created) {
      (await crosswalkApi()).checker.diagnostics.delete(uri);
      await remove(uri);
    }
    await cleanUp();
  });

  it('checks every Markdown draft (not node_modules) and returns the counts @vsix', async () => {
    const folder = workspaceFolder().uri;
    const closed = tempUri('workspace-closed');
    await writeText(closed, `${CLINICAL}UAT starts Monday. Log in with SSO.\n`);
    created.push(closed);
    const clean = tempUri('workspace-clean');
    await writeText(clean, `${CLINICAL}The new lab system starts Monday.\n`);
    created.push(clean);
    const modules = vscode.Uri.joinPath(folder, 'node_modules', 'tmp-package');
    const ignored = vscode.Uri.joinPath(modules, 'README.md');
    await writeText(ignored, `${CLINICAL}UAT starts Monday.\n`);
    created.push(vscode.Uri.joinPath(folder, 'node_modules'));
    // An open draft is checked through the checker, with its unsaved text.
    const { document } = await openDraft('workspace-open', `${CLINICAL}Nothing yet.\n`);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, 'The HL7 feed is down.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const drafts = async () => (await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**')).map((u) => u.toString()).sort().join('\n');
    const before = await drafts();
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number; errors: number }>('crosswalk.checkWorkspace');
    assert.ok(summary);
    assert.ok(summary.files >= 4, `uat.md and the three planted drafts at least (got ${summary.files})`);
    // Exactly every draft outside node_modules, unless another run sharing the folder changed it meanwhile.
    if ((await drafts()) === before) assert.equal(summary.files, before.split('\n').length, 'every draft outside node_modules');
    assert.ok(summary.findings >= 3, `at least the 3 planted findings (got ${summary.findings})`);

    const closedFindings = crosswalkDiagnostics(closed).filter((d) => ruleId(d) === 'jargon');
    assert.equal(closedFindings.length, 2, 'a closed draft\'s findings are in the Problems panel');
    assert.equal(crosswalkDiagnostics(clean).filter((d) => ruleId(d) === 'jargon').length, 0);
    assert.equal(crosswalkDiagnostics(ignored).length, 0, 'node_modules is not checked');
    await diagnosticsWhere(document, (ds) => ds.some((d) => ruleId(d) === 'jargon' && document.getText(d.range).includes('HL7')), 'the open draft\'s unsaved text is checked');
  });
});

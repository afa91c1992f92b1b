// The web extension's suite, run by scripts/web-host/run.mjs in code-server's web worker extension
// host (the staged extension's manifest has only `browser`, so VS Code cannot pick the Node host).
// In a worker there is no `process`, no environment and no Node module: the report's location
// comes from crosswalk-test.json in the workspace, the report is written through
// vscode.workspace.fs, and the tests are plain async functions (Mocha's browser build needs a DOM).
import * as vscode from 'vscode';

interface Case {
  name: string;
  run: () => Promise<void>;
}

const cases: Case[] = [];
const test = (name: string, run: () => Promise<void>) => cases.push({ name, run });

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Polls until the value is there, with a deadline: never a fixed sleep. */
async function waitFor<T>(what: string, get: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const folder = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert(f, 'the test workspace is open');
  return f.uri;
};

const crosswalk = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'crosswalk');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function openDraft(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'notice.md'));
  await vscode.window.showTextDocument(document);
  return document;
}

test('runs in the web worker extension host: uiKind is Web and there is no process', async () => {
  assert(vscode.env.uiKind === vscode.UIKind.Web, `uiKind is ${vscode.env.uiKind}`);
  const scope = (globalThis as { constructor?: { name?: string } }).constructor?.name;
  const proc = (globalThis as { process?: { versions?: unknown; title?: unknown } }).process;
  assert(typeof proc === 'undefined', `process is defined (${JSON.stringify({ scope, versions: proc?.versions, title: proc?.title })}): this is not a web worker host`);
  assert(scope === 'DedicatedWorkerGlobalScope', `the global scope is ${scope}, not a web worker's`);
  const extension = vscode.extensions.getExtension('crosswalk-health.crosswalk');
  assert(extension, 'the Crosswalk extension is installed');
  await extension.activate();
  assert(extension.isActive, 'the extension activated');
});

test('diagnostics on the right characters, with the team glossary read through vscode.workspace.fs', async () => {
  const document = await openDraft();
  const diagnostics = await waitFor('a jargon diagnostic', () => {
    const found = crosswalk(document.uri).filter((d) => codeOf(d) === 'jargon');
    return found.length ? found : undefined;
  });
  const texts = diagnostics.map((d) => document.getText(d.range));
  assert(texts.includes('UAT'), `underlined: ${JSON.stringify(texts)}`);
  // .crosswalk/glossary.yaml says clinical readers know HL7: without it, "HL7 feed" is flagged.
  assert(!texts.some((t) => t.includes('HL7')), `HL7 is flagged although the team glossary marks it known: ${JSON.stringify(texts)}`);
  const code = diagnostics.find((d) => document.getText(d.range) === 'UAT')?.code;
  assert(typeof code === 'object' && code.target.toString().endsWith('#rule-jargon'), `code ${JSON.stringify(code)}`);
});

test('hover explains the term for this reader', async () => {
  const document = await openDraft();
  const diagnostic = await waitFor('the UAT diagnostic', () => crosswalk(document.uri).find((d) => document.getText(d.range) === 'UAT'));
  const hovers = await waitFor('a hover', async () => {
    const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 1));
    return found?.length ? found : undefined;
  });
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
  assert(/user acceptance testing/.test(text), `hover: ${text}`);
  assert(/For clinical staff here, say:/.test(text), `hover: ${text}`);
});

test('a quick fix is listed, resolved and applied, and the edited draft is checked again', async () => {
  const document = await openDraft();
  const diagnostic = await waitFor('the UAT diagnostic', () => crosswalk(document.uri).find((d) => document.getText(d.range) === 'UAT'));
  const actions = await waitFor('quick fixes', async () => {
    // The fourth argument resolves the edits of the first actions, as the light bulb does when one is picked.
    const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 10);
    return found?.some((a) => a.title.startsWith('Replace with')) ? found : undefined;
  });
  const titles = actions.map((a) => a.title);
  assert(titles.includes('Allow "UAT" in this document'), titles.join('\n'));
  assert(titles.includes('Add "UAT" to the team glossary as known to clinical readers'), titles.join('\n'));
  assert(actions.every((a) => !a.command || a.edit), 'every action is an edit, not a client-side command');
  const fix = actions.find((a) => a.title.startsWith('Replace with'));
  assert(fix?.edit, 'the quick fix has its edit after resolve');
  assert(await vscode.workspace.applyEdit(fix.edit), 'the edit applied');
  assert(!document.getText().includes('UAT'), 'UAT was replaced');
  await waitFor('diagnostics of the edited draft', () => (crosswalk(document.uri).some((d) => document.getText(d.range) === 'UAT') ? undefined : true));
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('the commands run here as on the desktop: Set Audience rewrites the front matter, the status item follows, the report opens', async () => {
  const document = await openDraft();
  const extension = vscode.extensions.getExtension('crosswalk-health.crosswalk');
  assert(extension, 'the Crosswalk extension is installed');
  // The same API as the desktop extension's (src/extension/crosswalk.ts).
  const api = (await extension.activate()) as { status?: { text: string } } | undefined;
  assert(api?.status, 'activate() returns the status item');
  const status = api.status;
  await waitFor(`the status item to show the clinical audience (it shows ${JSON.stringify(status.text)})`, () => /Audience: Clinical · grade/.test(status.text) || undefined);
  assert(await vscode.commands.executeCommand<boolean>('crosswalk.setAudience', 'it', document.uri), 'Set Audience applied');
  assert(/^---\naudience: it\n---\n/.test(document.getText()), `the front matter names IT (${JSON.stringify(document.getText().slice(0, 40))})`);
  await waitFor(`the status item to show IT (it shows ${JSON.stringify(status.text)})`, () => /Audience: IT · grade/.test(status.text) || undefined);
  const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport', document.uri);
  assert(panel && /<section class="audience audience-clinical"/.test(panel.webview.html), 'the report opens with a card per audience');
  panel.dispose();
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('Export Report as PDF makes a PDF in the worker (pdf-lib, no Node) and writes it into the workspace', async () => {
  const document = await openDraft();
  const target = vscode.Uri.joinPath(folder(), `tmp-web-report-${Date.now().toString(36)}.pdf`);
  try {
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosswalk.exportReportPdf', document.uri, target);
    assert(written?.toString() === target.toString(), `the command wrote ${written?.toString()}`);
    const bytes = await vscode.workspace.fs.readFile(target);
    const head = String.fromCharCode(...bytes.subarray(0, 5));
    assert(head === '%PDF-', `the file starts ${JSON.stringify(head)}`);
    // The document's title is stored as a plain string in its information dictionary.
    const latin1 = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    assert(latin1.includes('%%EOF') && bytes.length > 1000, `a whole PDF (${bytes.length} bytes)`);
  } finally {
    try {
      await vscode.workspace.fs.delete(target);
    } catch {
      /* not written */
    }
  }
});

/** What scripts/web-host/run.mjs wrote into crosswalk-test.json: where the report goes, and the files outside the workspace that its links lead to. */
interface TestSettings {
  report: string;
  outside: { glossary: string; draft: string };
}
let settings: TestSettings | undefined;

const SYMBOLIC_LINK = vscode.FileType.SymbolicLink;
const fenced = (...parts: string[]) => vscode.Uri.joinPath(folder(), 'fenced', ...parts);
/** A file outside the workspace folder, on the same remote file system (vscode-remote://…/tmp/…/outside/…). */
const outsideUri = (which: keyof TestSettings['outside']) => {
  assert(settings, 'crosswalk-test.json was read');
  return folder().with({ path: settings.outside[which] });
};
const bytesOf = async (uri: vscode.Uri) => Array.from(await vscode.workspace.fs.readFile(uri)).join(',');

test('symbolic links: vscode.workspace.fs.stat on code-server\'s remote file system reports them (FileType.SymbolicLink)', async () => {
  const glossary = await vscode.workspace.fs.stat(fenced('team.yaml'));
  const shared = await vscode.workspace.fs.stat(fenced('shared'));
  const plain = await vscode.workspace.fs.stat(fenced('notice.md'));
  const types = JSON.stringify({ 'team.yaml': glossary.type, shared: shared.type, 'notice.md': plain.type });
  assert(glossary.type === (vscode.FileType.File | SYMBOLIC_LINK), `a link to a file is File | SymbolicLink: ${types}`);
  assert(shared.type === (vscode.FileType.Directory | SYMBOLIC_LINK), `a link to a folder is Directory | SymbolicLink: ${types}`);
  assert(plain.type === vscode.FileType.File, `a plain file is File: ${types}`);
});

test('symbolic links: a team glossary linked from outside the workspace is refused at its line of .crosswalk.yaml, and its terms are not applied', async () => {
  const document = await vscode.workspace.openTextDocument(fenced('notice.md'));
  await vscode.window.showTextDocument(document);
  const config = await vscode.workspace.openTextDocument(fenced('.crosswalk.yaml'));
  const refusal = await waitFor('the refusal on fenced/.crosswalk.yaml', () => crosswalk(config.uri).find((d) => /symbolic link/.test(d.message)));
  assert(
    refusal.message.startsWith('Team glossary "team.yaml": ') && refusal.message.includes('is reached through the symbolic link fenced/team.yaml;'),
    `the finding names the link: ${refusal.message}`,
  );
  assert(config.getText(refusal.range) === 'team.yaml', `at the name in glossaries: (${JSON.stringify(config.getText(refusal.range))})`);
  assert(refusal.range.start.line === config.getText().split('\n').findIndex((l) => l.includes('- team.yaml')), `at the line that names it (line ${refusal.range.start.line + 1})`);
  // The outside glossary says clinical readers know UAT: still flagged, so it was not read.
  await waitFor('UAT flagged as jargon in fenced/notice.md', () => crosswalk(document.uri).find((d) => codeOf(d) === 'jargon' && document.getText(d.range) === 'UAT'));
});

test('symbolic links: Add to team glossary writes nothing through the link, Ignore here writes only fenced/.crosswalk.yaml, and the outside glossary keeps its bytes', async () => {
  const before = await bytesOf(outsideUri('glossary'));
  const document = await vscode.workspace.openTextDocument(fenced('notice.md'));
  await vscode.window.showTextDocument(document);
  const diagnostic = await waitFor('UAT flagged', () => crosswalk(document.uri).find((d) => codeOf(d) === 'jargon' && document.getText(d.range) === 'UAT'));
  const actions = await waitFor('quick fixes', async () => {
    // Resolved as the light bulb resolves the one picked: the server makes each edit now.
    const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 50);
    return found?.some((a) => a.title.startsWith('Add "UAT" to the team glossary')) ? found : undefined;
  });
  const titles = actions.map((a) => a.title);
  const add = actions.find((a) => a.title === 'Add "UAT" to the team glossary as known to clinical readers');
  assert(add, titles.join('\n'));
  assert(add.edit === undefined && add.command === undefined, `resolved, the action has nothing to apply: ${JSON.stringify(add.edit?.entries().map(([u]) => u.toString()))}`);
  // The extension's own command asks the same server (crosswalk/glossaryEdit) and adds nothing.
  const added = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosswalk.addToGlossary', document.uri, 'UAT', 'clinical');
  assert(added === undefined, `crosswalk.addToGlossary wrote ${added?.toString()}`);
  assert((await bytesOf(outsideUri('glossary'))) === before, 'the glossary outside the workspace is unchanged after Add to team glossary');

  // "Ignore here" is kept in the .crosswalk.yaml in force: a plain file in the folder, which it may write.
  const ignore = actions.find((a) => a.title.startsWith('Ignore'));
  assert(ignore?.edit, `an Ignore here action with its edit: ${titles.join('\n')}`);
  const configUri = fenced('.crosswalk.yaml');
  const touched = ignore.edit.entries().map(([u]) => u.toString());
  assert(touched.length > 0 && touched.every((u) => u === configUri.toString()), `Ignore here edits only fenced/.crosswalk.yaml: ${JSON.stringify(touched)}`);
  const config = await vscode.workspace.openTextDocument(configUri);
  const original = config.getText();
  try {
    assert(await vscode.workspace.applyEdit(ignore.edit), 'the Ignore here edit applied');
    assert(await config.save(), 'fenced/.crosswalk.yaml saved');
    assert(/ignored:/.test(new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri))), 'the entry is in fenced/.crosswalk.yaml on disk');
    await waitFor('UAT no longer flagged in fenced/notice.md', () => (crosswalk(document.uri).some((d) => document.getText(d.range) === 'UAT') ? undefined : true));
    assert((await bytesOf(outsideUri('glossary'))) === before, 'the glossary outside the workspace is unchanged after Ignore here');
  } finally {
    const restore = new vscode.WorkspaceEdit();
    restore.replace(configUri, new vscode.Range(config.positionAt(0), config.positionAt(config.getText().length)), original);
    await vscode.workspace.applyEdit(restore);
    await config.save();
  }
});

test('symbolic links: Check All Drafts skips a draft in a linked folder and says which link', async () => {
  const summary = await vscode.commands.executeCommand<{ skippedFiles: { path: string; reason: string }[] }>('crosswalk.checkWorkspace');
  const skipped = summary.skippedFiles.find((f) => f.path === 'fenced/shared/linked-notice.md');
  assert(skipped, `Check All Drafts skipped the linked draft: ${JSON.stringify(summary.skippedFiles)}`);
  assert(/^fenced\/shared\/linked-notice\.md is reached through the symbolic link fenced\/shared;/.test(skipped.reason), skipped.reason);
});

test('symbolic links: a draft opened through a linked folder is checked with settings and defaults only, the refusal names the link, and no action writes through it', async () => {
  const before = await bytesOf(outsideUri('draft'));
  const document = await vscode.workspace.openTextDocument(fenced('shared', 'linked-notice.md'));
  await vscode.window.showTextDocument(document);
  // No .crosswalk.yaml is looked for through the link: the finding goes where one would be (the Problems panel shows it).
  const refusal = await waitFor('the refusal of fenced/shared/.crosswalk.yaml', () =>
    crosswalk(fenced('shared', '.crosswalk.yaml')).find((d) => /is reached through the symbolic link fenced\/shared;/.test(d.message)),
  );
  assert(/Settings and defaults apply\.$/.test(refusal.message), refusal.message);
  const diagnostic = await waitFor('UAT flagged in the linked draft', () => crosswalk(document.uri).find((d) => codeOf(d) === 'jargon' && document.getText(d.range) === 'UAT'));
  const actions = await waitFor('quick fixes', async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 50);
    return found?.some((a) => a.title.startsWith('Ignore')) ? found : undefined;
  });
  const linked = `${fenced('shared').toString()}/`;
  for (const action of actions.filter((a) => a.title.startsWith('Add "UAT"') || a.title.startsWith('Ignore'))) {
    const touched = action.edit?.entries().map(([u]) => u.toString()) ?? [];
    assert(touched.every((u) => !u.startsWith(linked) && u !== fenced('team.yaml').toString()), `${action.title} writes through a link: ${JSON.stringify(touched)}`);
  }
  assert((await bytesOf(outsideUri('draft'))) === before, 'the draft outside the workspace is unchanged');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

export async function run(): Promise<void> {
  settings = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'crosswalk-test.json')))) as TestSettings;
  const reportUri = folder().with({ path: settings.report });
  const lines: string[] = ['Crosswalk web extension suite (web worker extension host)'];
  const flush = () => vscode.workspace.fs.writeFile(reportUri, new TextEncoder().encode(lines.join('\n') + '\n'));
  await flush();
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    const started = Date.now();
    try {
      await c.run();
      passed++;
      lines.push(`  ✔ ${c.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      lines.push(`  ✘ ${c.name}`, `      ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n      ') : String(error)}`);
    }
    await flush();
  }
  lines.push(`HOST-RESULT passed=${passed} failed=${failed} pending=0`);
  await flush();
  if (failed > 0) throw new Error(`${failed} web extension test(s) failed`);
}

// Every kind of quick fix, and fix-all, changes only its own characters (issue 9), in a real VS
// Code: a CRLF draft with character entities, links, bold, HTML comments, an audience marker and
// emoji. Each action is asked for and applied as the editor does (vscode.executeCodeActionProvider,
// workspace.applyEdit), so the test holds whether the fixes come from the extension or from the
// language server it runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checked, cleanUp, closeEverything, crosswalkApi, diagnosticsWhere, openDraft, RESOLVE_ACTIONS } from './drafts';
import { crosswalkDiagnostics, waitFor } from './helpers';

const DRAFT = [
  '---',
  'audience: admin',
  '---',
  '',
  '# Upgrade &mdash; notice 😀',
  '',
  'The upgrade &mdash; on Saturday &mdash; stops the HL7 feed — and CPOE. Our [HL7](https://wiki.example/hl7) interface is **in order to** utilize the EHR. <!-- note: keep the HL7 feed -->',
  '',
  '- Nurses must utilize the MAR 👩‍⚕️ during the downtime, in order to chart.',
  '- The PACS &amp; the ADT feed stop. A [data](https://wiki.example/data) breach is not expected.',
  '',
  '<!-- audience: it -->',
  '',
  'The cutover is **at noon** and the UAT 😀 ends. The SLA is met.',
  '',
].join('\r\n');

/** Markup and comments of the draft: each must still be there, as many times, after any fix. */
const MARKUP = ['<!-- note: keep the HL7 feed -->', '<!-- audience: it -->', '](https://wiki.example/hl7)', '](https://wiki.example/data)', '**', '&mdash;', '&amp;', '😀', '👩‍⚕️', '---\r\n', '# ', '- '];
const count = (text: string, part: string) => text.split(part).length - 1;

/** Actions that write other files (a team glossary, .crosswalk.yaml): not fixes of the draft's text. */
const OTHER_FILES = /team glossary|Ignore|\.crosswalk\.yaml/i;

/** The kind of a quick fix, from its title: one of each is applied. */
function kindOf(title: string): string {
  return /^(Replace all|Replace|Spell out|Remove|Disable|Allow|Add the section|Add "|Change to|Reword|Use|Write)/.exec(title)?.[1] ?? title.split(' ').slice(0, 2).join(' ');
}

/** Checks the document against the original: outside each edit's range every character is the same. */
function assertOnlyRangesChanged(original: string, after: string, edits: vscode.TextEdit[], document: vscode.TextDocument, title: string): void {
  const offsets = edits
    .map((e) => ({ start: offsetIn(original, e.range.start), end: offsetIn(original, e.range.end), newText: e.newText.replace(/\r?\n/g, '\r\n') }))
    .sort((a, b) => a.start - b.start);
  let expected = '';
  let at = 0;
  for (const e of offsets) {
    expected += original.slice(at, e.start) + e.newText;
    at = e.end;
    const removed = original.slice(e.start, e.end);
    for (const part of ['<!--', '-->', '](', '**', '[', ']']) assert.ok(!removed.includes(part), `"${title}" removes markup ${JSON.stringify(part)} from ${JSON.stringify(removed)}`);
  }
  expected += original.slice(at);
  assert.equal(after, expected, `"${title}": only its ranges changed`);
  assert.equal(document.eol, vscode.EndOfLine.CRLF, `"${title}": the line endings stay CRLF`);
  assert.ok(!/[^\r]\n/.test(after), `"${title}": no bare LF written into a CRLF draft`);
}

/** Offset of a position in `text` as VS Code counts lines (CRLF here). */
function offsetIn(text: string, position: vscode.Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\r\n', offset) + 2;
  return offset + position.character;
}

/** The code actions at a range, resolved; asked again when a request is cancelled (a check of a newer version started). */
async function actionsAt(document: vscode.TextDocument, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const actions = await waitFor(async () => {
    try {
      return (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range, kind.value, RESOLVE_ACTIONS)) ?? [];
    } catch (error) {
      if (/Canceled/.test(String((error as Error)?.message ?? error))) return undefined;
      throw error;
    }
  }, 15_000, 'code actions (not cancelled)');
  return actions.filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
}

/** Puts the original text back and waits for that version's check. */
async function restore(document: vscode.TextDocument, original: string): Promise<void> {
  if (document.getText() === original) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await waitFor(() => document.getText() === original, 10_000, 'the original text back');
  await checked(document);
}

describe('Fixes change only their own characters (entities, links, bold, comments, CRLF, emoji)', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('every kind of quick fix offered keeps the rest of the draft, its markup and its comments', async function () {
    this.timeout(240_000);
    const { document } = await openDraft('fix-integrity', DRAFT);
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    const original = document.getText();
    const diagnostics = await diagnosticsWhere(document, (ds) => ds.length >= 5, 'findings on the draft');
    const tried = new Map<string, string>();
    for (const diagnostic of diagnostics) {
      const actions = await actionsAt(document, diagnostic.range, vscode.CodeActionKind.QuickFix);
      for (const action of actions) {
        if (!action.edit || OTHER_FILES.test(action.title)) continue;
        const kind = kindOf(action.title);
        if (tried.has(kind)) continue;
        const edits = action.edit.get(document.uri);
        const others = action.edit.entries().filter(([uri]) => uri.toString() !== document.uri.toString());
        assert.deepEqual(others.map(([uri]) => uri.toString()), [], `"${action.title}" edits only the draft`);
        assert.ok(edits.length > 0, `"${action.title}" has edits`);
        assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applies`);
        await waitFor(() => document.getText() !== original, 10_000, `"${action.title}" to change the draft`);
        const after = document.getText();
        assertOnlyRangesChanged(original, after, edits, document, action.title);
        for (const part of MARKUP) assert.ok(count(after, part) >= count(original, part), `"${action.title}" keeps ${JSON.stringify(part)}`);
        tried.set(kind, action.title);
        await restore(document, original);
      }
    }
    // The fixes this draft offers: rewording jargon, spelling out, removing a wordy phrase, silencing a line.
    for (const kind of ['Replace', 'Spell out', 'Disable']) assert.ok(tried.has(kind), `a "${kind}" fix was offered and applied; tried: ${JSON.stringify([...tried.values()])}`);
    assert.ok(tried.size >= 4, `several kinds of fix were tried: ${JSON.stringify([...tried.values()])}`);
  });

  it('fix-all changes only the characters of its fixes, once, and keeps markup, comments and CRLF', async function () {
    this.timeout(120_000);
    const { document } = await openDraft('fix-all-integrity', DRAFT);
    const original = document.getText();
    await diagnosticsWhere(document, (ds) => ds.length >= 5, 'findings on the draft');
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(original.length));
    const [fixAll] = await waitFor(async () => {
      const found = (await actionsAt(document, whole, vscode.CodeActionKind.SourceFixAll)).filter((a) => a.edit && a.edit.get(document.uri).length > 0);
      return found.length ? found : undefined;
    }, 15_000, 'a fix-all action with edits');
    const edits = fixAll.edit?.get(document.uri) ?? [];
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit as vscode.WorkspaceEdit), `"${fixAll.title}" applies`);
    await waitFor(() => document.getText() !== original, 10_000, 'fix-all to change the draft');
    const after = document.getText();
    assertOnlyRangesChanged(original, after, edits, document, fixAll.title);
    for (const part of MARKUP) assert.equal(count(after, part), count(original, part), `fix-all keeps every ${JSON.stringify(part)}`);
    // A second fix-all on its own output changes nothing more.
    await checked(document);
    await waitFor(() => crosswalkDiagnostics(document.uri).length > 0, 10_000, 'the fixed draft checked');
    const again = (await actionsAt(document, new vscode.Range(document.positionAt(0), document.positionAt(after.length)), vscode.CodeActionKind.SourceFixAll))
      .filter((a) => a.edit && a.edit.get(document.uri).length > 0);
    assert.deepEqual(again.map((a) => a.title), [], 'fix-all has nothing left to do on its own output');
  });
});

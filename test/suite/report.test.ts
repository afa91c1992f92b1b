// The Audience Report in a real VS Code: its numbers agree with the editor's diagnostics, it comes
// back after a window reload (its serializer), and it exports as one self-contained HTML file and
// as a PDF.
import * as assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import * as vscode from 'vscode';
import { cleanUp, closeEverything, crosswalkApi, diagnosticsWhere, EXTENSION_ID, exists, openDraft, readText, remove, tempUri, track, workspaceFolder } from './drafts';
import type { AudienceReport } from '../../src/core/report';
import { ruleId, waitFor } from './helpers';

/** A clinical draft with jargon, an undefined acronym, a jargon acronym, passive voice and a hard sentence. */
const DRAFT = `---\naudience: clinical\n---\n\n# Lab interface update\n\nThe ORU feed over HL7 stops at 6. UAT for the new interface engine starts Monday.\n\nThe orders were verified by pharmacy. Notwithstanding the aforementioned organizational considerations, interdisciplinary stakeholders should collaboratively operationalize comprehensive documentation methodologies.\n\nCall the XQZ desk with questions.\n`;

/** One audience's card of the report page. */
function card(html: string, audience: string): string {
  return new RegExp(`<section class="audience audience-${audience}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
}

/** The counts the card shows (`card:<rule>`) and its per-rule rows (`rule:<rule>`). */
function figures(html: string, audience: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of card(html, audience).matchAll(/data-figure="([\w-]+)">(\d+)/g)) out[`card:${m[1]}`] = Number(m[2]);
  for (const m of card(html, audience).matchAll(/data-rule="([\w-]+)">(\d+)/g)) out[`rule:${m[1]}`] = Number(m[2]);
  return out;
}

describe('Audience Report: numbers, restore, export', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('shows, for the draft\'s own audience, exactly the counts of the editor\'s diagnostics, and every card number agrees with its rule row', async () => {
    const { document } = await openDraft('report-numbers', DRAFT);
    const diagnostics = await diagnosticsWhere(document, (ds) => ['jargon', 'undefined-acronym', 'readability', 'passive-voice'].every((r) => ds.some((d) => ruleId(d) === r)), 'jargon, undefined-acronym, readability and passive-voice diagnostics');
    const byRule: Record<string, number> = {};
    for (const d of diagnostics) byRule[ruleId(d) ?? ''] = (byRule[ruleId(d) ?? ''] ?? 0) + 1;

    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport', document.uri);
    assert.ok(panel, 'the report opens');
    const html = panel.webview.html;
    const clinical = figures(html, 'clinical');
    // The draft is for clinical staff and has no section markers: its diagnostics are the clinical column's findings.
    assert.equal(clinical['card:total'], diagnostics.length, 'Findings on the clinical card = the diagnostics in the editor');
    for (const [rule, n] of Object.entries(byRule)) assert.equal(clinical[`rule:${rule}`], n, `${rule}: the per-rule row = the diagnostics of that rule`);
    const rows = Object.entries(clinical).filter(([k]) => k.startsWith('rule:'));
    assert.equal(rows.length, Object.keys(byRule).length, 'no per-rule row without diagnostics');
    for (const audience of ['clinical', 'admin', 'it']) {
      const f = figures(html, audience);
      const sum = Object.entries(f).filter(([k]) => k.startsWith('rule:')).reduce((a, [, n]) => a + n, 0);
      assert.equal(f['card:total'], sum, `${audience}: the rows add up to Findings`);
      for (const rule of ['jargon', 'undefined-acronym', 'readability']) {
        assert.equal(f[`card:${rule}`], f[`rule:${rule}`] ?? 0, `${audience}: the ${rule} card = its rule row`);
      }
      // The terms listed under Undefined acronyms are as many as the card says.
      const listed = /<h3>Undefined acronyms<\/h3>\s*(?:<ul class="terms">([\s\S]*?)<\/ul>|<p)/.exec(card(html, audience))?.[1] ?? '';
      assert.equal((listed.match(/<li>/g) ?? []).length, f['card:undefined-acronym'], `${audience}: one listed acronym per counted one`);
    }
    assert.equal(clinical['card:undefined-acronym'], byRule['undefined-acronym'], 'XQZ (and only the undefined-acronym findings) on the clinical card');
    panel.dispose();
  });

  it('comes back after a window reload: activated by its panel, restored from the workspace state and recomputed', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { activationEvents?: string[] } | undefined;
    assert.ok(manifest?.activationEvents?.includes('onWebviewPanel:crosswalk.report'), 'the report\'s panel activates Crosswalk after a reload');
    const { document } = await openDraft('report-restore', DRAFT);
    const shown = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport', document.uri);
    assert.ok(shown);
    const title = shown.title;
    // The page but its CSP line and nonce, which differ from panel to panel.
    const page = (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace(/nonce="[0-9a-f]+"/g, '');
    const before = page(shown.webview.html);
    shown.dispose();
    // After a reload VS Code hands the serializer an empty panel of the report's type, with its old title.
    const panel = vscode.window.createWebviewPanel('crosswalk.report', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
    const report = await vscode.commands.executeCommand<{ title: string } | undefined>('crosswalk.restoreReport', panel);
    assert.equal(report?.title, document.uri.path.split('/').pop(), 'the report of the same draft');
    await waitFor(() => panel.webview.html.includes('<h1>Audience report:'), 10_000, 'the restored page');
    assert.equal(page(panel.webview.html), before, 'the same page as before the reload');
    assert.equal(panel.webview.options.enableScripts, false, 'still no script');
    // It follows the draft again.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount - 1, 0), 'Send it to the PACS.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => panel.webview.html.includes('<code>PACS</code>'), 15_000, 'the restored report to follow an edit');
    panel.dispose();
    // Saved, so that closing it asks nothing and the clean-up deletes it (a dirty draft can outlive its file).
    // Under load the workbench's first save of a file the extension host wrote can fail to find it (a
    // file watcher event not yet seen): saving again, with a deadline, is what a user would do.
    await waitFor(() => Promise.resolve(document.save()), 15_000, 'the draft to be saved', 500);

    // A panel whose draft is unknown says so instead of staying blank.
    const orphan = vscode.window.createWebviewPanel('crosswalk.report', 'Audience report: gone.md', vscode.ViewColumn.Beside, { enableScripts: false });
    assert.equal(await vscode.commands.executeCommand('crosswalk.restoreReport', orphan), undefined);
    assert.match(orphan.webview.html, /its draft is no longer there/);
    assert.doesNotMatch(orphan.webview.html, /<script/i);
    orphan.dispose();
  });

  it('asks where to save in a save dialog, offering the draft\'s folder and a name from the draft', async () => {
    const { document } = await openDraft('report-dialog', DRAFT);
    const expected = vscode.Uri.joinPath(document.uri, '..', `${document.uri.path.split('/').pop()?.replace(/\.md$/, '')}-audience-report.html`);
    track(expected);
    try {
      let done = false;
      let written: vscode.Uri | undefined;
      const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('crosswalk.exportReport', document.uri)).then((uri) => {
        written = uri;
        done = true;
      });
      // The workbench's save dialog (in this host, VS Code's own file dialog in a quick input) opens
      // on the proposed file: accepting it saves there.
      await waitFor(async () => {
        if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return done;
      }, 20_000, 'the save dialog to be accepted', 250);
      await running;
      assert.equal(written?.toString(), expected.toString(), 'saved where the dialog proposed');
      assert.match((await readText(expected)) ?? '', /^<!DOCTYPE html>[\s\S]*Audience report: /);
    } finally {
      await remove(expected);
    }
  });

  it('exports one self-contained HTML file where the user chooses, and never over a Markdown file', async () => {
    const api = await crosswalkApi();
    const { document } = await openDraft('report-export', DRAFT);
    const target = tempUri('report-export', 'html');
    track(target);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosswalk.exportReport', document.uri, target);
      assert.equal(written?.toString(), target.toString());
      const html = await readText(target);
      assert.ok(html, 'the file is written');
      assert.match(html, /^<!DOCTYPE html>/);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      assert.match(csp ?? '', /^default-src 'none'; style-src 'nonce-[0-9a-f]{32}'$/, 'a CSP that allows only its own style');
      assert.doesNotMatch(html, /<script|<link|<img|<iframe|url\(|@import/i, 'nothing to run or load');
      assert.doesNotMatch(html.replace('http://www.w3.org/2000/svg', ''), /https?:\/\/|vscode-resource|vscode-webview/, 'no address');
      assert.match(html, /:root \{\s*--vscode-foreground: #/, 'its own colours');
      assert.match(html, /@media print/, 'print styles, for a PDF from the browser');
      // The same figures as the report in the editor.
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('crosswalk.showReport', document.uri);
      assert.ok(panel);
      for (const audience of ['clinical', 'admin', 'it']) assert.deepEqual(figures(html, audience), figures(panel.webview.html, audience), `${audience}: the same numbers`);
      panel.dispose();
      await waitFor(() => api.log.told.some((m) => m.startsWith('Exported the audience report of ') && m.includes(target.path.split('/').pop() ?? '')), 5_000, 'a message naming the file written');

      // Never over the draft or another Markdown file.
      const before = document.getText();
      assert.equal(await vscode.commands.executeCommand('crosswalk.exportReport', document.uri, document.uri), undefined);
      assert.equal(await readText(document.uri), before, 'the draft is untouched');
      assert.ok(api.log.told.some((m) => /did not export the report .* never over a Markdown draft/.test(m)), 'and says why');
    } finally {
      await remove(target);
    }
  });

  it('exports a PDF of the report into the workspace, with the draft\'s name, audiences and every finding, and refuses a file outside it @vsix', async () => {
    const api = await crosswalkApi();
    const { document } = await openDraft('report-pdf', DRAFT);
    const name = document.uri.path.split('/').pop() ?? '';
    const target = tempUri('report-pdf', 'pdf');
    track(target);
    const outside = vscode.Uri.joinPath(workspaceFolder().uri, '..', `crosswalk-outside-${Date.now().toString(36)}.pdf`);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('crosswalk.exportReportPdf', document.uri, target);
      assert.equal(written?.toString(), target.toString());
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.equal(new TextDecoder('latin1').decode(bytes.subarray(0, 5)), '%PDF-', 'a PDF file');
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      assert.ok(pdf.getPageCount() >= 1, 'at least one page');
      assert.equal(pdf.getTitle(), `Audience report: ${name}`, 'titled with the draft\'s name');
      // The pages' text (src/extension/report/pdf.ts draws it with a standard font, in hex strings).
      const text = await pdfText(bytes);
      assert.ok(text.includes(`Audience report: ${name}`), 'the draft\'s name on the page');
      // The figures the report panel shows, from the same request it makes.
      const report = await api.checker.client.sendRequest<AudienceReport | null>('crosswalk/report', { uri: document.uri.toString() });
      assert.ok(report);
      for (const c of report.columns) {
        assert.ok(text.includes(c.label), `${c.label}: its card`);
        assert.ok(text.includes(`${c.gradeLevel} (target ${c.targetGrade})`), `${c.label}: its grade`);
        assert.ok(text.includes(`${c.label}: ${c.total} finding${c.total === 1 ? '' : 's'}`), `${c.label}: its findings list`);
      }
      await waitFor(() => api.log.told.some((m) => m.startsWith('Exported the audience report of ') && m.includes(target.path.split('/').pop() ?? '')), 5_000, 'a message naming the PDF written');

      // A target outside the workspace is refused, and nothing is written there.
      assert.equal(await vscode.commands.executeCommand('crosswalk.exportReportPdf', document.uri, outside), undefined);
      assert.equal(await exists(outside), false, 'nothing written outside the workspace');
      assert.ok(api.log.told.some((m) => /did not export the report .* only inside the workspace/.test(m)), 'and says why');
      // Nor over the draft.
      const before = document.getText();
      assert.equal(await vscode.commands.executeCommand('crosswalk.exportReportPdf', document.uri, document.uri), undefined);
      assert.equal(await readText(document.uri), before, 'the draft is untouched');
    } finally {
      await remove(target);
      await remove(outside);
    }
  });

  it('offers a PDF named after the draft in its folder in the save dialog', async () => {
    const { document } = await openDraft('report-pdf-dialog', DRAFT);
    const expected = vscode.Uri.joinPath(document.uri, '..', `${document.uri.path.split('/').pop()?.replace(/\.md$/, '')}-audience-report.pdf`);
    track(expected);
    try {
      let done = false;
      let written: vscode.Uri | undefined;
      const running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('crosswalk.exportReportPdf', document.uri)).then((uri) => {
        written = uri;
        done = true;
      });
      await waitFor(async () => {
        if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return done;
      }, 20_000, 'the save dialog to be accepted', 250);
      await running;
      assert.equal(written?.toString(), expected.toString(), 'saved where the dialog proposed');
      assert.equal(new TextDecoder('latin1').decode((await vscode.workspace.fs.readFile(expected)).subarray(0, 5)), '%PDF-');
    } finally {
      await remove(expected);
    }
  });
});

/** The text a PDF's pages draw: each page's content streams inflated, their hex strings decoded (WinAnsi, as latin1). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFRef } = await import('pdf-lib');
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const parts: string[] = [];
  for (const page of pdf.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    for (const ref of contents instanceof PDFArray ? contents.asArray() : [contents]) {
      const stream = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
      if (!(stream instanceof PDFRawStream)) continue;
      const source = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
      for (const m of source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        parts.push(String.fromCharCode(...(m[1].match(/../g) ?? []).map((h) => parseInt(h, 16))));
      }
    }
  }
  return parts.join(' ');
}

import * as vscode from 'vscode';
import type { Checker } from '../checker';
import { configFor } from '../config-loader';
import { engine } from '../engine';
import { renderReport } from '../report/html';
import { buildReport, ReportLinters, type AudienceReport } from '../report/model';

/** One open report: its panel and what keeps it up to date. */
class ReportPanel implements vscode.Disposable {
  readonly linters = new ReportLinters();
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last report shown, for tests and for anyone who wants the figures rather than the page. */
  report?: AudienceReport;

  constructor(readonly panel: vscode.WebviewPanel, readonly document: vscode.TextDocument, private readonly checker: Checker, onDispose: () => void) {
    this.subscriptions.push(
      // The report follows the draft: every time the checker re-checks it, the columns are redone.
      checker.onDidCheck((checked) => {
        if (checked.uri.toString() === this.document.uri.toString()) void this.update(checked);
      }),
      panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
  }

  async update(document = this.document): Promise<string> {
    const generation = ++this.generation;
    const { options } = await configFor(document);
    const text = document.getText();
    if (generation !== this.generation) return this.panel.webview.html;
    const own = this.checker.result(document)?.audience ?? engine().lint(text, options).audience;
    const name = document.uri.path.split('/').pop() || document.uri.toString();
    this.report = buildReport(name, text, options, this.linters, own);
    const html = renderReport(this.report, this.panel.webview.cspSource, nonce());
    this.panel.webview.html = html;
    return html;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.subscriptions.length = 0;
  }
}

const panels = new Map<string, ReportPanel>();

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Crosswalk: Show Audience Report. A webview beside the draft with one column per audience
 * (clinical, admin, IT) whatever audience the draft names. Returns the panel, whose
 * `webview.html` is the report (tests read it). Argument: the draft's URI (else the active editor).
 */
export async function showReport(checker: Checker, uri?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a Markdown draft to see its audience report.');
    return undefined;
  }
  const key = document.uri.toString();
  let entry = panels.get(key);
  if (entry) {
    entry.panel.reveal(vscode.ViewColumn.Beside, true);
  } else {
    const name = document.uri.path.split('/').pop() || 'draft';
    const panel = vscode.window.createWebviewPanel('crosswalk.report', `Audience report: ${name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: false,
      enableCommandUris: false,
      // The page loads nothing: every style is inline (nonce'd) and there are no images or fonts.
      localResourceRoots: [],
    });
    entry = new ReportPanel(panel, document, checker, () => panels.delete(key));
    panels.set(key, entry);
  }
  await entry.update(document);
  return entry.panel;
}

/** The figures behind an open report, for tests. */
export function reportFor(uri: vscode.Uri): AudienceReport | undefined {
  return panels.get(uri.toString())?.report;
}

export function disposeReports(): void {
  for (const entry of panels.values()) entry.panel.dispose();
  panels.clear();
}

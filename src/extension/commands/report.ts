import * as vscode from 'vscode';
import type { Checker } from '../checker';
import { log, tell } from '../log';
import { renderReport, renderReportFile } from '../report/html';
import type { AudienceReport } from '../report/model';

/** The webview type of the report panel; `onWebviewPanel:crosswalk.report` activates Crosswalk to restore one. */
export const REPORT_VIEW = 'crosswalk.report';

/**
 * Which draft each report panel shows, kept in the workspace state so that a report is restored
 * after a window reload. The page runs no script (so it cannot keep a webview state of its own
 * through `setState`): the panel's title, unique among open reports, is the key, and the page is
 * recomputed from the draft. Entries are not removed when a panel closes, because panels also
 * close while the window reloads; the list is bounded instead.
 */
const REPORTS_KEY = 'crosswalk.reports';
const REPORTS_KEPT = 30;

interface RestoreEntry {
  title: string;
  uri: string;
}

/** One open report: its panel and what keeps it up to date. */
class ReportPanel implements vscode.Disposable {
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

  /** The newest update under way: an older one that is overtaken answers with its page. */
  private latest?: Promise<string>;

  update(document = this.document): Promise<string> {
    const run = this.render(document, ++this.generation);
    this.latest = run;
    return run;
  }

  private async render(document: vscode.TextDocument, generation: number): Promise<string> {
    const report = await reportOf(this.checker, document);
    if (generation !== this.generation) return (await this.latest) ?? this.panel.webview.html;
    if (!report) return this.panel.webview.html;
    this.report = report;
    const html = renderReport(report, this.panel.webview.cspSource, nonce());
    this.panel.webview.html = html;
    return html;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.subscriptions.length = 0;
  }
}

/**
 * The report of a draft as the checker sees it (the draft's config and settings, its own audience
 * in the heading), built in the language server (src/server/requests.ts `crosswalk/report`), which
 * keeps one set of linters per draft so that an update re-checks only what changed.
 */
async function reportOf(checker: Checker, document: vscode.TextDocument): Promise<AudienceReport | undefined> {
  return (await checker.client.sendRequest<AudienceReport | null>('crosswalk/report', { uri: document.uri.toString() })) ?? undefined;
}

const panels = new Map<string, ReportPanel>();
let state: vscode.Memento | undefined;

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A title no other open report has: the file name, and its folder as well when two drafts share a name. */
function titleFor(uri: vscode.Uri): string {
  const plain = `Audience report: ${fileName(uri)}`;
  const taken = [...panels.values()].some((p) => p.panel.title === plain && p.document.uri.toString() !== uri.toString());
  return taken ? `Audience report: ${vscode.workspace.asRelativePath(uri)}` : plain;
}

function remember(title: string, uri: vscode.Uri): void {
  if (!state) return;
  const kept = (state.get<RestoreEntry[]>(REPORTS_KEY) ?? []).filter((e) => e.title !== title);
  void state.update(REPORTS_KEY, [{ title, uri: uri.toString() }, ...kept].slice(0, REPORTS_KEPT));
}

const PANEL_OPTIONS: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
  enableScripts: false,
  enableCommandUris: false,
  // The page loads nothing: every style is inline (nonce'd) and there are no images or fonts.
  localResourceRoots: [],
};

function adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument, checker: Checker): ReportPanel {
  const key = document.uri.toString();
  panel.webview.options = { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
  const entry = new ReportPanel(panel, document, checker, () => {
    if (panels.get(key) === entry) panels.delete(key);
  });
  panels.set(key, entry);
  remember(panel.title, document.uri);
  return entry;
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
  let entry = panels.get(document.uri.toString());
  if (entry) {
    entry.panel.reveal(vscode.ViewColumn.Beside, true);
  } else {
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW, titleFor(document.uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, PANEL_OPTIONS);
    entry = adopt(panel, document, checker);
  }
  await entry.update(document);
  return entry.panel;
}

/**
 * Brings back a report panel after a window reload (the `WebviewPanelSerializer` of
 * REPORT_VIEW): finds the draft it showed by its title and recomputes the page. A draft that is
 * gone leaves a page that says so, rather than an empty panel.
 */
export async function restoreReport(checker: Checker, panel: vscode.WebviewPanel): Promise<AudienceReport | undefined> {
  const entry = (state?.get<RestoreEntry[]>(REPORTS_KEY) ?? []).find((e) => e.title === panel.title);
  let document: vscode.TextDocument | undefined;
  if (entry) {
    try {
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.uri));
    } catch (error) {
      log.info(`Audience report "${panel.title}": its draft ${entry.uri} could not be opened again (${(error as Error).message}).`);
    }
  }
  if (!document) {
    panel.webview.options = { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
    panel.webview.html = missingPage(panel.webview.cspSource, panel.title);
    return undefined;
  }
  const existing = panels.get(document.uri.toString());
  if (existing && existing.panel !== panel) {
    // Already shown (the command ran before the restore): one panel per draft.
    panel.dispose();
    return existing.report;
  }
  const restored = adopt(panel, document, checker);
  await restored.update(document);
  return restored.report;
}

function missingPage(cspSource: string, title: string): string {
  const n = nonce();
  const text = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}'">`
    + `<style nonce="${n}">body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); padding: 0 16px; }</style><title>${text}</title></head>`
    + `<body><p>${text}: its draft is no longer there. Open the draft and run Crosswalk: Show Audience Report again.</p></body></html>`;
}

/** Registers the serializer that restores report panels after a reload, and keeps the workspace state it reads. */
export function registerReportRestore(context: vscode.ExtensionContext, checker: Checker): vscode.Disposable {
  state = context.workspaceState;
  return vscode.window.registerWebviewPanelSerializer(REPORT_VIEW, {
    deserializeWebviewPanel: async (panel) => {
      await restoreReport(checker, panel);
    },
  });
}

/** The draft of the report panel in front, else the active Markdown editor's. */
function currentDraft(): vscode.TextDocument | undefined {
  const active = [...panels.values()].find((p) => p.panel.active);
  if (active) return active.document;
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}

/** The two exports: what the dialog offers, how the file is made, and what the message says after. */
const FORMATS = {
  html: {
    what: 'a web page (.html)',
    title: 'Export the audience report as HTML',
    filters: { 'Web page': ['html', 'htm'] } as Record<string, string[]>,
    extension: 'html',
    after: ' Open it in a browser to print it.',
    render: async (report: AudienceReport, generated: string) => new TextEncoder().encode(renderReportFile(report, nonce(), generated)),
  },
  pdf: {
    what: 'a PDF (.pdf)',
    title: 'Export the audience report as PDF',
    filters: { PDF: ['pdf'] } as Record<string, string[]>,
    extension: 'pdf',
    after: '',
    // pdf-lib is loaded on the first PDF export only (./report/pdf.ts).
    render: async (report: AudienceReport, generated: string, date: Date) => (await import('../report/pdf')).renderReportPdf(report, { generated, date }),
  },
} as const;

export type ReportFormat = keyof typeof FORMATS;

/**
 * Crosswalk: Export Audience Report as HTML, and Crosswalk: Export Report as PDF. The HTML is one
 * self-contained page (no script, nothing to load, print styles); the PDF is a handout with the
 * same figures (src/extension/report/pdf.ts). Without a target, a save dialog asks, offering the
 * draft's folder; a target given by a caller (a keybinding, a menu, a test) must lie inside an open
 * workspace folder, so that nothing but the user's own pick in the dialog writes anywhere else.
 * Neither ever writes over a Markdown file or the draft itself.
 */
export async function exportReport(checker: Checker, uri?: vscode.Uri, target?: vscode.Uri, format: ReportFormat = 'html'): Promise<vscode.Uri | undefined> {
  const kind = FORMATS[format];
  const document = uri ? await vscode.workspace.openTextDocument(uri) : currentDraft();
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a Markdown draft, or its audience report, to export the report.');
    return undefined;
  }
  const name = fileName(document.uri).replace(/\.(md|markdown|mdx)$/i, '') || 'draft';
  const folder = document.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  if (target && !vscode.workspace.getWorkspaceFolder(target)) {
    tell(`Crosswalk did not export the report to ${target.scheme === 'file' ? target.fsPath : target.toString()}: it writes only inside the workspace, or where you choose in the save dialog.`, true);
    return undefined;
  }
  target ??= await vscode.window.showSaveDialog({
    title: kind.title,
    saveLabel: 'Export',
    filters: kind.filters,
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${name}-audience-report.${kind.extension}`) } : {}),
  });
  if (!target) return undefined;
  if (target.toString() === document.uri.toString() || /\.(md|markdown|mdx)$/i.test(target.path)) {
    tell(`Crosswalk did not export the report to ${vscode.workspace.asRelativePath(target)}: it writes ${kind.what}, never over a Markdown draft.`, true);
    return undefined;
  }
  const report = await reportOf(checker, document);
  if (!report) {
    tell(`Crosswalk could not build the audience report of ${vscode.workspace.asRelativePath(document.uri)}.`, true);
    return undefined;
  }
  const date = new Date();
  const bytes = await kind.render(report, date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC', date);
  await vscode.workspace.fs.writeFile(target, bytes);
  tell(`Exported the audience report of ${vscode.workspace.asRelativePath(document.uri)} to ${vscode.workspace.asRelativePath(target)}.${kind.after}`);
  return target;
}

/** The report panels open now (restored ones included): each draft, the panel's title and page, for tests. */
export function openReports(): { uri: string; title: string; html: string; report?: AudienceReport }[] {
  return [...panels.entries()].map(([uri, p]) => ({ uri, title: p.panel.title, html: p.panel.webview.html, report: p.report }));
}

/** The figures behind an open report, for tests. */
export function reportFor(uri: vscode.Uri): AudienceReport | undefined {
  return panels.get(uri.toString())?.report;
}

/**
 * On deactivation: stop following the drafts, but leave the panels open. A window reload
 * deactivates the extension too, and a panel closed here would not be restored.
 */
export function disposeReports(): void {
  for (const entry of panels.values()) entry.dispose();
  panels.clear();
}

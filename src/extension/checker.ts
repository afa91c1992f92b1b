import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { AudienceSection, LintResult, Stats } from '../core/types';
import type { CheckedNotice } from '../server/requests';
import { catalogOf, type AudienceCatalog } from './audiences';

/** What a check found, as the language server reports it after each check (`crosswalk/didCheck`). */
export interface CheckSummary {
  version: number;
  audience: string[];
  stats: Stats;
  sections: AudienceSection[];
  /** How many findings, and how many of them errors. */
  findings: number;
  errors: number;
}

interface DocumentState {
  version: number;
  summary?: CheckSummary;
  skipped?: { reason: string; canOptIn: boolean };
  audiences: AudienceCatalog;
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return /(^|\/)\.crosswalk\.ya?ml$/.test(uri.path);
}

export function isDraft(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

/** A list of files kept per workspace across reloads. */
class FileList {
  private session = new Set<string>();
  constructor(private readonly memento: vscode.Memento | undefined, private readonly key: string) {}

  has(uri: vscode.Uri): boolean {
    return this.list().includes(uri.toString());
  }

  async add(uri: vscode.Uri): Promise<void> {
    if (this.has(uri)) return;
    this.session.add(uri.toString());
    await this.memento?.update(this.key, [...new Set(this.list())]);
  }

  async delete(uri: vscode.Uri): Promise<boolean> {
    if (!this.has(uri)) return false;
    const left = this.list().filter((u) => u !== uri.toString());
    this.session = new Set(left);
    await this.memento?.update(this.key, left);
    return true;
  }

  list(): string[] {
    return [...new Set([...(this.memento?.get<string[]>(this.key) ?? []), ...this.session])];
  }
}

/**
 * Markdown files the user asked to check ("Check this file") and files they asked not to check
 * ("Stop Checking This File"), kept per workspace across reloads; each command undoes the other.
 * The server applies them (src/server/scope.ts) as `crosswalk/optIns` gives them.
 */
export class OptIns {
  private readonly checked: FileList;
  private readonly unchecked: FileList;
  constructor(memento: vscode.Memento | undefined) {
    this.checked = new FileList(memento, 'crosswalk.checkedFiles');
    this.unchecked = new FileList(memento, 'crosswalk.uncheckedFiles');
  }

  has(uri: vscode.Uri): boolean {
    return this.checked.has(uri);
  }

  async add(uri: vscode.Uri): Promise<void> {
    await this.unchecked.delete(uri);
    await this.checked.add(uri);
  }

  /** Stops checking a file: its opt-in is taken back, and it is opted out. */
  async remove(uri: vscode.Uri): Promise<{ wasOptedIn: boolean }> {
    const wasOptedIn = await this.checked.delete(uri);
    await this.unchecked.add(uri);
    return { wasOptedIn };
  }

  list(): string[] {
    return this.checked.list();
  }

  /** The files opted out. */
  outs(): string[] {
    return this.unchecked.list();
  }
}

/**
 * The extension's view of the checks the language server runs (src/server/): the last summary
 * per open draft, from `crosswalk/didCheck`, for the status item, the report and the commands.
 * Diagnostics, hovers and code actions come from the server through the language client; nothing
 * here checks a draft.
 */
export class Checker implements vscode.Disposable {
  /** Check All Drafts' findings on drafts that are not open (the server's diagnostics cover the open ones). */
  readonly diagnostics = vscode.languages.createDiagnosticCollection('crosswalk-workspace');
  private readonly states = new Map<string, DocumentState>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires after a draft's findings are published (or it was left out). */
  readonly onDidCheck = this.changed.event;
  readonly optIns: OptIns;

  constructor(readonly client: BaseLanguageClient, memento?: vscode.Memento) {
    this.optIns = new OptIns(memento);
    this.subscriptions.push(
      client.onNotification('crosswalk/didCheck', (notice: CheckedNotice) => this.receive(notice)),
      vscode.workspace.onDidCloseTextDocument((document) => this.states.delete(document.uri.toString())),
      // An open draft's findings are the server's: Check All Drafts' copy goes.
      vscode.workspace.onDidOpenTextDocument((document) => this.diagnostics.delete(document.uri)),
    );
  }

  private receive(notice: CheckedNotice): void {
    const key = vscode.Uri.parse(notice.uri).toString();
    this.states.set(key, {
      version: notice.version,
      summary: notice.checked && { version: notice.version, ...notice.checked },
      skipped: notice.skipped,
      audiences: catalogOf(notice.audiences),
    });
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document) this.changed.fire(document);
  }

  /** Why this version of the draft was not checked, if it was not: for the status item and messages. */
  skipped(document: vscode.TextDocument): { reason: string; canOptIn: boolean } | undefined {
    const state = this.states.get(document.uri.toString());
    return state?.version === document.version ? state.skipped : undefined;
  }

  /** "Check this file": a Markdown file left out by the scope rules is checked from now on. */
  async optIn(document: vscode.TextDocument): Promise<CheckSummary | undefined> {
    await this.optIns.add(document.uri);
    await this.client.sendNotification('crosswalk/optIns', { uris: this.optIns.list(), outs: this.optIns.outs() });
    return this.check(document);
  }

  /** "Stop Checking This File": left out from now on (the server clears its diagnostics). */
  async optOut(document: vscode.TextDocument): Promise<{ wasOptedIn: boolean }> {
    const undone = await this.optIns.remove(document.uri);
    await this.client.sendNotification('crosswalk/optIns', { uris: this.optIns.list(), outs: this.optIns.outs() });
    await this.check(document);
    return undone;
  }

  /** The audiences this draft's config knows (team audiences included), for labels and pickers. */
  audiences(document: vscode.TextDocument): AudienceCatalog {
    return this.states.get(document.uri.toString())?.audiences ?? catalogOf(undefined);
  }

  /** The audiences of the config in force at a URI (a draft, or a folder's), asked of the server. */
  async audiencesAt(uri: vscode.Uri): Promise<AudienceCatalog> {
    const { audiences } = await this.client.sendRequest<{ audiences: Parameters<typeof catalogOf>[0] }>('crosswalk/config', { uri: uri.toString() });
    return catalogOf(audiences);
  }

  /** The summary of the document's current version, once the server has checked it. */
  result(document: vscode.TextDocument): CheckSummary | undefined {
    const state = this.states.get(document.uri.toString());
    return state?.version === document.version ? state.summary : undefined;
  }

  /** The last summary of this draft, of whichever version was checked last (the status item's while typing). */
  latest(document: vscode.TextDocument): CheckSummary | undefined {
    return this.states.get(document.uri.toString())?.summary;
  }

  /** Every finding and glossary term of the current version, asked of the server (large for a long draft: tests and the API only). */
  async details(document: vscode.TextDocument): Promise<LintResult | undefined> {
    return (await this.client.sendRequest<LintResult | null>('crosswalk/result', { uri: document.uri.toString() })) ?? undefined;
  }

  /**
   * The summary for the document as it is now: the server checks it if it has not yet (a check
   * under way is waited for). Undefined when it is left out (see `skipped`).
   */
  async current(document: vscode.TextDocument): Promise<CheckSummary | undefined> {
    const now = this.result(document);
    if (now || this.skipped(document)) return now;
    return this.check(document);
  }

  /** Asks the server to check the document as it is now, and waits for what it found. */
  async check(document: vscode.TextDocument): Promise<CheckSummary | undefined> {
    if (!isDraft(document) || document.isClosed) return undefined;
    // The server sends its notice as the check ends, before it answers: the summary is here by then.
    await this.client.sendRequest<boolean>('crosswalk/check', { uri: document.uri.toString() });
    return this.result(document);
  }

  /** Re-checks every open draft, with fresh config (settings, config file or glossary changed). */
  recheckAll(): void {
    void this.client.sendNotification('crosswalk/recheck');
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

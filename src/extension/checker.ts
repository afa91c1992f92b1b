import * as vscode from 'vscode';
import { configFor, forgetConfigs, type DocumentConfig } from './config-loader';
import { engine, type Core } from './engine';
import { toDiagnostic } from './findings';
import { log } from './log';
import { draftVerdict, OptIns } from './scope';
import { readSettings } from './settings';

interface DocumentState {
  linter?: Core.Linter;
  configKey?: string;
  result?: Core.LintResult;
  version?: number;
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped by every request so that a slow config read cannot publish stale findings. */
  generation: number;
  /** The check under way, so that a hover or code action can wait for it. */
  inflight?: Promise<Core.LintResult | undefined>;
  /** Why the last check of this version did not check it (not a draft, too large, disabled). */
  skipped?: { version: number; reason: string; canOptIn: boolean };
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return /(^|\/)\.crosswalk\.ya?ml$/.test(uri.path);
}

export function isDraft(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

/** Keeps one incremental linter per open draft and publishes its findings as diagnostics. */
export class Checker implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('crosswalk');
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection('crosswalk-config');
  /** For each config file, the files its last check reported problems on. */
  private readonly configProblemFiles = new Map<string, vscode.Uri[]>();
  private readonly states = new Map<string, DocumentState>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a draft's findings are published. */
  readonly onDidCheck = this.changed.event;
  readonly optIns: OptIns;

  constructor(memento?: vscode.Memento) {
    this.optIns = new OptIns(memento);
  }

  /** Why this version of the draft was not checked, if it was not: for the status item and messages. */
  skipped(document: vscode.TextDocument): { reason: string; canOptIn: boolean } | undefined {
    const skipped = this.states.get(document.uri.toString())?.skipped;
    return skipped?.version === document.version ? skipped : undefined;
  }

  /** "Check this file": a Markdown file left out by the scope rules is checked from now on. */
  async optIn(document: vscode.TextDocument): Promise<Core.LintResult | undefined> {
    await this.optIns.add(document.uri);
    return this.check(document);
  }

  /** The audiences this draft's config knows (team audiences included), for labels and pickers. */
  audiences(document: vscode.TextDocument): Core.AudienceCatalog {
    return this.states.get(document.uri.toString())?.linter?.audiences ?? engine().audiences();
  }

  result(document: vscode.TextDocument): Core.LintResult | undefined {
    const state = this.states.get(document.uri.toString());
    return state?.version === document.version ? state.result : undefined;
  }

  /** The last findings of this draft, of whichever version was checked last (the status item's while typing). */
  latest(document: vscode.TextDocument): Core.LintResult | undefined {
    return this.states.get(document.uri.toString())?.result;
  }

  /** Checks after the typing delay; the timer restarts with every edit. */
  schedule(document: vscode.TextDocument): void {
    if (!isDraft(document)) return;
    const settings = readSettings(document.uri);
    const state = this.state(document);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.check(document);
    }, Math.max(0, settings.delay));
  }

  /**
   * The findings for the document as it is now, waiting for a check under way or starting one;
   * a check overtaken by a newer one does not leave a hover or a code action empty-handed.
   */
  async current(document: vscode.TextDocument): Promise<Core.LintResult | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = this.result(document);
      if (result) return result;
      const inflight = this.states.get(document.uri.toString())?.inflight;
      const next = inflight ? await inflight : await this.check(document);
      if (next && this.result(document) === next) return next;
      if (this.skipped(document)) return undefined;
      if (!isDraft(document) || document.isClosed || !readSettings(document.uri).enable) return undefined;
    }
    return this.result(document);
  }

  check(document: vscode.TextDocument): Promise<Core.LintResult | undefined> {
    if (!isDraft(document) || document.isClosed) return Promise.resolve(undefined);
    const state = this.state(document);
    const run = this.run(document);
    state.inflight = run;
    void run.finally(() => {
      if (state.inflight === run) state.inflight = undefined;
    });
    return run;
  }

  private async run(document: vscode.TextDocument): Promise<Core.LintResult | undefined> {
    const settings = readSettings(document.uri);
    const key = document.uri.toString();
    const state = this.state(document);
    if (!settings.enable) {
      this.diagnostics.delete(document.uri);
      this.skip(document, state, 'crosswalk.enable is off', false);
      return undefined;
    }
    const generation = ++state.generation;
    const text = document.getText();
    if (text.length > settings.maxFileSize) {
      this.skip(document, state, `it is ${Math.round(text.length / 1000)} KB, over crosswalk.maxFileSize`, false);
      // Never half-checked in silence: say so where the writer looks.
      const notice = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0),
        `Crosswalk skipped this draft: it is ${Math.round(text.length / 1000)} KB, over the crosswalk.maxFileSize setting (${Math.round(settings.maxFileSize / 1000)} KB).`,
        vscode.DiagnosticSeverity.Information);
      notice.source = 'crosswalk';
      this.diagnostics.set(document.uri, [notice]);
      return undefined;
    }
    let config: DocumentConfig;
    try {
      config = await configFor(document);
    } catch (error) {
      config = { options: { audience: settings.defaultAudience }, problems: [], key: 'fallback', scope: {} };
      void vscode.window.showWarningMessage(`Crosswalk could not read its configuration: ${(error as Error).message}`);
    }
    if (generation !== state.generation || document.isClosed || !this.states.has(key)) return undefined;
    this.publishConfigProblems(config);
    const verdict = draftVerdict(document.uri, document.getText(), this.optIns, config, settings.files);
    if (!verdict.draft) {
      this.diagnostics.delete(document.uri);
      this.skip(document, state, verdict.reason, true);
      return undefined;
    }
    if (!state.linter || state.configKey !== config.key) {
      state.linter = engine().createLinter(config.options);
      state.configKey = config.key;
    }
    // The text as it is now, after the config was read: the version it belongs to is this one.
    const version = document.version;
    const current = document.getText();
    // A long draft's first check is done in slices, so other extensions are not held up.
    const result = current.length > 200_000 ? await state.linter.lintAsync(current) : state.linter.lint(current);
    if (generation !== state.generation || document.isClosed || document.version !== version) return undefined;
    state.result = result;
    state.version = version;
    state.skipped = undefined;
    this.diagnostics.set(document.uri, result.findings.map(toDiagnostic));
    this.changed.fire(document);
    return result;
  }

  /** Remembers why this version was not checked, logs it once per reason, and tells the status item. */
  private skip(document: vscode.TextDocument, state: DocumentState, reason: string, canOptIn: boolean): void {
    if (state.skipped?.reason !== reason) log.info(`Not checking ${vscode.workspace.asRelativePath(document.uri)}: ${reason}.`);
    state.skipped = { version: document.version, reason, canOptIn };
    state.result = undefined;
    this.changed.fire(document);
  }

  /**
   * Problems of a config file and of the glossaries it names replace those it had before, so that
   * a fixed glossary's diagnostics go away with the fix.
   */
  private publishConfigProblems(config: DocumentConfig): void {
    // With no .crosswalk.yaml, problems still come from settings (a glossary outside the folder).
    const key = config.configUri?.toString() ?? 'settings';
    const own = config.configUri ? [config.configUri] : [];
    const now = new Set(config.problems.map((p) => p.uri.toString()));
    for (const uri of this.configProblemFiles.get(key) ?? own) {
      if (!now.has(uri.toString())) this.configDiagnostics.delete(uri);
    }
    for (const problem of config.problems) this.configDiagnostics.set(problem.uri, problem.findings.map(toDiagnostic));
    this.configProblemFiles.set(key, [...own, ...config.problems.map((p) => p.uri)]);
  }

  /** Problems in a `.crosswalk.yaml` the writer has open, as they type, drafts open or not. */
  checkConfigDocument(document: vscode.TextDocument): void {
    if (!isConfigFile(document.uri)) return;
    const { findings } = engine().checkConfig(document.getText());
    this.configDiagnostics.set(document.uri, findings.map(toDiagnostic));
  }

  /** Forgets a closed draft: its diagnostics and its cache go with it. */
  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(key);
    this.diagnostics.delete(document.uri);
  }

  /** Re-checks every open draft, with fresh config (settings, config file or glossary changed). */
  recheckAll(): void {
    forgetConfigs();
    for (const state of this.states.values()) state.configKey = undefined;
    for (const document of vscode.workspace.textDocuments) if (isDraft(document)) void this.check(document);
  }

  private state(document: vscode.TextDocument): DocumentState {
    const key = document.uri.toString();
    let state = this.states.get(key);
    if (!state) {
      state = { generation: 0 };
      this.states.set(key, state);
    }
    return state;
  }

  dispose(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    this.diagnostics.dispose();
    this.configDiagnostics.dispose();
    this.changed.dispose();
  }
}

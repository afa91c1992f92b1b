import * as vscode from 'vscode';
import { Checker, isConfigFile, isDraft } from './checker';
import { CrosswalkCodeActions } from './code-actions';
import { registerCommands } from './commands';
import { activeAudiencePick } from './commands/set-audience';
import { CrosswalkHover } from './hover';
import { log, toldMessages } from './log';
import { readSettings } from './settings';
import { AudienceStatus } from './status';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

/** What tests and other extensions can reach. */
export interface CrosswalkApi {
  checker: Checker;
  status: AudienceStatus;
  /** The lines sent to the "Crosswalk" output channel, and what commands told the user (for tests). */
  log: { readonly lines: readonly string[]; readonly told: readonly string[] };
  /** Set Audience's pick while it is on screen (tests type into it and accept it). */
  audiencePick(): vscode.QuickPick<vscode.QuickPickItem> | undefined;
}

export function activate(context: vscode.ExtensionContext): CrosswalkApi {
  const checker = new Checker(context.workspaceState);
  let configTimer: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push({ dispose: () => clearTimeout(configTimer) });
  const status = new AudienceStatus(checker);
  context.subscriptions.push(
    checker,
    status,
    { dispose: () => log.dispose() },
    vscode.languages.registerHoverProvider(MARKDOWN, new CrosswalkHover(checker)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new CrosswalkCodeActions(checker), {
      providedCodeActionKinds: CrosswalkCodeActions.kinds,
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isConfigFile(doc.uri)) checker.checkConfigDocument(doc);
      else void checker.check(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      if (isConfigFile(event.document.uri)) {
        // Unsaved config edits count: the config loader reads open buffers first.
        clearTimeout(configTimer);
        configTimer = setTimeout(() => {
          checker.checkConfigDocument(event.document);
          checker.recheckAll();
        }, readSettings(event.document.uri).delay);
        return;
      }
      if (!isDraft(event.document)) return;
      if (readSettings(event.document.uri).run === 'onType') checker.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (isDraft(doc)) void checker.check(doc);
      else if (/(^|\/)\.crosswalk\.ya?ml$|\.ya?ml$/.test(doc.uri.path)) checker.recheckAll();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => checker.forget(doc)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('crosswalk')) checker.recheckAll();
    }),
  );
  const watcher = vscode.workspace.createFileSystemWatcher('**/{.crosswalk.yaml,.crosswalk.yml,*.yaml,*.yml}');
  context.subscriptions.push(watcher, watcher.onDidChange(() => checker.recheckAll()), watcher.onDidCreate(() => checker.recheckAll()), watcher.onDidDelete(() => checker.recheckAll()));
  registerCommands(context, checker);
  for (const document of vscode.workspace.textDocuments) {
    if (isConfigFile(document.uri)) checker.checkConfigDocument(document);
    else void checker.check(document);
  }
  return { checker, status, log: { get lines() { return log.lines; }, get told() { return toldMessages(); } }, audiencePick: () => activeAudiencePick };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Checker } from './checker';
import { CrosswalkFeature, wireClient } from './client';
import { registerCommands } from './commands';
import { openReports } from './commands/report';
import { activeGlossaryPick } from './commands/review-glossary';
import { activeAudiencePick, activeDraftPick } from './commands/set-audience';
import { log, toldMessages } from './log';
import { AudienceStatus } from './status';

/** What tests and other extensions can reach. */
export interface CrosswalkApi {
  checker: Checker;
  status: AudienceStatus;
  /** The lines sent to the "Crosswalk" output channel, and what commands told the user (for tests). */
  log: { readonly lines: readonly string[]; readonly told: readonly string[] };
  /** Set Audience's pick while it is on screen (tests type into it and accept it). */
  audiencePick(): vscode.QuickPick<vscode.QuickPickItem> | undefined;
  /** Set Audience's "no draft is open" pick while it is on screen. */
  draftPick(): vscode.QuickPick<vscode.QuickPickItem> | undefined;
  /** Review Glossary Additions' pick while it is on screen. */
  glossaryPick(): vscode.QuickPick<vscode.QuickPickItem> | undefined;
  /** The audience report panels open now, restored ones included (tests: the report after a window reload). */
  reports(): { uri: string; title: string; html: string }[];
}

/**
 * Everything the desktop (src/extension/extension.ts) and the web extension (src/web/extension.ts)
 * share around their language client: the checker's view of the server's checks, the status item
 * and the commands. `commands`: the glossary action runs the extension's command, which writes
 * and saves the files (desktop); else it stays a plain edit.
 */
export async function startCrosswalk(context: vscode.ExtensionContext, client: BaseLanguageClient, options: { commands: boolean }): Promise<CrosswalkApi> {
  const checker = new Checker(client, context.workspaceState);
  client.registerFeature(new CrosswalkFeature(() => checker.optIns.list(), options.commands, () => checker.optIns.outs()));
  context.subscriptions.push(...wireClient(client), checker, { dispose: () => log.dispose() });
  await client.start();
  const status = new AudienceStatus(checker);
  context.subscriptions.push(status);
  registerCommands(context, checker);
  return { checker, status, log: { get lines() { return log.lines; }, get told() { return toldMessages(); } }, audiencePick: () => activeAudiencePick, draftPick: () => activeDraftPick, glossaryPick: () => activeGlossaryPick, reports: openReports };
}

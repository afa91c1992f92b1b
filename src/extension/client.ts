import * as vscode from 'vscode';
import type { BaseLanguageClient, ClientCapabilities, FeatureState, LanguageClientOptions, StaticFeature } from 'vscode-languageclient';
import { log } from './log';
import { firstSymbolicLink } from './symbolic-links';

/**
 * What the desktop extension (src/extension/extension.ts, server over Node IPC) and the web
 * extension (src/web/extension.ts, server in a web worker) share as clients of Crosswalk's
 * language server (src/server/): which documents it gets, the settings it reads, and what this
 * client tells it it can do.
 */
export function clientOptions(): LanguageClientOptions {
  return {
    // Drafts of every scheme (file, untitled, vscode-vfs on github.dev, vscode-remote), and the
    // config files, so that unsaved edits of a .crosswalk.yaml or a team glossary count.
    documentSelector: [{ language: 'markdown' }, { pattern: '**/.crosswalk.{yaml,yml}' }, { language: 'yaml' }],
    synchronize: { configurationSection: 'crosswalk' },
    diagnosticCollectionName: 'crosswalk',
    initializationOptions: {},
    // One "Crosswalk" channel: the server's own messages go to the log (src/extension/log.ts).
    outputChannel: log.channel(),
    // A check that fails says so in the log; the editor keeps working.
    revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
  };
}

/**
 * Tells the server it talks to the VS Code extension (`experimental.crosswalk`): the glossary
 * action is then the extension's command (which writes, saves and says what it did), Allow tells
 * what it changed, and the server sends `crosswalk/didCheck` and `crosswalk/log`. The files the
 * writer asked to check ("Check this file") go along too.
 */
export class CrosswalkFeature implements StaticFeature {
  /** `commands`: the client has the extension's commands (`crosswalk.addToGlossary`, `crosswalk.tell`). */
  constructor(private readonly optIns: () => string[], private readonly commands: boolean, private readonly optOuts: () => string[] = () => []) {}

  fillClientCapabilities(capabilities: ClientCapabilities): void {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), crosswalk: { commands: this.commands, optIns: this.optIns(), optOuts: this.optOuts() } };
    // Pushed diagnostics: they reach VS Code on the same connection just before `crosswalk/didCheck`,
    // so the status item, the commands and the Problems panel always show the same version. The
    // server pulls for other clients that ask (src/server/server.ts).
    if (capabilities.textDocument) delete capabilities.textDocument.diagnostic;
  }

  initialize(): void {
    // Nothing to register: the notifications are wired in wireClient.
  }

  getState(): FeatureState {
    return { kind: 'static' };
  }

  clear(): void {
    // Nothing to undo.
  }
}

const decoder = new TextDecoder();

/**
 * The server's requests of the client: log lines for the "Crosswalk" channel, and (from the web
 * worker, which has no disk) files read through vscode.workspace.fs, open buffers first.
 */
export function wireClient(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onNotification('crosswalk/log', ({ level, message }: { level: 'info' | 'warn' | 'error'; message: string }) => {
      if (typeof message === 'string') (log[level] ?? log.info)(message);
    }),
    client.onRequest('crosswalk/readFile', async ({ uri }: { uri: string }) => {
      const target = vscode.Uri.parse(uri);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
      if (open) return open.getText();
      // Only files of the workspace: nothing outside it is read, nor anything through a link.
      const folder = vscode.workspace.getWorkspaceFolder(target);
      if (!folder || (await linkOnPath(folder.uri, target))) return null;
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(target));
      } catch {
        return null;
      }
    }),
    // The browser language server cannot resolve links: it asks which link, if any, leads to a file.
    client.onRequest('crosswalk/linkOnPath', async ({ uri }: { uri: string }) => {
      const target = vscode.Uri.parse(uri);
      const folder = vscode.workspace.getWorkspaceFolder(target);
      return (folder && (await linkOnPath(folder.uri, target))) ?? null;
    }),
  ];
}

/** The first symbolic link on the path from the workspace folder down to `target` (src/extension/symbolic-links.ts). */
function linkOnPath(folder: vscode.Uri, target: vscode.Uri): Promise<string | undefined> {
  return firstSymbolicLink(folder.path, target.path, async (path) => {
    try {
      return (await vscode.workspace.fs.stat(folder.with({ path }))).type;
    } catch {
      return undefined;
    }
  });
}

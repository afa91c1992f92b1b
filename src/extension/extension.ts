import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions } from './client';
import { startCrosswalk, type CrosswalkApi } from './crosswalk';

export type { CrosswalkApi };

let client: LanguageClient | undefined;

/**
 * V8 flags of the server process. The young generation is capped at 16 MB per semi-space: on the
 * Node of newer editors (24 in VS Code 1.139's server) it otherwise grows far larger while a 1 MB
 * draft is checked, and the server held 330-370 MB at its peak in a real VS Code where Node 20 held
 * about 220 MB (bench/host-memory.mjs; bench/README.md). With the cap: about 215 MB.
 */
const SERVER_FLAGS = ['--max-semi-space-size=16'];

/**
 * The desktop extension: a client of Crosswalk's language server (dist/server.js, from
 * src/server/main.ts), started over Node IPC in a process of its own, so that checking never
 * holds up the extension host. Diagnostics, hovers and code actions come from the server; the
 * status item, report, templates and commands ask it for what they show.
 */
export async function activate(context: vscode.ExtensionContext): Promise<CrosswalkApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_FLAGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_FLAGS, '--nolazy', '--inspect=6010'] } },
  };
  client = new LanguageClient('crosswalk', 'Crosswalk', serverOptions, clientOptions());
  return startCrosswalk(context, client, { commands: true });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions } from '../extension/client';
import { startCrosswalk, type CrosswalkApi } from '../extension/crosswalk';

/**
 * The web extension (vscode.dev, github.dev): package.json's `browser` entry, run in the browser's
 * web worker extension host. The engine runs in a second worker, the language server of
 * src/server/browser.ts, so checking never holds up the extension host; config and team glossaries
 * are read here, through vscode.workspace.fs, which serves virtual workspaces (a GitHub repository
 * opened on github.dev) like a disk.
 */
let client: LanguageClient | undefined;

/** The same client as the desktop's (src/extension/crosswalk.ts): status item, report, templates and commands; only the transport differs. */
export async function activate(context: vscode.ExtensionContext): Promise<CrosswalkApi> {
  const worker = await startServerWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  client = new LanguageClient('crosswalk', 'Crosswalk', clientOptions(), worker);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  // A worker has no disk: config and glossaries are read through vscode.workspace.fs (crosswalk/readFile,
  // src/extension/client.ts). "Add to team glossary" stays a plain edit here: the writer saves the new file.
  return startCrosswalk(context, client, { commands: false });
}

/**
 * The server's worker. From vscode.dev or github.dev the script's URL loads as it is; an extension
 * served by a remote (code-server, Codespaces in the browser) may not start a worker from its own
 * `vscode-remote:` URL ("Creating workers from remote extensions is currently not supported"), so
 * the script is read through vscode.workspace.fs and started from a Blob URL instead.
 */
async function startServerWorker(script: vscode.Uri): Promise<Worker> {
  if (script.scheme !== 'vscode-remote') {
    try {
      return new Worker(script.toString(true));
    } catch {
      // Fall through to the Blob URL.
    }
  }
  const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(script));
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'application/javascript' })));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

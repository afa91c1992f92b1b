import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';

/**
 * The web extension (vscode.dev, github.dev): package.json's `browser` entry, run in the browser's
 * web worker extension host. The engine runs in a second worker, the language server of
 * src/server/browser.ts, so checking never holds up the extension host; config and team glossaries
 * are read here, through vscode.workspace.fs, which serves virtual workspaces (a GitHub repository
 * opened on github.dev) like a disk.
 */
let client: LanguageClient | undefined;

const decoder = new TextDecoder();

/** The commands of the desktop extension that the browser does not have yet: they say so rather than fail. */
const DESKTOP_ONLY = [
  'crosswalk.setAudience', 'crosswalk.newFromTemplate', 'crosswalk.showReport', 'crosswalk.exportReport', 'crosswalk.rewriteForAudience',
  'crosswalk.checkWorkspace', 'crosswalk.checkDocument', 'crosswalk.addToGlossary',
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await startServerWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  const clientOptions: LanguageClientOptions = {
    // Every scheme: vscode-vfs (github.dev), vscode-remote, file, untitled.
    documentSelector: [{ language: 'markdown' }],
    synchronize: {
      configurationSection: 'crosswalk',
    },
    initializationOptions: {},
    diagnosticCollectionName: 'crosswalk',
  };
  client = new LanguageClient('crosswalk', 'Crosswalk', clientOptions, worker);
  // The server asks for config and glossary files: open buffers first (unsaved edits count), then the workspace file system.
  client.onRequest('crosswalk/readFile', async ({ uri }: { uri: string }) => {
    const target = vscode.Uri.parse(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (open) return open.getText();
    // Only files of the workspace: nothing outside it is read.
    if (!vscode.workspace.getWorkspaceFolder(target)) return null;
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(target));
    } catch {
      return null;
    }
  });
  for (const command of DESKTOP_ONLY) {
    context.subscriptions.push(vscode.commands.registerCommand(command, () => {
      void vscode.window.showInformationMessage('Crosswalk in the browser checks drafts, explains terms on hover and offers quick fixes; this command needs the desktop extension.');
    }));
  }
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
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

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

/**
 * The language server in a web worker (vscode.dev, github.dev): the web extension's client
 * (src/web/extension.ts) starts it and answers `crosswalk/readFile` through vscode.workspace.fs,
 * so config and team glossaries in a virtual workspace are read as on disk, and
 * `crosswalk/linkOnPath`, so that nothing is read or written through a symbolic link.
 */
// The worker's global scope speaks the same postMessage protocol as a Worker object; the DOM
// typings of this project (tsconfig lib) have no DedicatedWorkerGlobalScope.
const scope = self as unknown as Worker;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
/** A string the client answers for a file, or undefined when it has none or cannot answer. */
async function askClient(method: string, uri: string): Promise<string | undefined> {
  try {
    const answer = await connection.sendRequest<string | null>(method, { uri });
    return typeof answer === 'string' ? answer : undefined;
  } catch {
    return undefined;
  }
}

startServer(connection, {
  readFile: (uri) => askClient('crosswalk/readFile', uri),
  // No real paths in a worker: the client says which symbolic link, if any, is on a file's path
  // (vscode.workspace.fs.stat, src/extension/symbolic-links.ts), and such files are refused.
  linkOnPath: (uri) => askClient('crosswalk/linkOnPath', uri),
});

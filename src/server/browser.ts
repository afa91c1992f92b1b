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
startServer(connection, {
  async readFile(uri) {
    try {
      const text = await connection.sendRequest<string | null>('crosswalk/readFile', { uri });
      return typeof text === 'string' ? text : undefined;
    } catch {
      return undefined;
    }
  },
  // No real paths in a worker: the client says which symbolic link, if any, is on a file's path
  // (vscode.workspace.fs.stat, src/extension/symbolic-links.ts), and such files are refused.
  async linkOnPath(uri) {
    try {
      const link = await connection.sendRequest<string | null>('crosswalk/linkOnPath', { uri });
      return typeof link === 'string' ? link : undefined;
    } catch {
      return undefined;
    }
  },
});

import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { realPath } from '../node/real-path';
import { startServer, type ServerHost } from './server';
import { splitUri } from './uri';

/** Files on disk for `file:` URIs; other schemes (untitled, virtual) have nothing to read here. */
export const nodeHost: ServerHost = {
  async readFile(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return await fs.promises.readFile(fileURLToPath(uri), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
      throw error;
    }
  },
  async realPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    return splitUri(pathToFileURL(await realPath(fileURLToPath(uri))).href)?.path;
  },
};

/**
 * `crosswalk lsp`: the language server on the transport the command line names (`--stdio`,
 * `--node-ipc` as VS Code's client starts it, `--socket=N`, `--pipe=NAME`), stdio when none is named.
 */
export function startNodeServer(argv: string[] = process.argv): void {
  const named = argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'));
  // vscode-languageserver reads the transport from process.argv.
  if (!named) process.argv.push('--stdio');
  const connection = createConnection(ProposedFeatures.all);
  // Anything printed on stdout would corrupt the protocol stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  startServer(connection, nodeHost);
}

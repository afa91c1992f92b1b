import { startNodeServer } from './node';

/**
 * dist/server.js: the language server as the VS Code extension starts it (src/extension/client.ts,
 * over Node IPC, in a process of its own). `crosswalk lsp` (src/cli/) starts the same server.
 */
startNodeServer();

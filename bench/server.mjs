// The time from a change to its diagnostics through the language server: `node dist/cli.js lsp
// --stdio` in a child process, driven over JSON-RPC as an editor drives it. The draft is opened
// once; then, again and again, one paragraph near the middle is edited (an incremental didChange,
// as editors send) and the clock runs until publishDiagnostics for that version arrives. The
// server's typing delay is set to 0 (`initializationOptions`): editors debounce their own
// didChange, and the delay is a setting, not work. Used by bench/run.mjs.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

/** The one change that turns `before` into `after`: the range between their common prefix and suffix. */
function changeBetween(document, before, after) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { range: { start: document.positionAt(start), end: document.positionAt(before.length - end) }, text: after.slice(start, after.length - end) };
}

export async function measureServer(root, text, runs, warmup, edit) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  let lastCount = 0;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    lastCount = params.diagnostics.length;
    waiting.get(params.version)?.();
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.listen();
  const uri = `file://${path.join(root, 'bench', 'corpus', 'server-draft.md')}`;
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { crosswalk: { delay: 0 } } });
    await connection.sendNotification('initialized', {});
    let version = 1;
    const published = (v) => new Promise((resolve) => waiting.set(v, resolve));
    const open = published(version);
    const t0 = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    await open;
    const openMs = performance.now() - t0;
    let current = text;
    const times = [];
    for (let i = 0; i < warmup + runs; i++) {
      const next = edit(current, i);
      const document = TextDocument.create(uri, 'markdown', version, current);
      const change = changeBetween(document, current, next);
      version++;
      const done = published(version);
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await done;
      if (i >= warmup) times.push(performance.now() - start);
      current = next;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const m = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    return { median, min: sorted[0], max: sorted.at(-1), runs, openMs, diagnostics: lastCount };
  } finally {
    connection.dispose();
    child.kill();
  }
}

// Large drafts through the language server (issue 16): a 1 MB draft opened in dist/server.js (the
// process the VS Code extension starts), driven over JSON-RPC with the capabilities VS Code's
// client announces (resolve support, versioned edits). Measures, in ms:
//   - code actions at a finding once the draft is checked (what a light bulb costs), and the
//     resolve of its first fix;
//   - code actions right after an edit, while the 1 MB draft is re-checked;
//   - code actions in a small draft while the 1 MB draft's first check is under way (a small file
//     must not wait behind a queued large one): the first request (which checks the small draft),
//     then a request every 50 ms until the large draft's diagnostics arrive, each answered between
//     two slices of the large check (median and max), and how many were asked meanwhile;
// and the diagnostics sent for the 1 MB draft (never more than the problem limit, plus its notice)
// and the server process's peak memory (VmHWM). Used by bench/run.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeDraft } from './generate.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const CAPABILITIES = {
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, configuration: false },
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, disabledSupport: true }, hover: { contentFormat: ['markdown'] } },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Peak resident memory of a process, from /proc (Linux); undefined elsewhere. */
function peakRssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function startServer(root, maxNumberOfProblems) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map();
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.set(params.uri, params);
    for (const w of [...waiters]) if (w.uri === params.uri && (w.version === undefined || params.version === w.version)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(params);
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: `file://${root}`, workspaceFolders: [{ uri: `file://${root}`, name: 'crosswalk' }],
    capabilities: CAPABILITIES, initializationOptions: { crosswalk: { maxNumberOfProblems } },
  });
  await connection.sendNotification('initialized', {});
  const diagnostics = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  const stop = async () => {
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch {
      // already gone
    }
    connection.dispose();
    child.kill();
  };
  return { child, connection, published, diagnostics, stop };
}

const codeActions = (connection, uri, range) => connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });

export async function measureLargeDraft(root, big, small, runs, edit) {
  const maxNumberOfProblems = 100;
  // Outside bench/corpus/, which .gitignore lists: the server no longer checks ignored drafts (src/core/draft-files.ts).
  const bigUri = `file://${path.join(root, 'bench', 'large-draft.md')}`;
  const smallUri = `file://${path.join(root, 'bench', 'small-draft.md')}`;
  const out = { characters: big.length, maxNumberOfProblems };

  // 1. A small draft's code actions while the 1 MB draft's first check is under way.
  {
    const s = await startServer(root, maxNumberOfProblems);
    try {
      const smallChecked = s.diagnostics(smallUri, 1);
      let bigDone = false;
      const bigChecked = s.diagnostics(bigUri, 1).then(() => {
        bigDone = true;
      });
      void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: big } });
      void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'markdown', version: 1, text: small } });
      const whole = { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } };
      const t0 = performance.now();
      const actions = await codeActions(s.connection, smallUri, whole);
      out.smallWhileLargeQueuedMs = performance.now() - t0;
      out.smallActions = actions.length;
      await smallChecked;
      // Then again and again while the large check goes on: each answer comes between two slices.
      const during = [];
      while (!bigDone) {
        const t = performance.now();
        await codeActions(s.connection, smallUri, whole);
        if (!bigDone) during.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await bigChecked;
      out.smallDuringLargeCheck = { requests: during.length, medianMs: during.length ? median(during) : undefined, maxMs: during.length ? Math.max(...during) : undefined };
    } finally {
      await s.stop();
    }
  }

  // 2. The 1 MB draft itself.
  const s = await startServer(root, maxNumberOfProblems);
  try {
    const first = s.diagnostics(bigUri, 1);
    const t0 = performance.now();
    void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: big } });
    const { diagnostics } = await first;
    out.openMs = performance.now() - t0;
    out.diagnosticsSent = diagnostics.length;
    out.problemsSent = diagnostics.filter((d) => d.code !== undefined).length;
    const target = diagnostics.find((d) => d.code === 'jargon') ?? diagnostics.find((d) => d.code !== undefined);
    const times = [];
    let actions = [];
    for (let i = 0; i < runs + 2; i++) {
      const t = performance.now();
      actions = await codeActions(s.connection, bigUri, target.range);
      if (i >= 2) times.push(performance.now() - t);
    }
    out.codeActionsMs = median(times);
    out.codeActionsMaxMs = Math.max(...times);
    out.actions = actions.length;
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    let t = performance.now();
    const resolved = await s.connection.sendRequest('codeAction/resolve', fix);
    out.resolveFixMs = performance.now() - t;
    out.resolvedHasEdit = resolved.edit !== undefined;
    const fixAll = actions.find((a) => /all Crosswalk fixes/.test(a.title));
    if (fixAll) {
      t = performance.now();
      await s.connection.sendRequest('codeAction/resolve', fixAll);
      out.resolveFixAllMs = performance.now() - t;
    }

    // 3. Right after an edit: the light bulb waits for the re-check of the edited draft.
    const afterEdit = [];
    let text = big;
    for (let i = 0; i < runs; i++) {
      const next = edit(text, i);
      let start = 0;
      while (start < text.length && text[start] === next[start]) start++;
      let end = 0;
      while (end < text.length - start && end < next.length - start && text[text.length - 1 - end] === next[next.length - 1 - end]) end++;
      const before = text.slice(0, start);
      const line = before.split('\n').length - 1;
      const character = start - (before.lastIndexOf('\n') + 1);
      const removed = text.slice(start, text.length - end);
      const endLine = line + removed.split('\n').length - 1;
      const endCharacter = removed.includes('\n') ? removed.length - removed.lastIndexOf('\n') - 1 : character + removed.length;
      const version = i + 2;
      void s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: bigUri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text: next.slice(start, next.length - end) }],
      });
      const t1 = performance.now();
      await codeActions(s.connection, bigUri, target.range);
      afterEdit.push(performance.now() - t1);
      text = next;
    }
    out.codeActionsAfterEditMs = median(afterEdit);
    out.codeActionsAfterEditMaxMs = Math.max(...afterEdit);
    out.serverPeakRssMb = peakRssMb(s.child.pid);
  } finally {
    await s.stop();
  }
  return out;
}

/** A different word in a paragraph near the middle each time (bench/run.mjs edits paragraphs its own way). */
function editNearMiddle(text, i) {
  const at = text.indexOf('\n\n', (text.length >> 1) + i * 997) + 2;
  return text.slice(0, at) + (i % 2 ? 'Update: ' : 'Note: ') + text.slice(at);
}

// Alone, after `npm run build`: `node bench/large.mjs [runs]`, printing the figures and the load average.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const generated = makeDraft(170_000);
  const megabyte = generated.slice(0, generated.lastIndexOf('\n\n', 999_000) + 1);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} CPUs`);
  const out = await measureLargeDraft(root, megabyte, makeDraft(1000, 3), Number(process.argv[2] ?? 7), editNearMiddle);
  console.log(JSON.stringify(out, (k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v), 2));
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

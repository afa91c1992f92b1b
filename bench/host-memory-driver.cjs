// Runs inside the extension host for bench/host-memory.mjs (as `extensionTestsPath`): opens the
// 1 MB draft in an editor, waits for Crosswalk's diagnostics, makes a few edits in the middle of it
// (each waited for until the server has checked that version), and then holds the window open
// until the benchmark has taken its last samples. Each phase is written to the status file, so
// that the benchmark knows which samples belong to which phase. Plain CommonJS: nothing to build.
const fs = require('node:fs');
const vscode = require('vscode');

const env = process.env;
const statusFile = env.CROSSWALK_BENCH_STATUS;
const events = [];
function phase(name, extra = {}) {
  // The host's own view: how much of its memory is JavaScript heap, and how much lies outside it.
  const m = process.memoryUsage();
  const mb = (n) => Math.round(n / 1048576);
  events.push({ phase: name, at: Date.now(), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers), rssMb: mb(m.rss), ...extra });
  fs.writeFileSync(statusFile, JSON.stringify(events));
}

async function waitFor(what, condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const crosswalkDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'crosswalk');

exports.run = async function run() {
  try {
    phase('started');
    // --baseline: the same session without Crosswalk (a stub is the development extension), for
    // what VS Code and its built-in extensions hold for the draft by themselves. Nothing is checked
    // then, so each step waits a fixed time for the built-in extensions to do their work.
    const baseline = env.CROSSWALK_BENCH_BASELINE === '1';
    const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));
    const extension = vscode.extensions.getExtension('crosswalk-health.crosswalk');
    if (!extension && !baseline) throw new Error('Crosswalk is not installed in this host');
    const api = baseline ? undefined : await extension.activate();
    phase('activated');
    const uri = vscode.Uri.file(env.CROSSWALK_BENCH_DRAFT);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    phase('opened', { characters: document.getText().length });
    if (baseline) {
      await settle();
      phase('checked');
    } else {
      await waitFor('the first check', () => api.checker.result(document), 300_000);
      const diagnostics = await waitFor('diagnostics in the workbench', () => crosswalkDiagnostics(uri).length || undefined, 60_000);
      phase('checked', { diagnostics, findings: api.checker.result(document).findings });
    }
    const edits = Number(env.CROSSWALK_BENCH_EDITS ?? 5);
    for (let i = 0; i < edits; i++) {
      // A word typed into a paragraph near the middle, as a writer would.
      const line = Math.floor(document.lineCount / 2) + i * 7;
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'Note: the UAT window moved. '));
      if (baseline) await settle();
      else await waitFor(`the check of edit ${i + 1}`, () => api.checker.result(document), 300_000);
      phase('edited', { edit: i + 1, version: document.version });
    }
    if (env.CROSSWALK_BENCH_SNAPSHOT) require('node:v8').writeHeapSnapshot(env.CROSSWALK_BENCH_SNAPSHOT);
    phase('done', { active: vscode.extensions.all.filter((e) => e.isActive).map((e) => e.id) });
    // The benchmark samples a little longer, then writes the stop file.
    await waitFor('the benchmark to finish sampling', () => fs.existsSync(`${statusFile}.stop`), 120_000);
  } catch (error) {
    phase('error', { message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
};

#!/usr/bin/env node
// Extension host and language server memory for a 1 MB draft in a real VS Code (issue 16: "extension
// host memory for a 1 MB draft under 300 MB"). Starts code-server (the route of
// scripts/vscode-host/run.mjs, installed by scripts/vscode-host/setup.mjs) with this folder as the
// development extension and headless Chromium as the workbench, and runs
// bench/host-memory-driver.cjs inside the extension host: it opens a draft of just under
// 1,000,000 characters, waits for Crosswalk's diagnostics, and types a few edits in its middle.
// Meanwhile this script samples, every 100 ms, the resident memory (VmRSS) of the extension host
// and of Crosswalk's language server, found by their command lines under /proc, and reads each
// one's kernel-kept peak (VmHWM) at the end. A benchmark, not a test: it prints the figures and
// writes bench/results/host-memory.json. Needs `npm run build` first (dist/).
//
// Usage: node bench/host-memory.mjs [--edits N] [--check] [--snapshot FILE]
//   --check            exit 1 when a process's peak is 300 MB or more
//   --snapshot FILE    write a heap snapshot of the extension host after the last edit
//   --baseline         the same session without Crosswalk in the host (what VS Code itself holds)
//   --lean             without the built-in extensions that activate here (Markdown's, git, emmet, ...)
/* global fetch, AbortSignal */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { makeDraft } from './generate.mjs';
import { paths } from '../scripts/vscode-host/paths.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const edits = Number(args.includes('--edits') ? args[args.indexOf('--edits') + 1] : 5);
const check = args.includes('--check');
const baseline = args.includes('--baseline');
const lean = args.includes('--lean');
/**
 * --lean: the built-in extensions that activate in this session (listed by the driver at the end)
 * are not loaded (VS Code's VSCODE_SKIP_BUILTIN_EXTENSIONS), so that what is left in the extension
 * host beyond VS Code's own is Crosswalk's. Markdown's language features, merge-conflict and emmet,
 * among them, read and copy the whole draft on every edit by themselves (see --baseline).
 */
const BUILTINS = [
  'vscode.markdown-language-features', 'vscode.markdown-math', 'vscode.mermaid-markdown-features', 'vscode.merge-conflict', 'vscode.emmet',
  'vscode.git', 'vscode.git-base', 'vscode.github', 'vscode.github-authentication', 'vscode.typescript-language-features', 'vscode.npm',
  'vscode.json-language-features', 'vscode.configuration-editing', 'vscode.extension-editing', 'vscode.debug-auto-launch',
];
const snapshot = args.includes('--snapshot') ? path.resolve(args[args.indexOf('--snapshot') + 1]) : undefined;
const LIMIT_MB = 300;
const log = (m) => console.log(`[host-memory] ${m}`);

for (const [what, file] of [['Node 24', paths.node24Bin], ['code-server', paths.codeServerBin], ['Chromium', paths.chromium], ['dist/extension.js', path.join(root, 'dist', 'extension.js')]]) {
  if (!fs.existsSync(file)) {
    console.error(`[host-memory] ${what} is missing (${file}): run scripts/vscode-host/setup.mjs and npm run build first`);
    process.exit(2);
  }
}

// ------------------------------------------------------------------ the draft and the folders
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-host-memory-'));
const dirs = {
  home: path.join(tmp, 'home'),
  runtime: path.join(tmp, 'run'),
  temp: path.join(tmp, 'tmp'),
  userData: path.join(tmp, 'user-data'),
  extensions: path.join(tmp, 'extensions'),
  workspace: path.join(tmp, 'workspace'),
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'chat.disableAIFeatures': true, 'update.mode': 'none',
  'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'git.enabled': false, 'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  // As on the desktop (the web workbench's default is afterDelay): no 1 MB write after every edit.
  'files.autoSave': 'off',
}, null, 2));
// Just under crosswalk.maxFileSize (1,000,000 characters), cut at a paragraph: the draft of bench/run.mjs's large-draft figures.
const generated = makeDraft(170_000);
const text = generated.slice(0, generated.lastIndexOf('\n\n', 999_000) + 1);
const draft = path.join(dirs.workspace, 'large-draft.md');
fs.writeFileSync(draft, text);
const statusFile = path.join(tmp, 'status.json');

const env = {
  ...process.env,
  HOME: dirs.home,
  XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
  XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
  XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
  XDG_RUNTIME_DIR: dirs.runtime,
  TMPDIR: dirs.temp,
  PATH: `${path.dirname(paths.node24Bin)}${path.delimiter}${process.env.PATH ?? ''}`,
};
delete env.VSCODE_IPC_HOOK_CLI;
if (lean) env.VSCODE_SKIP_BUILTIN_EXTENSIONS = BUILTINS.join(',');

// ------------------------------------------------------------------ processes and their memory
function readStatus(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** The extension host and the language server among the processes of code-server's group, by their command lines. */
function findProcesses(pgid) {
  const found = { extensionHost: [], languageServer: [] };
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      if (/--type=extensionHost/.test(cmdline)) found.extensionHost.push(Number(name));
      else if (cmdline.includes(path.join(root, 'dist', 'server.js'))) found.languageServer.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return found;
}

const events = () => {
  try {
    return JSON.parse(fs.readFileSync(statusFile, 'utf8'));
  } catch {
    return [];
  }
};

/** --baseline: an extension with no code as the development extension, so that Crosswalk is not in the host at all. */
function stub() {
  const dir = path.join(tmp, 'stub');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'crosswalk-bench-stub', publisher: 'crosswalk-test', version: '0.0.0', engines: { vscode: '*' } }));
  return dir;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function main() {
  const port = await freePort();
  const serverLog = path.join(tmp, 'code-server.log');
  const logFd = fs.openSync(serverLog, 'a');
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const server = spawn(paths.node24Bin, [
    paths.codeServerBin, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`, '--vscode-option', 'enable-smoke-test-driver',
  ], { env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  let browser;
  const samples = [];
  try {
    const up = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) break;
      } catch {
        /* not yet */
      }
      if (Date.now() > up || server.exitCode !== null) throw new Error(`code-server did not start (see ${serverLog})`);
      await new Promise((r) => setTimeout(r, 150));
    }
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(baseline ? stub() : root)],
      ['extensionTestsPath', remote(path.join(root, 'bench', 'host-memory-driver.cjs'))],
      ['extensionEnvironment', JSON.stringify({ CROSSWALK_BENCH_DRAFT: draft, CROSSWALK_BENCH_STATUS: statusFile, CROSSWALK_BENCH_EDITS: String(edits), ...(baseline ? { CROSSWALK_BENCH_BASELINE: '1' } : {}), ...(snapshot ? { CROSSWALK_BENCH_SNAPSHOT: snapshot } : {}) })],
    ];
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: paths.chromium, headless: true, env,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    let exitCode;
    await page.exposeFunction('codeAutomationExit', (code) => (exitCode = Number(code) || 0));
    log(`${baseline ? 'baseline (no Crosswalk)' : 'Crosswalk'}${lean ? ', built-in extensions skipped' : ''}`);
    log(`code-server on 127.0.0.1:${port}; opening a ${(text.length / 1e6).toFixed(2)} MB draft (${text.split('\n').length} lines), then ${edits} edits`);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'domcontentloaded' });

    const started = Date.now();
    const deadline = started + 15 * 60_000;
    let doneAt;
    let pids = { extensionHost: [], languageServer: [] };
    const hwm = {};
    for (;;) {
      const seen = events();
      const last = seen.at(-1)?.phase ?? 'starting';
      if (last === 'error') throw new Error(`the driver failed: ${seen.at(-1).message}`);
      if (pids.extensionHost.length === 0 || pids.languageServer.length === 0) pids = findProcesses(server.pid);
      const sample = { at: Date.now(), phase: last };
      for (const [role, list] of Object.entries(pids)) {
        let rss = 0;
        for (const pid of list) {
          const s = readStatus(pid);
          if (!s) continue;
          rss += s.rssMb;
          hwm[`${role} ${pid}`] = s.hwmMb;
        }
        sample[role] = list.length ? rss : undefined;
      }
      samples.push(sample);
      if (last === 'done') doneAt ??= Date.now();
      // A few seconds after the last edit's check: what the host keeps, not only what it peaked at.
      if (doneAt && Date.now() - doneAt > 3000) break;
      if (Date.now() > deadline) throw new Error(`the driver did not finish within 15 minutes (last phase: ${last})`);
      await new Promise((r) => setTimeout(r, 100));
    }
    fs.writeFileSync(`${statusFile}.stop`, '');
    const exitBy = Date.now() + 30_000;
    while (exitCode === undefined && Date.now() < exitBy) await new Promise((r) => setTimeout(r, 100));

    // ------------------------------------------------------------ figures
    const seen = events();
    const at = (name) => seen.find((e) => e.phase === name);
    const peak = (role, from = 0, to = Infinity) => Math.max(0, ...samples.filter((s) => s.at >= from && s.at <= to && s[role] !== undefined).map((s) => s[role]));
    const valueAt = (role, time) => samples.filter((s) => s.at <= time && s[role] !== undefined).at(-1)?.[role];
    const checked = at('checked');
    const result = {
      date: new Date().toISOString(),
      draftCharacters: text.length,
      edits,
      firstCheckSeconds: checked && at('opened') ? (checked.at - at('opened').at) / 1000 : undefined,
      diagnostics: checked?.diagnostics,
      findings: checked?.findings,
      processes: { extensionHost: pids.extensionHost, languageServer: pids.languageServer },
      extensionHost: {
        beforeDraftMb: valueAt('extensionHost', at('opened')?.at ?? 0),
        peakSampledMb: peak('extensionHost'),
        peakKernelMb: Math.max(0, ...Object.entries(hwm).filter(([k]) => k.startsWith('extensionHost')).map(([, v]) => v)),
        afterMb: samples.at(-1)?.extensionHost,
      },
      languageServer: {
        peakSampledMb: peak('languageServer'),
        peakKernelMb: Math.max(0, ...Object.entries(hwm).filter(([k]) => k.startsWith('languageServer')).map(([, v]) => v)),
        afterMb: samples.at(-1)?.languageServer,
      },
      loadAverage: os.loadavg(),
    };
    const mb = (n) => (n === undefined ? 'n/a' : `${n.toFixed(0)} MB`);
    console.log('');
    console.log(`1 MB draft (${result.draftCharacters} characters): first check ${result.firstCheckSeconds?.toFixed(1)} s, ${result.diagnostics} diagnostics shown (${result.findings} findings), ${edits} edits`);
    console.log(`extension host  (pid ${pids.extensionHost.join(', ')}): before the draft ${mb(result.extensionHost.beforeDraftMb)}, peak ${mb(result.extensionHost.peakSampledMb)} sampled / ${mb(result.extensionHost.peakKernelMb)} VmHWM, at the end ${mb(result.extensionHost.afterMb)}   (target < ${LIMIT_MB} MB)`);
    console.log(`language server (pid ${pids.languageServer.join(', ')}): peak ${mb(result.languageServer.peakSampledMb)} sampled / ${mb(result.languageServer.peakKernelMb)} VmHWM, at the end ${mb(result.languageServer.afterMb)}   (target < ${LIMIT_MB} MB)`);
    console.log(`active extensions: ${at('done')?.active?.join(', ')}`);
    for (const e of seen) console.log(`  ${e.phase.padEnd(9)} extension host heap ${e.heapUsedMb} MB used of ${e.heapTotalMb}, external ${e.externalMb} MB, rss ${e.rssMb} MB`);
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench', 'results', `host-memory${baseline ? '-baseline' : ''}${lean ? '-lean' : ''}.json`), JSON.stringify({ ...result, samples }, null, 2) + '\n');
    const over = result.extensionHost.peakKernelMb >= LIMIT_MB || result.languageServer.peakKernelMb >= LIMIT_MB;
    return check && over ? 1 : 0;
  } finally {
    if (browser) await browser.close().catch(() => {});
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[host-memory] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);

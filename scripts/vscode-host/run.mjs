#!/usr/bin/env node
// Runs the extension's Mocha suite (out/suite/index.js) inside a real VS Code extension host.
//
// Two routes, in order of preference:
// 1. VSCODE_EXECUTABLE_PATH is set (a local VS Code desktop build): @vscode/test-electron's
//    runTests with vscodeExecutablePath. Nothing is downloaded. (CROSSWALK_HOST_ROUTE=electron
//    without VSCODE_EXECUTABLE_PATH lets test-electron download VS Code, where that is possible.)
// 2. Otherwise: code-server (the real VS Code server, installed by setup.mjs into .vscode-test/)
//    on Node 24, with headless Chromium driven by playwright-core as the workbench client. The
//    workbench is opened with the smoke-test driver enabled and a `payload` carrying
//    extensionDevelopmentPath / extensionTestsPath / extensionEnvironment, exactly what
//    test-electron passes on the command line; when the suite ends, the workbench calls
//    window.codeAutomationExit(code), which we expose from the page.
//
// The suite writes its Mocha report to the file named by CROSSWALK_TEST_REPORT (the browser
// console gets Mocha's output unformatted); this script prints that file and exits with the
// suite's exit code.
//
// Usage: node scripts/vscode-host/run.mjs [--extension-path DIR] [--workspace DIR]
//          [--vsix FILE] [--grep PATTERN] [--tests-path FILE] [--timeout SECONDS] [--verbose]
//   --vsix FILE   install the packaged extension into a fresh extensions folder and run the suite
//                 WITHOUT extensionDevelopmentPath (the suite sees CROSSWALK_TEST_MODE=vsix).
//   --verbose     print the code-server log and the browser console even when the run passes.
//   --report FILE where the suite writes its report (default: a temporary file, named to the suite
//                 by CROSSWALK_TEST_REPORT); a web worker suite has no environment and is told by
//                 its workspace instead (scripts/web-host/run.mjs).
//   --untrusted   open the workspace in Restricted Mode: workspace trust on, the folder not trusted
//                 (the suite sees CROSSWALK_TEST_TRUST=untrusted; run it with --grep @untrusted).
//   --reload      the suite may reload the window (workbench.action.reloadWindow): the page reloads
//                 with the same payload, a new extension host runs the suite again, and the suite
//                 tells the two runs apart by the state file named in CROSSWALK_TEST_RELOAD (run it
//                 with --grep @reload; test/suite/reload.test.ts). The exit code is the second run's.
/* global fetch, AbortSignal, setInterval, clearInterval */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { paths } from './paths.mjs';

const require = createRequire(import.meta.url);
const log = (msg) => console.log(`[host] ${msg}`);
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const options = {
    extensionPath: paths.root,
    workspace: path.join(paths.root, 'test', 'workspace'),
    testsPath: path.join(paths.root, 'out', 'suite', 'index.js'),
    vsix: undefined,
    grep: undefined,
    report: undefined,
    timeoutSeconds: Number(process.env.CROSSWALK_HOST_TIMEOUT ?? 300),
    verbose: process.env.CROSSWALK_HOST_VERBOSE === '1',
    untrusted: false,
    reload: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--extension-path': options.extensionPath = path.resolve(value()); break;
      case '--workspace': options.workspace = path.resolve(value()); break;
      case '--tests-path': options.testsPath = path.resolve(value()); break;
      case '--vsix': options.vsix = path.resolve(value()); break;
      case '--grep': options.grep = value(); break;
      case '--report': options.report = path.resolve(value()); break;
      case '--timeout': options.timeoutSeconds = Number(value()); break;
      case '--verbose': options.verbose = true; break;
      case '--untrusted': options.untrusted = true; break;
      case '--reload': options.reload = true; break;
      case '-h':
      case '--help':
        console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg} (try --help)`);
    }
  }
  if (!Number.isFinite(options.timeoutSeconds) || options.timeoutSeconds <= 0) throw new Error('--timeout must be a positive number of seconds');
  return options;
}

// ---------------------------------------------------------------- shared helpers
const START_TIMEOUT_MS = 90_000;

/** vscode-ipc-*.sock files in /tmp that this run's code-server created (removed at the end). */
let ownSockets = [];
/** Process group of the running code-server, for the signal handlers. */
let activeServerPid;

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'git.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  // The desktop default. The web workbench's default (afterDelay, 1 s) saved a test's edit after the
  // test had deleted the file, writing it back: the tmp-* drafts left in test/workspace.
  'files.autoSave': 'off',
};

/** Restricted Mode: trust is on, no folder is trusted, and nothing asks (the folder opens restricted). */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

function makeTempDirs(options) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-host-'));
  const dirs = {
    tmp,
    home: path.join(tmp, 'home'),
    config: path.join(tmp, 'home', '.config'),
    data: path.join(tmp, 'home', '.local', 'share'),
    cache: path.join(tmp, 'home', '.cache'),
    runtime: path.join(tmp, 'run'), // VS Code puts its vscode-ipc-*.sock in XDG_RUNTIME_DIR when set
    temp: path.join(tmp, 'tmp'), // TMPDIR for VS Code and the extension host (e.g. vscode-typescript*)
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    report: path.join(tmp, 'report.txt'),
    serverLog: path.join(tmp, 'code-server.log'),
  };
  for (const d of [dirs.config, dirs.data, dirs.cache, dirs.temp, dirs.userData, dirs.extensions]) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(dirs.runtime, { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const settings = options.untrusted ? { ...USER_SETTINGS, ...UNTRUSTED_SETTINGS } : USER_SETTINGS;
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  return dirs;
}

function isolatedEnv(dirs, extra = {}) {
  return {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.temp,
    ...extra,
  };
}

function testEnvironment(options, dirs) {
  const env = {
    CROSSWALK_TEST_REPORT: dirs.report,
    CROSSWALK_TEST_MODE: options.vsix ? 'vsix' : 'dev',
    CROSSWALK_TEST_WORKSPACE: options.workspace,
    CROSSWALK_TEST_TRUST: options.untrusted ? 'untrusted' : 'trusted',
  };
  if (options.grep) env.CROSSWALK_TEST_GREP = options.grep;
  // Kept across the reload: the payload, and so this environment, is in the page's address.
  if (options.reload) env.CROSSWALK_TEST_RELOAD = path.join(dirs.tmp, 'reload-state.json');
  return env;
}

// Offline, the workbench logs failed marketplace/telemetry lookups and 404s for optional assets: harmless.
const OFFLINE_NOISE = /ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource|open-vsx|vsda/;

// Logged while the workbench shuts down after the suite, or as the suite's own rejection.
const SHUTDOWN_NOISE = /Canceled: Canceled|extension-host test\(s\) failed|Unable to write into user settings/;

function printServerLog(dirs) {
  if (!fs.existsSync(dirs.serverLog)) return;
  log('---- code-server log (last 60 lines) ----');
  console.log(fs.readFileSync(dirs.serverLog, 'utf8').split('\n').slice(-60).join('\n'));
}

function printReport(dirs) {
  if (!fs.existsSync(dirs.report)) {
    log('the suite wrote no report (it did not start, or crashed before Mocha ran)');
    return false;
  }
  const text = fs.readFileSync(dirs.report, 'utf8');
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  return /^HOST-RESULT /m.test(text);
}

/** Ends the SIGTERM'd process group, then SIGKILLs what is left after a grace period. */
async function killGroup(child, graceMs = 1000) {
  if (!child || child.pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** An extension with no code, used as extensionDevelopmentPath when the suite tests an installed .vsix. */
function writeDevelopmentStub(dirs) {
  const dir = path.join(dirs.tmp, 'development-stub');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: 'crosswalk-vsix-test-stub', publisher: 'crosswalk-test', version: '0.0.0', engines: { vscode: '*' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return dir;
}

// ---------------------------------------------------------------- route 1: test-electron
async function runWithTestElectron(options, dirs) {
  const { runTests, resolveCliArgsFromVSCodeExecutablePath } = require('@vscode/test-electron');
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  log(`route: @vscode/test-electron with ${vscodeExecutablePath ?? 'a downloaded VS Code'}`);
  let extensionDevelopmentPath = options.extensionPath;
  if (options.vsix) {
    if (!vscodeExecutablePath) throw new Error('--vsix with the test-electron route needs VSCODE_EXECUTABLE_PATH');
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    log(`installing ${path.relative(process.cwd(), options.vsix)}`);
    const r = spawnSync(cli, [...cliArgs, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', options.vsix], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: isolatedEnv(dirs),
    });
    if (r.status !== 0) throw new Error(`installing the .vsix failed (exit ${r.status ?? r.signal})`);
    // Extension tests run only in extension development mode: pass an empty stub so the installed build is the one tested.
    extensionDevelopmentPath = writeDevelopmentStub(dirs);
  }
  const extensionTestsEnv = { ...isolatedEnv(dirs), ...testEnvironment(options, dirs) };
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: options.testsPath,
      extensionTestsEnv,
      launchArgs: [options.workspace, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions],
    });
  } catch (error) {
    code = typeof error?.code === 'number' ? error.code : 1;
    log(`VS Code exited: ${error instanceof Error ? error.message : error}`);
  }
  return code;
}

// ---------------------------------------------------------------- route 2: code-server + Chromium
/**
 * Starts code-server detached (its own process group) on a free loopback port and waits for /healthz.
 * Another process can take the port between the probe and the bind: then it tries a new one.
 */
async function startServer(serverArgs, env, dirs, deadline) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logFd = fs.openSync(dirs.serverLog, 'a');
    const server = spawn(paths.node24Bin, [...serverArgs, '--bind-addr', `127.0.0.1:${port}`, '--vscode-option', 'enable-smoke-test-driver'], {
      env,
      detached: true, // own process group: code-server's children outlive a SIGTERM to the parent
      stdio: ['ignore', logFd, logFd],
    });
    fs.closeSync(logFd);
    const healthDeadline = Math.min(deadline, Date.now() + 60_000);
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null) break;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return { server, port };
      } catch {
        /* not up yet */
      }
      if (Date.now() > healthDeadline) {
        await killGroup(server);
        throw new Error('code-server did not answer /healthz within 60 s');
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    const why = `code-server exited early (${server.exitCode ?? server.signalCode})`;
    const inUse = /EADDRINUSE/.test(fs.readFileSync(dirs.serverLog, 'utf8'));
    await killGroup(server);
    if (!inUse || attempt >= 3) throw new Error(why);
    log(`port ${port} was taken; trying another`);
  }
}

/** Pids in process group `pgid` (Linux /proc). */
function groupPids(pgid) {
  const pids = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 5 of /proc/PID/stat is the process group; the command name (field 2) may hold spaces.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid) pids.push(name);
    } catch {
      /* gone */
    }
  }
  return pids;
}

/**
 * /tmp/vscode-ipc-*.sock files bound by processes of our code-server's group. We set
 * XDG_RUNTIME_DIR so VS Code puts them in our temp folder, but anything that still lands in /tmp
 * is found here, so that only our own sockets get removed, never another run's.
 */
function ownIpcSockets(pgid) {
  if (process.platform !== 'linux' || pgid === undefined) return [];
  try {
    const byInode = new Map();
    for (const line of fs.readFileSync('/proc/net/unix', 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const file = fields[7];
      if (file && path.dirname(file) === os.tmpdir() && /^vscode-ipc-.*\.sock$/.test(path.basename(file))) byInode.set(fields[6], file);
    }
    if (byInode.size === 0) return [];
    const own = new Set();
    for (const pid of groupPids(pgid)) {
      let fds = [];
      try {
        fds = fs.readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const inode = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
          if (inode && byInode.has(inode)) own.add(byInode.get(inode));
        } catch {
          /* closed meanwhile */
        }
      }
    }
    return [...own];
  } catch {
    return [];
  }
}

async function runWithCodeServer(options, dirs, deadline) {
  for (const [what, file] of [['Node 24', paths.node24Bin], ['code-server', paths.codeServerBin], ['Chromium', paths.chromium]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is missing (${file}): run node scripts/vscode-host/setup.mjs first`);
  }
  const { chromium } = require('playwright-core');
  log('route: code-server + headless Chromium');

  const configFile = path.join(dirs.tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env = isolatedEnv(dirs, { PATH: `${path.dirname(paths.node24Bin)}${path.delimiter}${process.env.PATH ?? ''}` });
  delete env.VSCODE_IPC_HOOK_CLI; // if launched from a VS Code terminal, don't talk to that instance
  const serverArgs = [
    paths.codeServerBin,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.untrusted ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', configFile,
  ];

  if (options.vsix) {
    if (!fs.existsSync(options.vsix)) throw new Error(`no such .vsix: ${options.vsix}`);
    const t = Date.now();
    const r = spawnSync(paths.node24Bin, [...serverArgs, '--install-extension', options.vsix], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
      process.stdout.write(out);
      throw new Error(`installing ${options.vsix} failed (exit ${r.status ?? r.signal})`);
    }
    log(`installed ${path.basename(options.vsix)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }

  let server;
  let port;
  let browser;
  let socketWatch;
  const consoleLines = [];
  try {
    ({ server, port } = await startServer(serverArgs, env, dirs, deadline));
    activeServerPid = server.pid;
    log(`code-server up on 127.0.0.1:${port} (${seconds()})`);
    // The extension host exits before we end the group, leaving its socket file behind unowned: note ours while they live.
    const noteSockets = () => (ownSockets = [...new Set([...ownSockets, ...ownIpcSockets(server.pid)])]);
    noteSockets();
    socketWatch = setInterval(noteSockets, 500);

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    // The extension host runs extensionTestsPath only in extension development mode, so a .vsix run
    // still needs an extensionDevelopmentPath: an empty stub extension, so the installed build is the one tested.
    const developmentPath = options.vsix ? writeDevelopmentStub(dirs) : options.extensionPath;
    const payload = [
      ['extensionDevelopmentPath', remote(developmentPath)],
      ['extensionTestsPath', remote(options.testsPath)],
      ['extensionEnvironment', JSON.stringify(testEnvironment(options, dirs))],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await chromium.launch({
      executablePath: paths.chromium,
      headless: true,
      env,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    let onExit;
    const exited = new Promise((resolve) => (onExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => onExit(typeof code === 'number' ? code : Number(code) || 0));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - Date.now()) });
    log(`workbench opened (${seconds()}); running the suite`);

    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const serverDied = new Promise((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) resolve('server-exit');
      server.once('exit', () => resolve('server-exit'));
    });
    // The suite's run() creates the report file first thing: if it never appears, nothing is running the suite.
    let startTimer;
    const notStarted = new Promise((resolve) => {
      const startDeadline = Date.now() + START_TIMEOUT_MS;
      const poll = () => {
        if (fs.existsSync(dirs.report)) return;
        if (Date.now() > startDeadline) return resolve('not-started');
        startTimer = setTimeout(poll, 250);
      };
      poll();
    });
    const outcome = await Promise.race([exited, timedOut, serverDied, notStarted]);
    clearTimeout(timer);
    clearTimeout(startTimer);
    if (outcome === 'not-started') {
      log(`the suite did not start within ${START_TIMEOUT_MS / 1000} s of opening the workbench (is extensionTestsPath being run?)`);
      return { code: 1, consoleLines };
    }
    if (outcome === 'timeout') {
      log(`TIMEOUT: the suite did not finish within ${options.timeoutSeconds} s`);
      return { code: 1, consoleLines };
    }
    if (outcome === 'server-exit') {
      log(`code-server exited (${server.exitCode ?? server.signalCode}) before the suite finished`);
      return { code: 1, consoleLines };
    }
    log(`suite finished with exit code ${outcome} (${seconds()})`);
    return { code: outcome, consoleLines };
  } finally {
    clearInterval(socketWatch);
    if (browser) await browser.close().catch(() => {});
    if (server) ownSockets = [...new Set([...ownSockets, ...ownIpcSockets(server.pid)])];
    await killGroup(server);
  }
}

// ---------------------------------------------------------------- main
async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.testsPath)) {
    throw new Error(`${path.relative(process.cwd(), options.testsPath)} is missing: run node scripts/vscode-host/build-suite.mjs first`);
  }
  if (!fs.existsSync(options.workspace)) throw new Error(`workspace folder ${options.workspace} does not exist`);
  if (!options.vsix && !fs.existsSync(path.join(options.extensionPath, 'package.json'))) {
    throw new Error(`${options.extensionPath} has no package.json`);
  }
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  const dirs = makeTempDirs(options);
  if (options.report) dirs.report = options.report;
  log(
    `suite ${path.relative(paths.root, options.testsPath)}, workspace ${path.relative(paths.root, options.workspace) || '.'}, ` +
      (options.vsix ? `installed ${path.basename(options.vsix)}` : `development folder ${path.relative(paths.root, options.extensionPath) || '.'}`) +
      (options.grep ? `, grep ${JSON.stringify(options.grep)}` : ''),
  );

  let code;
  let cleanedUp = false;
  const cleanup = () => {
    if (cleanedUp) return;
    cleanedUp = true;
    fs.rmSync(dirs.tmp, { recursive: true, force: true, maxRetries: 3 });
    for (const file of ownSockets) fs.rmSync(file, { force: true });
  };
  // Interrupted (Ctrl+C, CI cancel): the detached code-server group would outlive us; end it too.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      if (activeServerPid !== undefined) {
        try {
          process.kill(-activeServerPid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      cleanup();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  try {
    let result;
    if (process.env.VSCODE_EXECUTABLE_PATH || process.env.CROSSWALK_HOST_ROUTE === 'electron') {
      code = await runWithTestElectron(options, dirs);
      result = { code, consoleLines: [] };
    } else {
      result = await runWithCodeServer(options, dirs, deadline);
      code = result.code;
    }
    const hadResult = printReport(dirs);
    if (!hadResult && code === 0) {
      log('the suite exited 0 but reported no HOST-RESULT line: counting the run as failed');
      code = 1;
    }
    if (options.verbose || !hadResult) {
      // The harness itself went wrong (or you asked): show everything we have.
      printServerLog(dirs);
      if (result.consoleLines.length) {
        log('---- browser console (last 80 lines) ----');
        console.log(result.consoleLines.slice(-80).join('\n'));
      }
    } else if (code !== 0) {
      // Tests failed: the extension host's own errors (failed activation, uncaught exceptions) reach only the browser console.
      const errors = result.consoleLines
        .filter((l) => /^\[(error|pageerror)\]/.test(l) && !OFFLINE_NOISE.test(l) && !SHUTDOWN_NOISE.test(l))
        .map((l) => l.split('\n').slice(0, 4).join('\n'));
      if (errors.length) {
        log('---- errors in the workbench console ----');
        console.log(errors.slice(-30).join('\n'));
      }
    }
  } catch (error) {
    log(`ERROR: ${error instanceof Error ? error.message : error}`);
    printReport(dirs);
    printServerLog(dirs);
    code = 1;
  } finally {
    cleanup();
  }
  log(`exit code ${code} after ${seconds()}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[host] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);

#!/usr/bin/env node
// Installs what the extension-host test route needs into the gitignored .vscode-test/ folder:
// Debian's chromium + libkrb5-dev, Node 24 (from npm, in its own folder) and code-server.
// Each step is skipped when its result is already there, so a second run takes well under a second.
// Why each piece: see the header of run.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { paths, CODE_SERVER_VERSION, NODE_MAJOR } from './paths.mjs';

const started = Date.now();
const log = (msg) => console.log(`[host-setup] ${msg}`);

/**
 * The environment for a nested `npm install`. Under `npm test`, the outer npm exports its lifecycle
 * variables; npm reads `npm_config_user_agent` as config, so the inner npm would claim the outer
 * Node version (20) and code-server's postinstall would refuse to run. Drop those.
 */
function cleanNpmEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(config_user_agent|node_execpath|execpath|command|lifecycle_|package_)/i.test(key) || key === 'NODE') delete env[key];
  }
  return { ...env, ...extra };
}

/** Runs a command without stdin (CI has none). With `quiet`, its output goes to .vscode-test/setup.log and is shown only on failure. */
function run(cmd, args, { quiet = false, ...opts } = {}) {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${path.relative(paths.root, opts.cwd) || '.'})` : ''}`);
  const result = spawnSync(cmd, args, {
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
    ...opts,
  });
  if (quiet) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    fs.appendFileSync(path.join(paths.testDir, 'setup.log'), `$ ${cmd} ${args.join(' ')}\n${output}\n`);
    if (result.status !== 0) process.stderr.write(output.split('\n').slice(-40).join('\n') + '\n');
  }
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Step 1: Debian packages (chromium is the workbench client; libkrb5-dev has gssapi.h for code-server's kerberos module). */
function debianPackages() {
  const missing = [];
  if (!fs.existsSync(paths.chromium)) missing.push('chromium');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) {
    log('chromium and libkrb5-dev: already installed');
    return;
  }
  const t = Date.now();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) =>
    sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args], { env, quiet: true }) : run('apt-get', args, { env, quiet: true });
  log(`missing: ${missing.join(', ')}; installing Debian packages (output in .vscode-test/setup.log)`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium', 'libkrb5-dev']);
  log(`Debian packages installed in ${elapsed(t)}`);
}

/** Step 2: Node 24 from the npm registry, in its own folder (code-server's postinstall refuses Node 20). */
function node24() {
  if (fs.existsSync(paths.node24Bin) && fs.existsSync(paths.node24Stamp)) {
    log(`Node ${NODE_MAJOR}: already at ${path.relative(paths.root, paths.node24Bin)}`);
    return;
  }
  const t = Date.now();
  fs.mkdirSync(paths.node24Dir, { recursive: true });
  fs.writeFileSync(
    path.join(paths.node24Dir, 'package.json'),
    JSON.stringify({ name: 'crosswalk-host-node', private: true, description: 'Node for code-server (test host only)' }, null, 2) + '\n',
  );
  run('npm', ['install', '--no-audit', '--no-fund', `node@${NODE_MAJOR}`], { cwd: paths.node24Dir, env: cleanNpmEnv() });
  if (!fs.existsSync(paths.node24Bin)) throw new Error(`npm install node@${NODE_MAJOR} did not produce ${paths.node24Bin}`);
  const version = spawnSync(paths.node24Bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`${paths.node24Bin} reports ${version}, expected v${NODE_MAJOR}.x`);
  fs.writeFileSync(paths.node24Stamp, version + '\n');
  log(`Node ${version} installed in ${elapsed(t)}`);
}

/** Step 3: code-server, built with Node 24 first on PATH and Node 24's headers for its native modules. */
function codeServer() {
  if (fs.existsSync(paths.codeServerBin) && fs.existsSync(paths.codeServerStamp)) {
    log(`code-server ${CODE_SERVER_VERSION}: already at ${path.relative(paths.root, paths.codeServerDir)}`);
    return;
  }
  const t = Date.now();
  fs.mkdirSync(paths.codeServerDir, { recursive: true });
  fs.writeFileSync(
    path.join(paths.codeServerDir, 'package.json'),
    JSON.stringify({ name: 'crosswalk-host-code-server', private: true, description: 'VS Code server for extension tests' }, null, 2) + '\n',
  );
  const env = cleanNpmEnv({
    PATH: `${path.dirname(paths.node24Bin)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: paths.node24Home, // ~/.npmrc may point nodedir at Node 20's headers
    npm_config_jobs: '2',
  });
  log('installing code-server (2 to 4 minutes on a fresh machine; about 1 GB)');
  run('npm', ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { cwd: paths.codeServerDir, env });
  if (!fs.existsSync(paths.codeServerBin)) throw new Error(`npm install code-server did not produce ${paths.codeServerBin}`);
  fs.writeFileSync(paths.codeServerStamp, CODE_SERVER_VERSION + '\n');
  log(`code-server ${CODE_SERVER_VERSION} installed in ${elapsed(t)}`);
}

/** Step 4: playwright-core is a devDependency of the project (no browser download); make sure `npm ci` ran. */
function playwright() {
  try {
    createRequire(import.meta.url).resolve('playwright-core', { paths: [paths.root] });
    log('playwright-core: present in node_modules');
  } catch {
    throw new Error('playwright-core is missing from node_modules: run `npm ci` first');
  }
}

try {
  if (process.platform !== 'linux') {
    log(`warning: this route is written for Linux; platform is ${process.platform}`);
  }
  fs.mkdirSync(paths.testDir, { recursive: true });
  debianPackages();
  node24();
  codeServer();
  playwright();
  log(`ready in ${elapsed(started)}`);
} catch (error) {
  console.error(`[host-setup] FAILED: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

#!/usr/bin/env node
// Installs the editors that scripts/lsp-clients/run.mjs drives against `crosswalk lsp --stdio`:
// Debian 12's neovim (0.7), emacs-nox (28) and elpa-eglot (1.9). What is there is skipped, so a
// second run takes no time; otherwise `apt-get update` once, then `apt-get install -y` of what is
// missing (CI runs as root on a fresh machine, as scripts/vscode-host/setup.mjs does for Chromium).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const log = (msg) => console.log(`[clients-setup] ${msg}`);

export const EGLOT_DIR = '/usr/share/emacs/site-lisp/elpa';

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function eglotInstalled() {
  return fs.existsSync(EGLOT_DIR) && fs.readdirSync(EGLOT_DIR).some((name) => /^eglot-\d/.test(name));
}

function run(cmd, args) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

export function setUpClients() {
  const missing = [];
  if (!has('nvim')) missing.push('neovim');
  if (!has('emacs')) missing.push('emacs-nox');
  if (!eglotInstalled()) missing.push('elpa-eglot');
  if (missing.length === 0) {
    log('neovim, emacs and eglot: already installed');
    return;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing ${missing.join(', ')}: install them (apt-get install ${missing.join(' ')}) or run as root`);
  }
  if (!has('apt-get')) throw new Error(`missing ${missing.join(', ')} and no apt-get to install them with`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    setUpClients();
  } catch (error) {
    console.error(`[clients-setup] ${error.message}`);
    process.exit(1);
  }
}

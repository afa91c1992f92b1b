#!/usr/bin/env node
// Real editors as clients of the built language server (`node dist/cli.js lsp --stdio`), headless:
// Neovim 0.7 (neovim.lua) and Emacs 28 + Eglot 1.9 in batch mode (eglot.el). Each opens a draft
// with a multi-byte line, and the script checks what the editor received: diagnostics on the right
// characters (the underlined text, as the editor places it), hover text, a quick fix listed and
// applied, and the server re-checking the edited buffer. Installs missing editors first (setup.mjs).
//
// Prints one `ok`/`not ok` line per check and ends with `CLIENTS-RESULT passed=N failed=N`; exits 1
// when a check failed or when an editor ran no test. Needs `npm run build` first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setUpClients } from './setup.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

// "UAT" stands after an accented letter, a dash and an emoji: byte, code point and UTF-16 columns all differ.
// The second sentence keeps a passive-voice finding after the fix, so the re-check is seen to publish a full list.
const DRAFT = '---\naudience: clinical\n---\n\n# Downtime\n\nCafé – the order sets 🚑 go live after UAT on Monday. The system is switched on at 7.\n';
const DRAFT_LINE = 6;

const CLIENTS = [
  {
    name: 'Neovim',
    command: (dir) => ['nvim', ['--headless', '-u', path.join(here, 'neovim.lua'), path.join(dir, 'draft.md')]],
  },
  {
    name: 'Emacs + Eglot',
    command: () => ['emacs', ['--batch', '-Q', '-l', path.join(here, 'eglot.el')]],
  },
];

function runClient(client) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `crosswalk-${client.name.split(' ')[0].toLowerCase()}-`));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  const out = path.join(dir, 'out.json');
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    CROSSWALK_CLI: cli,
    CROSSWALK_ROOT: dir,
    CROSSWALK_DRAFT: path.join(dir, 'draft.md'),
    CROSSWALK_OUT: out,
  };
  const [cmd, args] = client.command(dir);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (c) => (log += c));
    child.stderr.on('data', (c) => (log += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', (error) => (log += String(error)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let received;
      try {
        received = JSON.parse(fs.readFileSync(out, 'utf8'));
      } catch {
        received = undefined;
      }
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code: code ?? signal, log, received, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** The checks on what one editor received: each a name and a problem (or undefined when it holds). */
function checks(r) {
  const diagnostics = r?.diagnostics ?? [];
  const after = r?.after ?? [];
  const hover = typeof r?.hover === 'string' ? r.hover : '';
  const actions = r?.actions ?? [];
  const uat = (list) => list.filter((d) => d.code === 'jargon' && d.text === 'UAT' && d.line === DRAFT_LINE);
  return [
    ['diagnostics on the right characters', uat(diagnostics).length === 1 ? undefined : `underlined: ${JSON.stringify(diagnostics)}`],
    ['hover text', /user acceptance testing/.test(hover) && /For clinical staff here, say: \*?final testing by staff/.test(hover) && /Known to: IT/.test(hover) ? undefined : `hover: ${JSON.stringify(hover)}`],
    ['a quick fix listed and applied', actions.some((t) => t.startsWith('Replace with')) && actions.includes('Allow "UAT" in this document') &&
      /after final testing on Monday\. The system is switched on at 7\.$/.test(r?.edited_line ?? '') ? undefined : `actions ${JSON.stringify(actions)}, edited line ${JSON.stringify(r?.edited_line)}`],
    ['the server re-checks the edited buffer', r?.after && uat(after).length === 0 && after.some((d) => d.code === 'passive-voice' && d.text === 'is switched')
      ? undefined : `after the edit: ${JSON.stringify(after)}`],
  ];
}

async function main() {
  if (!fs.existsSync(cli)) throw new Error(`${path.relative(root, cli)} is missing: run npm run build first`);
  setUpClients();
  let passed = 0;
  let failed = 0;
  for (const client of CLIENTS) {
    const r = await runClient(client);
    const version = r.received?.client ?? client.name;
    console.log(`# ${version}: exit ${r.code} in ${r.seconds.toFixed(1)} s`);
    const results = checks(r.received);
    for (const [name, problem] of results) {
      if (problem === undefined && r.code === 0) {
        passed++;
        console.log(`ok - ${client.name}: ${name}`);
      } else {
        failed++;
        console.log(`not ok - ${client.name}: ${name}${problem ? `: ${problem}` : ''}`);
      }
    }
    if (r.code !== 0 || results.some(([, p]) => p)) {
      if (r.received?.error) console.log(`#   ${client.name} reported: ${r.received.error}`);
      if (r.log.trim()) console.log(r.log.trim().split('\n').slice(-30).map((l) => `#   ${l}`).join('\n'));
    }
  }
  console.log(`CLIENTS-RESULT passed=${passed} failed=${failed}`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`[clients] ${error.message}`);
    console.log('CLIENTS-RESULT passed=0 failed=1');
    process.exitCode = 1;
  },
);

#!/usr/bin/env node
// Runs the web extension's suite (test/web-suite) in a real web worker extension host: code-server
// and headless Chromium, the same install as the extension-host tests (scripts/vscode-host/), with
// a staged copy of the extension whose manifest has only the `browser` entry, so that VS Code runs
// it in the browser's worker host rather than the Node one (/work/shared/notes/web-extension-host.md).
// The suite learns where to write its report from crosswalk-test.json in a copy of
// test/web-workspace. Needs `npm run build` (dist/web/) and scripts/vscode-host/setup.mjs first.
// The symbolic-link fence's tests get real links: fenced/team.yaml and fenced/shared/ in the copied
// workspace lead to test/web-outside's copy beside it, outside the workspace folder.
// Prints the report and the HOST-RESULT line of scripts/vscode-host/run.mjs; exits as it does.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (msg) => console.log(`[web-host] ${msg}`);

/** The extension as a browser-only one: the manifest without `main`, and the files it names. */
function stageExtension(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new Error('package.json has no browser entry');
  delete manifest.main;
  delete manifest.scripts;
  delete manifest.devDependencies;
  delete manifest.dependencies;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const item of ['dist/web', 'media', 'snippets', 'syntaxes', 'data/schema', 'README.md', 'LICENSE']) {
    const from = path.join(root, item);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, item), { recursive: true });
  }
  for (const file of ['dist/web/extension.js', 'dist/web/server.js']) {
    if (!fs.existsSync(path.join(dir, file))) throw new Error(`${file} is missing: run npm run build first`);
  }
}

async function buildSuite(outFile) {
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'web-suite', 'index.ts')],
    outfile: outFile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    logLevel: 'warning',
  });
}

/**
 * The links the fence must refuse (issue 9; test/web-suite/index.ts): a team glossary and a
 * folder of drafts that lead outside the workspace folder. Made here because links cannot be
 * made through vscode.workspace.fs, and kept out of git so that they lead where this run says.
 */
function stageLinks(tmp, workspace) {
  const outside = path.join(tmp, 'outside');
  fs.cpSync(path.join(root, 'test', 'web-outside'), outside, { recursive: true });
  const fenced = path.join(workspace, 'fenced');
  fs.symlinkSync(path.join(outside, 'team-glossary.yaml'), path.join(fenced, 'team.yaml'));
  fs.symlinkSync(path.join(outside, 'drafts'), path.join(fenced, 'shared'), 'dir');
  return { glossary: path.join(outside, 'team-glossary.yaml'), draft: path.join(outside, 'drafts', 'linked-notice.md') };
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-web-'));
  try {
    const extension = path.join(tmp, 'extension');
    const workspace = path.join(tmp, 'workspace');
    // Inside the extension's folder: VS Code runs a suite in the host of the extension that holds it,
    // and a suite outside every extension in the remote (Node) host.
    const suite = path.join(extension, 'out', 'web-suite', 'index.js');
    const report = path.join(tmp, 'report.txt');
    stageExtension(extension);
    await buildSuite(suite);
    fs.cpSync(path.join(root, 'test', 'web-workspace'), workspace, { recursive: true });
    const outside = stageLinks(tmp, workspace);
    fs.writeFileSync(path.join(workspace, 'crosswalk-test.json'), JSON.stringify({ report, outside }) + '\n');
    log(`staged a browser-only copy of the extension in ${extension}`);
    const args = [path.join(root, 'scripts', 'vscode-host', 'run.mjs'), '--extension-path', extension, '--workspace', workspace, '--tests-path', suite, '--report', report, ...process.argv.slice(2)];
    return await new Promise((resolve) => {
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`[web-host] ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  },
);

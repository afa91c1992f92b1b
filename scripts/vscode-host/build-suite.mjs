#!/usr/bin/env node
// Compiles the extension-host suite (test/suite/*.ts, including subfolders) into out/suite/ with
// esbuild: one CommonJS bundle per entry (index.ts and every *.test.ts), `vscode` and `mocha` left
// external (the extension host provides `vscode`; Mocha comes from node_modules at run time).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const suiteDir = path.join(root, 'test', 'suite');
const outDir = path.join(root, 'out', 'suite');
const started = Date.now();

const entryPoints = fs
  .readdirSync(suiteDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
  .sort()
  .map((name) => path.join(suiteDir, name));
if (!entryPoints.some((p) => p.endsWith(`${path.sep}index.ts`))) {
  console.error('[build-suite] test/suite/index.ts is missing');
  process.exit(1);
}

fs.rmSync(outDir, { recursive: true, force: true });
try {
  await esbuild.build({
    entryPoints,
    outbase: suiteDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  });
} catch {
  process.exit(1); // esbuild has printed the errors
}
console.log(`[build-suite] ${entryPoints.length} file(s) -> ${path.relative(root, outDir)}/ in ${Date.now() - started} ms`);

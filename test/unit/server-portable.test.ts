import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import YAML from 'yaml';

/**
 * The language server's web worker entry (src/server/browser.ts) bundles into one file that needs
 * nothing a worker lacks: no Node built-in, no `require`, no `process` (a worker's `require` knows
 * only `vscode`; see esbuild.js). scripts/web-host/ runs it for real in npm test; this catches a
 * Node import in the server early.
 */
test('the web worker language server bundles with no Node built-ins', async () => {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, '..', '..', 'src', 'server', 'browser.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    conditions: ['worker', 'browser', 'import', 'default'],
    mainFields: ['browser', 'module', 'main'],
    write: false,
    logLevel: 'silent',
    metafile: true,
    // As the production build: minified, so that only code is left (esbuild names a glob require in a comment).
    minify: true,
    plugins: [{
      name: 'yaml',
      setup(build) {
        build.onLoad({ filter: /\.ya?ml$/ }, (args) => ({ contents: JSON.stringify(YAML.parse(fs.readFileSync(args.path, 'utf8'))), loader: 'json' }));
      },
    }],
  });
  const text = result.outputFiles[0].text;
  const requires = [...text.matchAll(/\brequire\(["'][^"']+["']\)/g)].map((m) => m[0]);
  assert.deepEqual(requires, [], 'the bundle requires nothing at run time');
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(!inputs.some((p) => /vscode-languageserver[\\/]lib[\\/]node[\\/]/.test(p)), 'the Node transport of vscode-languageserver is not in the bundle');
  assert.ok(inputs.some((p) => /src[\\/]core[\\/]linter\.ts$/.test(p)), 'the engine is inside the same file');
});

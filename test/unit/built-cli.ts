import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as esbuild from 'esbuild';

export const ROOT = path.join(__dirname, '..', '..');

/** Builds the CLI with esbuild.js's own options into a temporary folder; returns the file. */
export async function buildCli(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild.js is CommonJS and exports its build options
  const { builds } = require('../../esbuild.js') as { builds: esbuild.BuildOptions[] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same esbuild that esbuild.js uses
  const { build } = require('esbuild') as typeof esbuild;
  const options = builds.find((b) => (b.entryPoints as string[])[0] === 'src/cli/main.ts');
  assert.ok(options, 'esbuild.js builds the CLI from src/cli/main.ts');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-cli-build-'));
  const cli = path.join(out, 'cli.js');
  await build({ ...options, absWorkingDir: ROOT, outfile: cli, sourcemap: false, logLevel: 'silent' });
  return cli;
}

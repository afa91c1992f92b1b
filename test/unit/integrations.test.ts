import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { buildCli, ROOT } from './built-cli';

/**
 * The integrations teams install from this repository: the pre-commit hook and the GitHub
 * Action. The action's check step is run here as GitHub runs it (bash, its inputs as INPUT_*
 * variables, GITHUB_OUTPUT a file) against the built CLI.
 */
let cli = '';
before(async () => {
  cli = await buildCli();
});

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

test('.pre-commit-hooks.yaml: a crosswalk hook on Markdown that runs the package\'s bin, which npm builds on install', () => {
  const hooks = YAML.parse(read('.pre-commit-hooks.yaml')) as { id: string; entry: string; language: string; types: string[] }[];
  const hook = hooks.find((h) => h.id === 'crosswalk');
  assert.ok(hook);
  assert.deepEqual(hook.types, ['markdown']);
  assert.equal(hook.language, 'node');
  const pkg = JSON.parse(read('package.json'));
  const [bin, command] = hook.entry.split(' ');
  assert.ok(pkg.bin[bin], `${bin} is the package's bin`);
  assert.equal(command, 'check');
  assert.match(pkg.scripts.prepare, /esbuild\.js/, 'npm install (as pre-commit does) builds the bin');
  assert.doesNotMatch(read('.npmignore'), /^dist/m, 'npm pack keeps the built CLI');
});

interface Step { id?: string; name: string; shell: string; run: string; env?: Record<string, string> }

function runCheckStep(inputs: Record<string, string>, cwd: string): { code: number | null; out: string; outputs: Record<string, string> } {
  const action = YAML.parse(read('action.yml')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
  const step = action.runs.steps.find((s) => s.id === 'check');
  assert.ok(step, 'the action has a check step');
  const outputFile = path.join(cwd, '.github-output');
  fs.writeFileSync(outputFile, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: outputFile, CROSSWALK: cli };
  for (const [name, value] of Object.entries(step.env ?? {})) {
    const m = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value);
    if (m) env[name] = inputs[m[1]] ?? action.inputs[m[1]].default;
  }
  const result = spawnSync('bash', ['-e', '-c', step.run], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { code: result.status, out: result.stdout + result.stderr, outputs };
}

const drafts = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-action-'));
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.writeFileSync(path.join(dir, 'docs', 'notice.md'), '---\naudience: clinical\n---\n\nThe HL7 feed stops at [TIME].\n');
  fs.writeFileSync(path.join(dir, 'docs', 'ok.md'), 'Fine.\n');
  return dir;
};

test('action.yml: annotations by default, the exit code as an output, and fail-on-findings: false', () => {
  const action = YAML.parse(read('action.yml')) as { runs: { using: string; steps: Step[] } };
  assert.equal(action.runs.using, 'composite');
  assert.ok(!/\bcurl\b|\bwget\b/.test(read('action.yml')), 'no downloads of its own');
  const dir = drafts();
  const github = runCheckStep({ paths: 'docs/*.md' }, dir);
  assert.equal(github.code, 1, github.out);
  assert.match(github.out, /^::error file=docs\/notice\.md,line=5,.*Template blank/m);
  assert.match(github.out, /^::warning file=docs\/notice\.md,line=5,.*"HL7 feed"/m);
  assert.equal(github.outputs['exit-code'], '1');
  assert.equal(runCheckStep({ paths: 'docs', 'fail-on-findings': 'false' }, dir).code, 0);
  assert.equal(runCheckStep({ paths: 'docs', args: '--rule placeholder=off' }, dir).code, 0, 'args reach the CLI');
  assert.equal(runCheckStep({ paths: 'missing', 'fail-on-findings': 'false' }, dir).code, 2, 'bad input fails the step even with fail-on-findings false');
});

test('action.yml: format sarif writes the file that upload-sarif takes, and says where', () => {
  const dir = drafts();
  const sarif = runCheckStep({ paths: 'docs', format: 'sarif' }, dir);
  assert.equal(sarif.code, 1);
  assert.equal(sarif.outputs['sarif-file'], 'crosswalk.sarif');
  const log = JSON.parse(fs.readFileSync(path.join(dir, 'crosswalk.sarif'), 'utf8'));
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs[0].results.length >= 2);
  assert.match(sarif.out, /SARIF report written to crosswalk\.sarif/);
});

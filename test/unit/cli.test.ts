import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

async function run(args: string[], cwd?: string, input = ''): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, (s) => out.push(s), (s) => err.push(s), async () => input);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.chdir(before);
  }
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('text output: path:line:column severity message [rule-id], a summary, exit 1 on an error', async () => {
  const dir = workspace({ 'notice.md': '---\naudience: clinical\n---\n\nUAT starts [DATE].\n' });
  const { code, out } = await run(['check', 'notice.md'], dir);
  assert.equal(code, 1);
  assert.match(out, /^notice\.md:5:1 warning .*UAT.* \[jargon\]$/m);
  assert.match(out, /^notice\.md:5:12 error Template blank "\[DATE\]".* \[placeholder\]$/m);
  assert.match(out, /problems \(1 error, 1 warning, 0 info\) in 1 draft\.$/);
  assert.equal((await run(['check', 'notice.md', '--exit-zero'], dir)).code, 0);
});

test('folders are searched recursively for Markdown, globs expand, and --audience applies to drafts that name none', async () => {
  const dir = workspace({
    'a/one.md': 'The HL7 feed pauses.\n',
    'a/b/two.md': '---\naudience: it\n---\n\nThe HL7 feed pauses.\n',
    'a/notes.txt': 'UAT',
    'node_modules/x/readme.md': 'UAT',
  });
  const folder = await run(['check', 'a', '--audience', 'clinical', '--format', 'json'], dir);
  assert.equal(folder.code, 0);
  const json = JSON.parse(folder.out);
  assert.equal(json.version, 1);
  assert.deepEqual(json.files.map((f: { path: string }) => f.path).sort(), [path.join('a', 'b', 'two.md'), path.join('a', 'one.md')]);
  const one = json.files.find((f: { path: string }) => f.path.endsWith('one.md'));
  const two = json.files.find((f: { path: string }) => f.path.endsWith('two.md'));
  assert.deepEqual(one.audience, ['clinical']);
  assert.deepEqual(two.audience, ['it']);
  assert.ok(one.findings.some((f: { ruleId: string }) => f.ruleId === 'jargon'));
  assert.ok(!two.findings.some((f: { ruleId: string }) => f.ruleId === 'jargon'));
  assert.ok(one.stats.words > 0);
  const glob = JSON.parse((await run(['check', 'a/**/*.md', '--format=json'], dir)).out);
  assert.equal(glob.files.length, 2);
});

test('.crosswalk.yaml is found upwards, its problems are reported on it, and its team glossary is read', async () => {
  const dir = workspace({
    '.crosswalk.yaml': 'audience: clinical\nrules:\n  jargon: error\n  passive: off\nglossaries: [team.yaml, missing.yaml]\n',
    'team.yaml': 'version: 1\nterms:\n  - term: UAT\n    familiar_to: [it, clinical]\n',
    'drafts/notice.md': 'UAT and the HL7 feed start Monday.\n',
  });
  const { code, out } = await run(['check', 'drafts'], dir);
  assert.equal(code, 1, 'jargon is an error by config');
  assert.match(out, /^\.crosswalk\.yaml:4:3 warning Unknown rule "passive"; did you mean "passive-voice"\?.*\[config\]$/m);
  assert.match(out, /^\.crosswalk\.yaml:5:\d+ warning Team glossary "missing\.yaml" could not be read/m);
  assert.match(out, /drafts[\\/]notice\.md:1:\d+ error "HL7 feed"/);
  assert.doesNotMatch(out, /"UAT".*\[jargon\]/);
});

test('bad usage and unreadable files exit 2 with a clear message', async () => {
  const dir = workspace({ 'ok.md': 'Fine.\n' });
  const none = await run(['check'], dir);
  assert.equal(none.code, 2);
  assert.match(none.err, /needs at least one file/);
  const missing = await run(['check', 'nope.md'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no such file or folder: nope\.md/);
  const audience = await run(['check', 'ok.md', '--audience', 'martians'], dir);
  assert.equal(audience.code, 2);
  assert.match(audience.err, /unknown audience "martians".*clinical, admin, it, all/);
  assert.equal((await run(['check', 'ok.md', '--format', 'xml'], dir)).code, 2);
  assert.equal((await run(['frobnicate'], dir)).code, 2);
  const help = await run(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: crosswalk check/);
  const config = await run(['check', 'ok.md', '--config', 'absent.yaml'], dir);
  assert.equal(config.code, 2);
  assert.match(config.err, /Config file not found/);
});

test('the bundled examples are checked and the demo command exits 0', async () => {
  const root = path.join(__dirname, '..', '..');
  const { code, out } = await run(['check', 'examples', '--exit-zero'], root);
  assert.equal(code, 0);
  for (const name of ['downtime-notice-clinical.md', 'downtime-notice-admin.md', 'downtime-notice-it.md', 'go-live-announcement.md']) {
    assert.ok(out.includes(name), `${name} is in the output`);
  }
  // The model broad message raises nothing (EHR is a word every hospital reader knows); the JSON
  // output shows that it was checked all the same.
  const json = JSON.parse((await run(['check', 'examples', '--exit-zero', '--format', 'json'], root)).out) as { files: { path: string; findings: unknown[] }[] };
  const incident = json.files.find((f) => f.path.endsWith('incident-update-all.md'));
  assert.ok(incident, 'incident-update-all.md is checked');
  assert.deepEqual(incident.findings, []);
  assert.match(out, /in 5 drafts\.$/);
});

test('- reads a draft from standard input, and --format github prints annotations', async () => {
  const dir = workspace({});
  const { code, out } = await run(['check', '-', '--audience', 'clinical', '--format', 'github'], dir, 'The UAT starts [DATE], 100% sure.\n');
  assert.equal(code, 1);
  assert.match(out, /^::warning file=<stdin>,line=1,col=5,endLine=1,endColumn=8,title=Crosswalk jargon::"UAT"/m);
  assert.match(out, /^::error file=<stdin>,line=1,col=\d+,.*title=Crosswalk placeholder::Template blank "\[DATE\]"/m);
});

test('a broken team glossary is reported on its own file at the broken line, and checking goes on', async () => {
  const dir = workspace({
    '.crosswalk.yaml': 'glossaries: [team.yaml]\n',
    'team.yaml': 'version: 1\nterms:\n  - term: [UAT\n',
    'notice.md': '---\naudience: clinical\n---\n\nUAT starts Monday.\n',
  });
  const { code, out } = await run(['check', '.'], dir);
  assert.equal(code, 0);
  assert.match(out, /^team\.yaml:[34]:\d+ warning team\.yaml: Broken YAML/m);
  assert.match(out, /^notice\.md:5:1 warning "UAT"/m);
});

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { checkConfig, rules } from '../../src/index';
import { buildCli, ROOT } from './built-cli';

/**
 * The CLI as users and CI run it: built by esbuild.js's own options into a temporary folder and
 * started as a process, with a working folder, arguments and standard input.
 */
let cli = '';

before(async () => {
  cli = await buildCli();
});

interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

function run(args: string[], cwd: string, options: { input?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out: out.replace(/\n$/, ''), err: err.replace(/\n$/, ''), ms: Date.now() - started });
    });
    child.stdin.end(options.input ?? '');
  });
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const json = (r: Run) => JSON.parse(r.out) as { version: number; files: { path: string; audience: string[]; stats: { words: number } | null; findings: { ruleId: string; severity: string; message: string; term?: string }[] }[] };

test('text output: findings grouped under each file with line:column, severity and rule id, a summary by severity and by rule, exit 1 on an error', async () => {
  const dir = workspace({ 'notice.md': '---\naudience: clinical\n---\n\nUAT starts [DATE].\n' });
  const { code, out } = await run(['check', 'notice.md'], dir);
  assert.equal(code, 1);
  assert.match(out, /^notice\.md$/m);
  assert.match(out, /^ {2}5:1 +warning +.*UAT.* {2}jargon$/m);
  assert.match(out, /^ {2}5:12 +error +Template blank "\[DATE\]".* {2}placeholder$/m);
  assert.match(out, /^2 problems \(1 error, 1 warning, 0 info\) in 1 draft\.$/m);
  assert.match(out, /^By rule: jargon 1, placeholder 1\.$/m);
  assert.ok(!out.includes('\u001b['), 'no colour when standard output is not a terminal');
  assert.equal((await run(['check', 'notice.md', '--exit-zero'], dir)).code, 0);
  assert.ok((await run(['check', 'notice.md', '--color'], dir)).out.includes('\u001b[31merror'), '--color forces colour');
});

test('folders are searched recursively for Markdown, globs expand, and --audience applies to drafts that name none', async () => {
  const dir = workspace({
    'a/one.md': 'The HL7 feed pauses.\n',
    'a/b/two.md': '---\naudience: it\n---\n\nThe HL7 feed pauses.\n',
    'a/c/three.markdown': 'Fine.\n',
    'a/notes.txt': 'UAT',
    'node_modules/x/readme.md': 'UAT',
    'a/.hidden/x.md': 'UAT',
  });
  const folder = await run(['check', 'a', '--audience', 'clinical', '--format', 'json'], dir);
  assert.equal(folder.code, 0, folder.err);
  const report = json(folder);
  assert.equal(report.version, 1);
  assert.deepEqual(report.files.map((f) => f.path).sort(), [path.join('a', 'b', 'two.md'), path.join('a', 'c', 'three.markdown'), path.join('a', 'one.md')]);
  const one = report.files.find((f) => f.path.endsWith('one.md'));
  const two = report.files.find((f) => f.path.endsWith('two.md'));
  assert.deepEqual(one?.audience, ['clinical']);
  assert.deepEqual(two?.audience, ['it']);
  assert.ok(one?.findings.some((f) => f.ruleId === 'jargon'));
  assert.ok(!two?.findings.some((f) => f.ruleId === 'jargon'));
  assert.ok((one?.stats?.words ?? 0) > 0);
  assert.equal(json(await run(['check', 'a/**/*.md', '--format=json'], dir)).files.length, 2);
  assert.equal(json(await run(['check', './a/*.md', '--format=json'], dir)).files.length, 1);
  assert.equal(json(await run(['check', '.', '--format=json'], dir)).files.length, 3, 'node_modules and hidden folders are skipped');
  assert.equal(json(await run(['check', 'a/.hidden', '--format=json'], dir)).files.length, 1, 'a hidden folder named on the command line is searched');
});

test('--audience takes a team audience from .crosswalk.yaml, and an unknown one exits 2 naming the valid ones', async () => {
  const dir = workspace({ '.crosswalk.yaml': 'audiences:\n  pharmacy:\n    extends: clinical\n    label: Pharmacy\n', 'n.md': 'The HL7 feed pauses.\n' });
  const team = await run(['check', 'n.md', '--audience', 'pharmacy', '--format', 'json'], dir);
  assert.equal(team.code, 0, team.err);
  assert.deepEqual(json(team).files.find((f) => f.path === 'n.md')?.audience, ['pharmacy']);
  const unknown = await run(['check', 'n.md', '--audience', 'pharmacyy'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown audience "pharmacyy"\. Valid audiences: .*pharmacy/);
});

test('.crosswalk.yaml is found upwards, its problems are reported on it, and its team glossary is read', async () => {
  const dir = workspace({
    '.crosswalk.yaml': 'audience: clinical\nrules:\n  jargon: error\n  passive: off\nglossaries: [team.yaml, missing.yaml]\n',
    'team.yaml': 'version: 1\nterms:\n  - term: UAT\n    familiar_to: [it, clinical]\n',
    'drafts/notice.md': 'UAT and the HL7 feed start Monday.\n',
  });
  const { code, out } = await run(['check', 'drafts'], dir);
  assert.equal(code, 1, 'jargon is an error by config');
  assert.match(out, /^\.crosswalk\.yaml\n {2}4:3 +warning +Unknown rule "passive"; did you mean "passive-voice"\?.* {2}config$/m);
  assert.match(out, /^ {2}5:\d+ +warning +Team glossary "missing\.yaml" could not be read/m);
  assert.match(out, /^drafts[\\/]notice\.md\n {2}1:\d+ +error +"HL7 feed"/m);
  assert.doesNotMatch(out, /"UAT".* {2}jargon/);
});

test('bad usage, unreadable files and broken configs exit 2 with a clear message', async () => {
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
  const format = await run(['check', 'ok.md', '--format', 'xml'], dir);
  assert.equal(format.code, 2);
  assert.match(format.err, /--format must be text, json, sarif, github/);
  assert.match((await run(['check', 'ok.md', '--rule', 'jargonn=off'], dir)).err, /unknown rule "jargonn"/);
  assert.match((await run(['check', 'ok.md', '--rule', 'jargon=loud'], dir)).err, /"loud" is not a level/);
  assert.match((await run(['check', 'ok.md', '--max-warnings', 'many'], dir)).err, /--max-warnings takes a whole number/);
  assert.match((await run(['check', 'ok.md', '--bogus'], dir)).err, /Unknown option --bogus/);
  assert.equal((await run(['frobnicate'], dir)).code, 2);
  const help = await run(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: crosswalk check/);
  assert.match(help.out, /crosswalk init/);
  const version = await run(['--version'], dir);
  assert.equal(version.out, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  const config = await run(['check', 'ok.md', '--config', 'absent.yaml'], dir);
  assert.equal(config.code, 2);
  assert.match(config.err, /Config file not found/);

  const broken = workspace({ '.crosswalk.yaml': 'audience: clinical\nrules:\n  jargon: [error\nallow: [Epic]\n', 'ok.md': 'Fine.\n' });
  const yamlError = await run(['check', 'ok.md'], broken);
  assert.equal(yamlError.code, 2, 'a YAML error in .crosswalk.yaml exits 2');
  assert.match(yamlError.err, /^crosswalk: \.crosswalk\.yaml:\d+:\d+: Broken YAML/m, 'the message names the file and line');
});

test('the bundled examples are checked and the demo command exits 0', async () => {
  const { code, out } = await run(['check', 'examples', '--exit-zero'], ROOT);
  assert.equal(code, 0);
  for (const name of ['downtime-notice-clinical.md', 'downtime-notice-admin.md', 'downtime-notice-it.md', 'go-live-announcement.md', 'post-incident-review-admin.md']) {
    assert.ok(out.includes(name), `${name} is in the output`);
  }
  // The model broad message raises nothing (EHR is a word every hospital reader knows); the JSON
  // output shows that it was checked all the same.
  const report = json(await run(['check', 'examples', '--exit-zero', '--format', 'json'], ROOT));
  const incident = report.files.find((f) => f.path.endsWith('incident-update-all.md'));
  assert.ok(incident, 'incident-update-all.md is checked');
  assert.deepEqual(incident.findings, []);
  // So does the complete change notice (one of each: complete and incomplete drafts of a type).
  assert.deepEqual(report.files.find((f) => f.path.endsWith('change-notice-it.md'))?.findings, []);
  assert.match(out, /in 7 drafts\.$/m);
});

test('- and --stdin read a draft from standard input; --stdin-filename names it and finds its config', async () => {
  const dir = workspace({ 'docs/.crosswalk.yaml': 'audience: it\n' });
  const input = 'The UAT starts [DATE], 100% sure.\n';
  const dash = await run(['check', '-', '--audience', 'clinical', '--format', 'github'], dir, { input });
  assert.equal(dash.code, 1);
  assert.match(dash.out, /^::warning file=<stdin>,line=1,col=5,endLine=1,endColumn=8,title=Crosswalk jargon::"UAT"/m);
  assert.match(dash.out, /^::error file=<stdin>,line=1,col=\d+,.*title=Crosswalk placeholder::Template blank "\[DATE\]"/m);
  const named = json(await run(['check', '--stdin', '--stdin-filename', 'docs/notice.md', '--format', 'json'], dir, { input }));
  assert.equal(named.files[0].path, 'docs/notice.md');
  assert.deepEqual(named.files[0].audience, ['it'], 'the config beside the named file applies');
  assert.equal((await run(['check', '--stdin-filename', 'x.md', 'a.md'], dir)).code, 2);
});

test('a broken team glossary is reported on its own file at the broken line, and checking goes on', async () => {
  const dir = workspace({
    '.crosswalk.yaml': 'glossaries: [team.yaml]\n',
    'team.yaml': 'version: 1\nterms:\n  - term: [UAT\n',
    'notice.md': '---\naudience: clinical\n---\n\nUAT starts Monday.\n',
  });
  const { code, out } = await run(['check', '.'], dir);
  assert.equal(code, 0);
  assert.match(out, /^team\.yaml\n {2}[34]:\d+ +warning +team\.yaml: Broken YAML/m);
  assert.match(out, /^notice\.md\n {2}5:1 +warning +"UAT"/m);
});

const DRAFTS = {
  'docs/downtime notice [v2].md': '---\naudience: clinical\n---\n\n# EHR downtime\n\nThe EHR is down on Saturday. UAT of the HL7 feed starts [DATE].\n',
  'docs/it.md': '---\naudience: it\n---\n\nThe HL7 feed is paused while the interface engine restarts.\n',
  'docs/again.md': '---\naudience: clinical\n---\n\nThe HL7 feed pauses. Later the HL7 feed restarts.\n',
};

test('sarif: valid SARIF 2.1.0 (OASIS schema), rules with descriptions and help, relative URIs, fingerprints that survive moved lines', async () => {
  const dir = workspace(DRAFTS);
  const result = await run(['check', 'docs', '--format', 'sarif'], dir);
  assert.equal(result.code, 1, result.err);
  interface SarifResult { ruleId: string; ruleIndex: number; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }
  interface SarifRule { id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string } }
  const sarif = JSON.parse(result.out) as { version: string; runs: { tool: { driver: { name: string; rules: SarifRule[] } }; results: SarifResult[] }[] };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'schema', 'sarif-schema-2.1.0.json'), 'utf8')));
  assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
  assert.equal(sarif.version, '2.1.0');
  const runObject = sarif.runs[0];
  const driver = runObject.tool.driver;
  assert.equal(driver.name, 'Crosswalk');
  for (const rule of rules) {
    const descriptor = driver.rules.find((r) => r.id === rule.id);
    assert.ok(descriptor, `rule ${rule.id}`);
    assert.ok(descriptor.shortDescription.text && descriptor.fullDescription.text, `${rule.id} descriptions`);
    assert.match(descriptor.helpUri, new RegExp(`#rule-${rule.id}$`));
  }
  const findings = json(await run(['check', 'docs', '--format', 'json'], dir)).files.flatMap((f) => f.findings);
  assert.equal(runObject.results.length, findings.length, 'one result per finding');
  const uris = new Set(runObject.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
  assert.deepEqual([...uris].sort(), ['docs/again.md', 'docs/downtime%20notice%20%5Bv2%5D.md', 'docs/it.md']);
  const again = runObject.results.find((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'docs/again.md' && r.ruleId === 'jargon') as SarifResult & { relatedLocations?: { physicalLocation: { region: { startColumn: number } } }[] };
  assert.equal(again?.relatedLocations?.[0]?.physicalLocation.region.startColumn, 32, 'the later use of the term is a related location');
  for (const r of runObject.results) {
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
    assert.match(r.partialFingerprints['crosswalkFinding/v1'], /^[0-9a-f]{32}$/);
  }
  // A line added above every finding moves them all, and changes no fingerprint.
  const draft = path.join(dir, 'docs', 'downtime notice [v2].md');
  fs.writeFileSync(draft, fs.readFileSync(draft, 'utf8').replace('# EHR downtime\n', '# EHR downtime\n\nA new first paragraph.\n'));
  const moved = (JSON.parse((await run(['check', 'docs', '--format', 'sarif'], dir)).out) as typeof sarif).runs[0].results;
  const prints = (results: SarifResult[]) => results.map((r) => r.partialFingerprints['crosswalkFinding/v1']).sort();
  assert.deepEqual(prints(moved), prints(runObject.results));

  // The SARIF Multitool's validator (rules beyond the schema), where it is installed.
  const multitool = path.join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool', 'bin.js');
  const native = path.join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
  if (process.platform === 'linux' && fs.existsSync(multitool) && fs.existsSync(native)) {
    const file = path.join(dir, 'report.sarif');
    const written = await run(['check', 'docs', '--format', 'sarif', '--output', 'report.sarif'], dir);
    assert.equal(written.out, '', '--output writes the report to the file, not standard output');
    let output = '';
    try {
      output = execFileSync(process.execPath, [multitool, 'validate', file], { encoding: 'utf8', timeout: 120_000 });
    } catch (error) {
      assert.fail(`sarif-multitool validate failed: ${(error as { stdout?: string }).stdout ?? error}`);
    }
    assert.doesNotMatch(output, /: error /, output);
    assert.match(output, /Analysis completed successfully/);
  }
});

test('github: one annotation per finding, a summary line, and a note when GitHub would hide some', async () => {
  const drafts: Record<string, string> = { 'one.md': '---\naudience: clinical\n---\n\nThe HL7 feed restarts.\n' };
  for (let i = 1; i <= 12; i++) drafts[`many/${String(i).padStart(2, '0')}.md`] = '---\naudience: clinical\n---\n\nThe HL7 feed restarts.\n';
  const dir = workspace(drafts);
  const small = await run(['check', 'one.md', '--format', 'github'], dir);
  assert.match(small.out, /^::warning file=one\.md,line=5,/m);
  assert.match(small.out, /^Crosswalk: 1 problem \(0 errors, 1 warning, 0 info\) in 1 draft\.$/m);
  assert.doesNotMatch(small.out, /GitHub shows/);
  const big = await run(['check', '.', '--format', 'github'], dir);
  assert.equal(big.out.split('\n').filter((l) => l.startsWith('::warning ')).length, 13, 'every finding is printed');
  assert.match(big.out, /GitHub shows 10 annotations of each kind per step: 3 more warnings are in this log above, and all are in the SARIF .* or text output\.$/m);
});

test('exit codes: --max-warnings, --quiet and --rule', async () => {
  const dir = workspace({ 'n.md': '---\naudience: clinical\n---\n\nThe HL7 feed and the UAT restart.\n' });
  assert.equal((await run(['check', 'n.md'], dir)).code, 0, 'warnings only: 0');
  assert.equal((await run(['check', 'n.md', '--max-warnings', '2'], dir)).code, 0);
  const over = await run(['check', 'n.md', '--max-warnings', '1'], dir);
  assert.equal(over.code, 1);
  assert.match(over.err, /2 warnings, more than --max-warnings 1/);
  const quiet = await run(['check', 'n.md', '--quiet'], dir);
  assert.doesNotMatch(quiet.out, /warning {2}/, '--quiet shows errors only');
  const error = await run(['check', 'n.md', '--rule', 'jargon=error', '--quiet'], dir);
  assert.equal(error.code, 1);
  assert.match(error.out, /error +"HL7 feed"/);
  const off = json(await run(['check', 'n.md', '--rule', 'jargon=off', '--format', 'json'], dir));
  assert.ok(!off.files[0].findings.some((f) => f.ruleId === 'jargon'));
});

test('.gitignore, .crosswalkignore and files:/ignore: in .crosswalk.yaml leave files out; a named file that is left out is said, and exits 0', async () => {
  const dir = workspace({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\nscratch-*.md\n',
    '.crosswalkignore': 'drafts/old/\n!scratch-keep.md\n',
    '.crosswalk.yaml': 'files:\n  - drafts/\n  - README.md\n  - "*.notice.md"\nignore:\n  - CHANGELOG.md\n',
    'README.md': 'Readme.\n',
    'CHANGELOG.md': 'Changes.\n',
    'drafts/a.md': 'A.\n',
    'drafts/CHANGELOG.md': 'Changes.\n',
    'drafts/old/b.md': 'B.\n',
    'drafts/scratch-1.md': 'S.\n',
    'drafts/scratch-keep.md': 'K.\n',
    'build/drafts/c.md': 'C.\n',
    'other/x.md': 'X.\n',
    'other/y.notice.md': 'Y.\n',
    'misc/z.md': 'Z.\n',
  });
  const paths = async (args: string[]) => json(await run([...args, '--format', 'json'], dir)).files.map((f) => f.path.split(path.sep).join('/')).filter((p) => !p.startsWith('.')).sort();
  assert.deepEqual(await paths(['check', '.']), ['README.md', 'drafts/a.md', 'drafts/scratch-keep.md', 'other/y.notice.md']);
  assert.deepEqual(await paths(['check', '.', '--no-ignore']), ['README.md', 'build/drafts/c.md', 'drafts/a.md', 'drafts/old/b.md', 'drafts/scratch-1.md', 'drafts/scratch-keep.md', 'other/y.notice.md']);
  assert.deepEqual(await paths(['check', 'drafts/**/*.md']), ['drafts/a.md', 'drafts/scratch-keep.md']);
  const named = await run(['check', 'drafts/CHANGELOG.md', 'drafts/old/b.md', 'drafts/a.md', 'other/x.md'], dir);
  assert.equal(named.code, 0);
  assert.match(named.err, /skipped drafts[\\/]CHANGELOG\.md: matched by ignore: "CHANGELOG\.md" in the config/);
  assert.match(named.err, /skipped other[\\/]x\.md: not matched by files: in the config/);
  assert.match(named.err, /skipped drafts[\\/]old[\\/]b\.md: ignored by \.crosswalkignore \("drafts\/old\/"\)/);
  assert.match(named.out, /No problems in 1 draft\./);
  const allLeftOut = await run(['check', 'CHANGELOG.md'], dir);
  assert.equal(allLeftOut.code, 0, 'a pre-commit run on files that are all left out passes');
  const folder = await run(['check', 'drafts/old'], dir);
  assert.equal(folder.code, 2);
  assert.match(folder.err, /no drafts to check in drafts\/old: the folder is ignored by \.crosswalkignore/);
  const leftOut = await run(['check', 'misc'], dir);
  assert.equal(leftOut.code, 2, 'a folder whose drafts are all left out by files: says so');
  assert.match(leftOut.err, /no drafts to check in misc: its 1 Markdown file is left out/);
});

test('--fix applies only safe fixes: each acronym is spelled out at its first use and every other byte is unchanged; --fix-dry-run prints the diff and writes nothing', async () => {
  // With jargon on, an acronym the readers do not know is a jargon finding (below); a team that
  // turns jargon off gets undefined-acronym's, each spelled out once.
  const original = '---\naudience: admin\n---\n\n<!-- keep this comment -->\nThe **MAR** and [the portal](https://example.org/MAR) pause at 22:00. The MAR is back at [TIME].\n\nThe PACS  stays   on paper.\r\n';
  const dir = workspace({ 'notice.md': original, '.crosswalk.yaml': 'rules:\n  jargon: off\n' });
  const file = path.join(dir, 'notice.md');
  const before = json(await run(['check', 'notice.md', '--format', 'json'], dir)).files.find((f) => f.path === 'notice.md')?.findings ?? [];
  const safe = before.filter((f) => f.ruleId === 'undefined-acronym');
  assert.equal(safe.length, 2, `the draft has two safe findings: ${before.map((f) => f.message).join(' | ')}`);
  assert.ok(before.some((f) => f.ruleId === 'placeholder'), 'and one with no fix');

  const dry = await run(['check', 'notice.md', '--fix-dry-run'], dir);
  assert.equal(fs.readFileSync(file, 'utf8'), original, 'a dry run writes nothing');
  assert.match(dry.out, /^--- a\/notice\.md$/m);
  assert.match(dry.out, /^\+The \*\*medication administration record \(MAR\)\*\* and \[the portal\]\(https:\/\/example\.org\/MAR\)/m);
  assert.match(dry.err, /2 safe fixes in 1 draft would be applied \(dry run: nothing written\)/);

  const fixed = await run(['check', 'notice.md', '--fix'], dir);
  assert.equal(fixed.code, 1, 'the template blank is still an error');
  const after = fs.readFileSync(file, 'utf8');
  assert.equal(after, original.replace('**MAR**', '**medication administration record (MAR)**').replace('The PACS  stays', 'The picture archiving and communication system (PACS)  stays'), 'only the safe fixes changed the text');
  assert.match(fixed.out, /Fixed 2 findings in 1 draft \(safe fixes only\)\./);
  const left = json(await run(['check', 'notice.md', '--format', 'json'], dir)).files.find((f) => f.path === 'notice.md')?.findings ?? [];
  assert.ok(!left.some((f) => f.ruleId === 'undefined-acronym'), 'the safe findings are gone');
  assert.ok(left.some((f) => f.ruleId === 'placeholder'), 'the others stay');
  await run(['check', 'notice.md', '--fix'], dir);
  assert.equal(fs.readFileSync(file, 'utf8'), after, 'a second --fix changes nothing');

  // --fix applies the editor's fix-all plan (src/core/fix-all.ts): jargon's acronym is spelled out
  // at its first use (safe, as fix-on-save does it), and jargon's plain words, not marked safe,
  // are never applied: "HL7 feed" stays as written.
  const jargon = workspace({ 'n.md': '---\naudience: clinical\n---\n\nThe HL7 feed and the RTO.\n' });
  const jargonFixed = await run(['check', 'n.md', '--fix'], jargon);
  assert.equal(fs.readFileSync(path.join(jargon, 'n.md'), 'utf8'), '---\naudience: clinical\n---\n\nThe HL7 feed and the recovery time objective (RTO).\n');
  assert.match(jargonFixed.out, /Fixed 1 finding in 1 draft \(safe fixes only\)\./);
  assert.equal((await run(['check', '-', '--fix'], dir, { input: 'MAR.' })).code, 2, '--fix cannot write standard input');
});

test('init writes a starter .crosswalk.yaml that is valid and never overwrites one', async () => {
  const dir = workspace({});
  const first = await run(['init', '--audience', 'clinical'], dir);
  assert.equal(first.code, 0, first.err);
  const text = fs.readFileSync(path.join(dir, '.crosswalk.yaml'), 'utf8');
  assert.match(text, /^audience: clinical$/m);
  for (const key of ['rules:', 'glossaries:', 'files:', 'ignore:']) assert.ok(text.includes(key), `mentions ${key}`);
  assert.match(text, /^# /m, 'has comments');
  assert.deepEqual(checkConfig(text).findings, [], 'the starter config has no problems');
  fs.writeFileSync(path.join(dir, '.crosswalk.yaml'), 'audience: it\n');
  const second = await run(['init'], dir);
  assert.equal(second.code, 2);
  assert.match(second.err, /\.crosswalk\.yaml already exists here; it was not changed/);
  assert.equal(fs.readFileSync(path.join(dir, '.crosswalk.yaml'), 'utf8'), 'audience: it\n');
});

test('explain prints the glossary entry: definition, who knows it, the wording for each audience, sources; team terms too', async () => {
  const dir = workspace({
    '.crosswalk.yaml': 'glossaries: [team.yaml]\n',
    'team.yaml': 'version: 1\nterms:\n  - term: Bluebird\n    definition: Our bed-management board.\n    familiar_to: [clinical]\n    plain: the bed board\n',
  });
  const ehr = await run(['explain', 'ehr'], dir);
  assert.equal(ehr.code, 0, ehr.err);
  assert.match(ehr.out, /^EHR: electronic health record$/m);
  assert.match(ehr.out, /^Known to: /m);
  assert.match(ehr.out, /^Sources:$/m);
  const hl7 = await run(['explain', 'HL7 feed'], dir);
  assert.match(hl7.out, /^Not known to: .*clinical/m);
  assert.match(hl7.out, /for clinical readers: /);
  const team = await run(['explain', 'bluebird'], dir);
  assert.match(team.out, /Our bed-management board\./);
  assert.match(team.out, /for IT readers: the bed board/);
  const unknown = await run(['explain', 'EHRR'], dir);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /no glossary entry for "EHRR"\. Did you mean "EHR"\?/);
  assert.equal((await run(['explain'], dir)).code, 2);
});

test('rules lists every rule with its default severity', async () => {
  const { code, out } = await run(['rules'], ROOT);
  assert.equal(code, 0);
  for (const rule of rules) assert.match(out, new RegExp(`^${rule.id} +${rule.defaultSeverity} `, 'm'));
  const listed = JSON.parse((await run(['rules', '--json'], ROOT)).out);
  assert.deepEqual(listed.rules.map((r: { id: string }) => r.id), rules.map((r) => r.id));
});

test('no input hangs or stops the CLI: unbalanced globs, brackets in names, [!a], pipes and devices, empty folders, a config that is a folder', async () => {
  const dir = workspace({ 'docs/notes [draft].md': 'The HL7 feed.\n', 'docs/a.md': 'A.\n', 'docs/b.md': 'B.\n', 'empty/notes.txt': 'x' });
  for (const glob of ['docs/{a', 'docs/[a', 'docs/{{{{{{{{{{a', `docs/${'['.repeat(500)}`]) {
    const r = await run(['check', glob], dir, { timeoutMs: 10_000 });
    assert.equal(r.code, 2, `${glob} exits 2`);
    assert.ok(r.ms < 8000, `${glob} took ${r.ms} ms`);
    assert.match(r.err, /no drafts match/);
  }
  assert.deepEqual(json(await run(['check', 'docs/notes [draft].md', '--format', 'json'], dir)).files.map((f) => f.path), [path.join('docs', 'notes [draft].md')]);
  assert.deepEqual(json(await run(['check', 'docs/[!a]*.md', '--format', 'json'], dir)).files.map((f) => f.path), [path.join('docs', 'b.md'), path.join('docs', 'notes [draft].md')]);
  const empty = await run(['check', 'empty'], dir);
  assert.equal(empty.code, 2);
  assert.match(empty.err, /no drafts in empty/);

  if (process.platform !== 'win32') {
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    execFileSync('mkfifo', [path.join(dir, 'docs', 'pipe.md')]);
    fs.writeFileSync(path.join(dir, '.crosswalk.yaml'), 'glossaries: [fifo.yaml, /dev/zero]\n');
    const refused = await run(['check', 'docs/a.md'], dir, { timeoutMs: 10_000 });
    assert.equal(refused.code, 0, refused.err);
    assert.match(refused.out, /Team glossary "fifo\.yaml" could not be read .*not a regular file/);
    // /dev/zero lies outside the project folder: the path fence (src/core/paths.ts) refuses it before any read.
    assert.match(refused.out, /Team glossary "\/dev\/zero" is outside the project folder/);
    const pipe = await run(['check', 'docs/pipe.md', 'docs/a.md'], dir, { timeoutMs: 10_000 });
    assert.equal(pipe.code, 2, 'a draft that cannot be read exits 2');
    assert.match(pipe.err, /cannot read docs[\\/]pipe\.md: .*not a regular file/);
    assert.match(pipe.out, /in 1 draft\./, 'the other draft is checked and reported');
    fs.rmSync(path.join(dir, '.crosswalk.yaml'));
  }
  fs.mkdirSync(path.join(dir, 'docs', '.crosswalk.yaml'));
  const folderConfig = await run(['check', 'docs/a.md'], dir);
  assert.equal(folderConfig.code, 2);
  assert.match(folderConfig.err, new RegExp(`${path.join(dir, 'docs', '.crosswalk.yaml').replace(/[\\[\]]/g, '\\$&')} is a folder, not a file`));
  fs.rmdirSync(path.join(dir, 'docs', '.crosswalk.yaml'));
  fs.symlinkSync('.crosswalk.yaml', path.join(dir, 'docs', '.crosswalk.yaml'));
  const loop = await run(['check', 'docs/a.md'], dir);
  assert.equal(loop.code, 2, 'a config that cannot be read exits 2');
  assert.match(loop.err, /cannot read .*docs[\\/]\.crosswalk\.yaml/);
  fs.rmSync(path.join(dir, 'docs', '.crosswalk.yaml'));

  fs.writeFileSync(path.join(dir, 'docs', 'huge.md'), 'word '.repeat(1_100_000));
  const huge = await run(['check', 'docs'], dir);
  assert.equal(huge.code, 2, 'one draft that cannot be checked exits 2');
  assert.match(huge.err, /cannot read docs[\\/]huge\.md: .*more than the 5 MB/);
  assert.match(huge.out, /in 3 drafts\./, 'the other drafts are reported');
  assert.equal(huge.err.split('\n').length, 1, 'nothing else on standard error (no progress line off a terminal)');
  assert.match((await run(['check', 'docs/a.md', '--output', 'docs/a.md'], dir)).err, /would be overwritten/);
});

test('on a terminal, a progress line on standard error while many drafts are checked, cleared at the end', async (t) => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 25; i++) files[`d/${String(i).padStart(2, '0')}.md`] = 'Fine.\n';
  const dir = workspace(files);
  // util-linux `script` runs the CLI on a pseudo-terminal, as a user's shell would.
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    t.skip('no script(1) to provide a terminal');
    return;
  }
  const command = [process.execPath, cli, 'check', 'd'].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  assert.equal(tty.status, 0, tty.stdout);
  assert.ok(tty.stdout.includes('\r\u001b[K[1/25] d/00.md'), `a progress line: ${JSON.stringify(tty.stdout.slice(0, 200))}`);
  assert.match(tty.stdout, /No problems in 25 drafts\./);
  const piped = await run(['check', 'd'], dir);
  assert.equal(piped.err, '', 'nothing on standard error off a terminal');
});

test('files: and ignore: are in the config schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'schema', 'config.schema.json'), 'utf8'));
  assert.equal(schema.properties.files.type, 'array');
  assert.equal(schema.properties.ignore.type, 'array');
});

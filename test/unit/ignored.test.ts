import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import {
  addIgnoredToConfigText, checkConfig, createLinter, draftPathFromConfig, EditRefused, ignoreEntryFor, withoutIgnored, type Finding,
} from '../../src/index';
import { buildCli, ROOT } from './built-cli';

/**
 * "Ignore here" (src/core/ignored.ts): a finding left on purpose is stored under `ignored:` in
 * `.crosswalk.yaml` by rule, file, text and context, so that it stays ignored after edits
 * elsewhere in the draft, and the CLI leaves it out as the editor does.
 */

const DRAFT = [
  '---',
  'audience: admin',
  '---',
  '',
  '# Downtime notice',
  '',
  'Keep every patient NPO after midnight before the cutover.',
  '',
  'The pharmacy team will confirm NPO orders with each unit by noon.',
  '',
].join('\n');

const lintAt = (text: string, ignored: unknown[] = [], file = '/ws/drafts/notice.md') =>
  createLinter({ path: file, configPath: '/ws/.crosswalk.yaml', config: { ignored: ignored as never } }).lint(text);

const npoFirst = (findings: Finding[], text: string) => findings.find((f) => f.term === 'NPO' && text.slice(f.range.start.offset).startsWith('NPO after'));

test('an ignored finding is left out, and stays out after edits elsewhere in the draft', () => {
  const first = lintAt(DRAFT);
  const finding = npoFirst(first.findings, DRAFT);
  assert.ok(finding, `the draft has an NPO finding: ${first.findings.map((f) => f.ruleId + ':' + f.term).join(', ')}`);
  const entry = ignoreEntryFor(DRAFT, finding, 'drafts/notice.md');
  assert.deepEqual(entry, { rule: finding.ruleId, file: 'drafts/notice.md', text: 'NPO', context: 'Keep every patient NPO after midnight before the cutover.' });
  const ignoredOnce = lintAt(DRAFT, [entry]);
  assert.equal(npoFirst(ignoredOnce.findings, DRAFT), undefined, 'the ignored finding is gone');
  assert.equal(ignoredOnce.findings.length, first.findings.length - 1, 'only that one finding is gone');

  // Lines added above, and the paragraph re-wrapped: same words, same finding, still ignored.
  const edited = DRAFT.replace('# Downtime notice', '# Downtime notice\n\nA new first paragraph that moves every line down.')
    .replace('Keep every patient NPO after', 'Keep every patient\nNPO after');
  assert.equal(lintAt(edited, [entry]).findings.some((f) => f.ruleId === entry.rule && f.term === 'NPO' && edited.slice(f.range.start.offset).startsWith('NPO after')), false);

  // The same term elsewhere is still flagged; editing the sentence itself brings the finding back.
  const reworded = DRAFT.replace('Keep every patient NPO after midnight', 'Keep each patient NPO after 10 pm');
  assert.ok(npoFirst(lintAt(reworded, [entry]).findings, reworded), 'a changed sentence is looked at again');
  // Another draft with the same sentence is not affected.
  assert.ok(npoFirst(lintAt(DRAFT, [entry], '/ws/drafts/other.md').findings, DRAFT));
});

test('entries apply only with the draft and config paths, relative to the config folder', () => {
  assert.equal(draftPathFromConfig('/ws/drafts/a.md', '/ws/.crosswalk.yaml'), 'drafts/a.md');
  assert.equal(draftPathFromConfig('C:\\ws\\a.md', 'C:\\ws\\.crosswalk.yaml'), 'a.md');
  assert.equal(draftPathFromConfig('/elsewhere/a.md', '/ws/.crosswalk.yaml'), undefined);
  assert.equal(draftPathFromConfig(undefined, '/ws/.crosswalk.yaml'), undefined);
  const finding = { ruleId: 'jargon', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } } };
  assert.equal(withoutIgnored([finding], 'NPO here', [{ rule: 'jargon', file: 'a.md', text: 'NPO' }], 'a.md').length, 0);
  assert.equal(withoutIgnored([finding], 'NPO here', [{ rule: 'jargon', file: 'a.md', text: 'NPO' }], undefined).length, 1);
  assert.equal(withoutIgnored([{ ...finding, ruleId: 'config' }], 'NPO here', [{ rule: 'config', file: 'a.md', text: 'NPO' }], 'a.md').length, 1, 'config problems are never ignored');
});

test('"Ignore here" writes ignored: in place, keeping the rest of .crosswalk.yaml byte for byte', () => {
  const entry = { rule: 'jargon', file: 'drafts/notice.md', text: 'NPO', context: 'Keep every patient NPO after midnight: #1 rule' };
  const fresh = addIgnoredToConfigText('', entry);
  assert.equal(fresh, 'ignored:\n  - rule: jargon\n    file: drafts/notice.md\n    text: NPO\n    context: "Keep every patient NPO after midnight: #1 rule"\n');
  assert.deepEqual(YAML.parse(fresh).ignored, [entry]);

  const existing = '# Our settings\r\naudience: it # IT readers\r\nallow: [UAT]\r\n';
  const added = addIgnoredToConfigText(existing, entry);
  assert.ok(added.startsWith(existing.trimEnd()), 'what was there stays as it was');
  assert.ok(!/[^\r]\n/.test(added), 'CRLF kept');
  assert.deepEqual(YAML.parse(added).ignored, [entry]);

  const second = addIgnoredToConfigText(added, { ...entry, text: 'cutover', context: 'before the cutover.' });
  assert.equal(YAML.parse(second).ignored.length, 2);
  assert.ok(second.startsWith(added.trimEnd()));
  assert.equal(addIgnoredToConfigText(second, entry), second, 'an entry already there is not added twice');

  const flow = addIgnoredToConfigText('ignored: []\n', entry);
  assert.deepEqual(YAML.parse(flow).ignored, [entry]);
  assert.throws(() => addIgnoredToConfigText('ignored: nope\n', entry), EditRefused);
  assert.throws(() => addIgnoredToConfigText('- a list\n', entry), EditRefused);
  assert.throws(() => addIgnoredToConfigText('audience: [it\n', entry), EditRefused);
  assert.throws(() => addIgnoredToConfigText('ignored:\n  - just text\n', entry), EditRefused);
});

test('ignored: in .crosswalk.yaml is validated at its line, and the schema accepts what is written', () => {
  const { config, findings } = checkConfig('ignored:\n  - rule: jargon\n    file: a.md\n    text: NPO\n    context: patient NPO after\n  - rule: jargon\n    file: a.md\n    txt: NPO\n  - rule: jargon\n    file: a.md\n    text: NPO\n    context: unrelated words\n');
  assert.deepEqual(config.ignored, [{ rule: 'jargon', file: 'a.md', text: 'NPO', context: 'patient NPO after' }]);
  const lines = findings.map((f) => f.range.start.line);
  assert.ok(lines.includes(8), `the unknown key is reported at line 8: ${JSON.stringify(findings.map((f) => [f.range.start.line, f.message]))}`);
  assert.ok(lines.includes(12), 'a context without its text is reported at line 12');
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/schema/config.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const written = YAML.parse(addIgnoredToConfigText('audience: it\n', { rule: 'jargon', file: 'a.md', text: 'NPO', context: 'NPO after' }));
  assert.ok(validate(written), JSON.stringify(validate.errors));
  assert.equal(validate({ ignored: [{ rule: 'jargon', file: 'a.md' }] }), false, 'text is required');
});

let cli = '';
before(async () => {
  cli = await buildCli();
});

test('crosswalk check honours ignored: as the editor does', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-ignored-'));
  fs.mkdirSync(path.join(dir, 'drafts'));
  fs.writeFileSync(path.join(dir, 'drafts', 'notice.md'), DRAFT);
  const runCheck = () => {
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'drafts/notice.md'], { cwd: dir, encoding: 'utf8' });
    return JSON.parse(r.stdout) as { files: { findings: { ruleId: string; term?: string; line?: number; range?: { start: { line: number } } }[] }[] };
  };
  const before = runCheck().files[0].findings;
  const npo = before.filter((f) => f.term === 'NPO');
  assert.ok(npo.length >= 1, `the CLI flags NPO: ${JSON.stringify(before)}`);
  const text = fs.readFileSync(path.join(dir, 'drafts', 'notice.md'), 'utf8');
  const finding = npoFirst(lintAt(text).findings, text)!;
  fs.writeFileSync(path.join(dir, '.crosswalk.yaml'), addIgnoredToConfigText('', ignoreEntryFor(text, finding, 'drafts/notice.md')));
  const after = runCheck().files[0].findings;
  assert.equal(after.length, before.length - 1, `one finding fewer: ${JSON.stringify(after)}`);
  assert.equal(after.filter((f) => f.term === 'NPO').length, npo.length - 1);
});

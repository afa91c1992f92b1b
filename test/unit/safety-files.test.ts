// Files outside the workspace are never read, and a broken .crosswalk.yaml keeps its valid keys
// (issue 9, "Files outside the workspace" and "No input stops or freezes checking").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './run-cli';
import { discoverConfig, checkConfig } from '../../src/index';
import { isInside, normalisePath, resolvePath } from '../../src/core/paths';

const run = runCli;

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-safety-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('paths: normalised before they are compared', () => {
  assert.equal(normalisePath('/ws/project/../../outside.yaml'), '/outside.yaml');
  assert.equal(normalisePath('C:\\ws\\a\\..\\b.yaml'), 'C:/ws/b.yaml');
  assert.equal(resolvePath('/ws/project', '../../outside.yaml'), '/outside.yaml');
  assert.equal(resolvePath('/ws/project', './team/../team.yaml'), '/ws/project/team.yaml');
  assert.ok(isInside('/ws/project/team.yaml', '/ws/project'));
  assert.ok(isInside('/ws/project', '/ws/project/'));
  assert.ok(!isInside('/ws/project-other/team.yaml', '/ws/project'), 'a sibling folder with the same prefix is outside');
  assert.ok(!isInside('/ws/project/../outside.yaml', '/ws/project'));
  assert.ok(isInside('/c:/ws/a.yaml', '/C:/ws'));
});

test('a config naming a glossary outside its folder and the workspace is refused with a finding that names the path', async () => {
  const reads: string[] = [];
  const files: Record<string, string> = {
    '/ws/project/.crosswalk.yaml': 'glossaries: [../../outside.yaml, team.yaml, /etc/hosts]\n',
    '/ws/project/team.yaml': 'version: 1\nterms: []\n',
    '/outside.yaml': 'version: 1\nterms: []\n',
    '/etc/hosts': 'x',
  };
  const read = async (p: string) => {
    reads.push(p);
    return files[p];
  };
  const loaded = await discoverConfig('/ws/project/drafts', read, undefined, { root: '/ws/project' });
  assert.deepEqual(loaded.glossaries.map((g) => g.name), ['/ws/project/team.yaml']);
  assert.ok(!reads.includes('/outside.yaml') && !reads.some((r) => r.includes('..')) && !reads.includes('/etc/hosts'), `read only inside: ${reads.join(', ')}`);
  const messages = loaded.problems.flatMap((p) => p.findings.map((f) => f.message));
  assert.ok(messages.some((m) => /"\.\.\/\.\.\/outside\.yaml" is outside the project folder \(\/outside\.yaml\)/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /"\/etc\/hosts" is outside the project folder/.test(m)));
});

test('CLI: a glossary outside the folder is not read, and the finding names it', async () => {
  const root = tree({
    'outside.yaml': 'version: 1\nterms:\n  - term: UAT\n    override: true\n    familiar_to: [clinical, it, admin]\n',
    'ws/project/.crosswalk.yaml': 'glossaries: [../../outside.yaml]\n',
    'ws/project/notice.md': '---\naudience: clinical\n---\n\nUAT starts Monday.\n',
  });
  const { out } = await run(['check', '.'], path.join(root, 'ws', 'project'));
  assert.match(out, /^\.crosswalk\.yaml\n\s+1:\d+\s+warning\s+Team glossary "\.\.\/\.\.\/outside\.yaml" is outside the project folder/m);
  assert.match(out, /^notice\.md\n\s+5:1\s+warning\s+"UAT"/m, 'the outside glossary was not used');
});

test('a YAML error in .crosswalk.yaml keeps the valid keys, is reported at its own line, and the CLI exits 2', async () => {
  const text = 'audience: clinical\nrules: {jargon: error\nglossaries: [team.yaml]\nplaceholders: ["@@\\\\w+"]\n';
  const { config, findings } = checkConfig(text);
  assert.deepEqual(config.audience, ['clinical']);
  assert.deepEqual(config.glossaries, ['team.yaml']);
  assert.deepEqual(config.placeholders, ['@@\\w+']);
  const broken = findings.find((f) => /Broken YAML/.test(f.message));
  assert.equal(broken?.range.start.line, 2, 'at the line of the unclosed {');

  const dir = tree({
    '.crosswalk.yaml': 'audience: clinical\nrules:\n  jargon: error\nallow: [UAT\n',
    'notice.md': 'The HL7 feed and UAT start Monday.\n',
  });
  const { code, out } = await run(['check', 'notice.md'], dir);
  assert.equal(code, 2);
  assert.match(out, /^\.crosswalk\.yaml\n\s+4:\d+\s+error\s+Broken YAML/m);
  assert.match(out, /^notice\.md\n\s+1:\d+\s+error\s+"HL7 feed"/m, 'rules: and audience: still apply');
});

test('an alias that names no anchor keeps the other keys of the config and of the front matter', async () => {
  const { config, findings } = checkConfig('see: *nope\naudience: it\n');
  assert.deepEqual(config.audience, ['it']);
  assert.ok(findings.some((f) => /alias \*nope names no anchor/.test(f.message) && f.range.start.line === 1));
  const { lint } = await import('../../src/index');
  const result = lint('---\nsee: *nope\naudience: it\n---\n\nThe HL7 feed restarts.\n');
  assert.deepEqual(result.audience, ['it']);
});

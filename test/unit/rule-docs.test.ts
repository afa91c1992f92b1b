import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../src/index';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

test('every rule is in the settings, the config schema and the README, with fixtures', () => {
  const ids = rules.map((r) => r.id).sort();
  const manifest = JSON.parse(read('package.json'));
  const settings = Object.keys(manifest.contributes.configuration.properties['crosswalk.rules'].properties).sort();
  assert.deepEqual(settings, ids, 'crosswalk.rules in package.json');
  const schema = JSON.parse(read('data/schema/config.schema.json'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), ids, 'rules in config.schema.json');
  const readme = read('README.md');
  for (const rule of rules) {
    assert.ok(readme.includes(`<a id="rule-${rule.id}"></a>`), `README anchor for ${rule.id} (diagnostics link to it)`);
    assert.ok(readme.includes(`### \`${rule.id}\` (${rule.defaultSeverity}`), `README heading for ${rule.id} with its default severity`);
    if (rule.id !== 'config') assert.ok(fs.existsSync(path.join(ROOT, 'test', 'fixtures', 'rules', rule.id)), `fixtures for ${rule.id}`);
  }
});

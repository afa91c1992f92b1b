import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_AUDIENCES, targetsFromSettings } from '../../src/index';
import { readSettings } from '../../src/server/settings';

/**
 * Readability targets in the settings UI: one number field per built-in audience
 * (`crosswalk.readabilityGrade.<id>`, generated from data/audiences.yaml by npm run generate), and
 * the older `crosswalk.readability` object still read (src/core/settings-targets.ts).
 */

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, { type?: string; default?: unknown; minimum?: number }>;

test('the settings UI has a number field with the built-in grade for every built-in audience, patients included', () => {
  assert.ok(BUILTIN_AUDIENCES.ids.includes('patients'));
  for (const audience of BUILTIN_AUDIENCES.list) {
    const setting = properties[`crosswalk.readabilityGrade.${audience.id}`];
    assert.ok(setting, `crosswalk.readabilityGrade.${audience.id} is a setting`);
    assert.equal(setting.type, 'number', 'a number, which the settings UI shows as an editable field');
    assert.equal(setting.default, audience.limits.readability.age - 5);
  }
  assert.equal(properties['crosswalk.readability'].type, 'object', 'the older object setting is still there');
});

test('a grade set by the user becomes a reader age; a default grade never overrides the object setting', () => {
  const explicit = (ids: string[]) => (a: string) => ids.includes(a);
  assert.deepEqual(targetsFromSettings({}, { clinical: 6, it: 11 }, BUILTIN_AUDIENCES, explicit(['clinical'])), { clinical: { readability: { age: 11 } } });
  assert.deepEqual(targetsFromSettings({ clinical: { age: 15, minWords: 4 } }, { clinical: 8 }, BUILTIN_AUDIENCES, explicit([])), { clinical: { readability: { age: 15, minWords: 4 } } });
  assert.deepEqual(targetsFromSettings({ clinical: { age: 15, minWords: 4 } }, { clinical: 7 }, BUILTIN_AUDIENCES, explicit(['clinical'])), { clinical: { readability: { age: 12, minWords: 4 } } });
  // Without knowing what was set (a language client sends values and defaults alike), a grade that differs from the built-in one counts.
  assert.deepEqual(targetsFromSettings({ it: { threshold: 0.5 } }, { clinical: 8, it: 9, pharmacy: 3, patients: 'x' }, BUILTIN_AUDIENCES), { it: { readability: { threshold: 0.5, age: 14 } } });
});

test('the language server reads the grade fields nested or as dotted keys', () => {
  assert.deepEqual(readSettings({ crosswalk: { readabilityGrade: { clinical: 8, admin: 9, it: 11, patients: 4 } } }).config.audiences, { patients: { readability: { age: 9 } } });
  assert.deepEqual(readSettings({ 'crosswalk.readabilityGrade.admin': 12 }).config.audiences, { admin: { readability: { age: 17 } } });
  assert.deepEqual(readSettings({ crosswalk: { readability: { clinical: { age: 12 } } } }).config.audiences, { clinical: { readability: { age: 12 } } });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { audiencesFromData, BUILTIN_AUDIENCES } from '../../src/index';

const ROOT = path.join(__dirname, '..', '..');

test('data/audiences.yaml follows its schema, and every audience in it reaches the engine', () => {
  const data = YAML.parse(fs.readFileSync(path.join(ROOT, 'data/audiences.yaml'), 'utf8'));
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/schema/audiences.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors));
  const { audiences, problems } = audiencesFromData(data);
  assert.deepEqual(problems, []);
  assert.deepEqual(BUILTIN_AUDIENCES.ids, audiences.map((a) => a.id));
  // No alias may name two audiences, nor an audience's id another's alias.
  const seen = new Map<string, string>();
  for (const a of audiences) {
    for (const name of [a.id, ...a.aliases].map((n) => n.toLowerCase())) {
      assert.ok(!seen.has(name) || seen.get(name) === a.id, `"${name}" names both ${seen.get(name)} and ${a.id}`);
      seen.set(name, a.id);
    }
  }
});

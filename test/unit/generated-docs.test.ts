import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { generatedFiles } from '../../scripts/generate-docs';

const ROOT = path.join(__dirname, '..', '..');

test('package.json settings, the config schema and the README rule table are generated from the rules', () => {
  for (const [file, text] of Object.entries(generatedFiles())) {
    assert.ok(fs.readFileSync(path.join(ROOT, file), 'utf8') === text, `${file} is out of date with the rules' metadata: run npm run generate`);
  }
});

test('the config schema accepts a plain level and a level with options, and refuses an unknown option', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/schema/config.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  const ok = (yaml: string) => validate(YAML.parse(yaml));
  assert.ok(ok('rules:\n  jargon: warning\n  placeholder:\n    level: error\n    patterns: ["\\\\bNAME HERE\\\\b"]\n'), JSON.stringify(validate.errors));
  assert.equal(ok('rules:\n  placeholder:\n    pattern: ["x"]\n'), false);
  assert.equal(ok('rules:\n  jargon:\n    level: loud\n'), false);
});

test('the config schema takes a team audience that extends a built-in one, and refuses one that does not', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/schema/config.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  const ok = (yaml: string) => validate(YAML.parse(yaml));
  assert.ok(ok('audience: pharmacy\naudiences:\n  clinical: {sentenceWords: 18}\n  pharmacy:\n    extends: clinical\n    label: Pharmacy\n    knows: [HL7, ADC]\n    readability: {grade: 10}\n'), JSON.stringify(validate.errors));
  assert.equal(ok('audiences:\n  pharmacy:\n    label: Pharmacy\n'), false, 'extends is required');
  assert.equal(ok('audiences:\n  pharmacy:\n    extends: clinicl\n'), false, 'extends names a built-in audience');
});

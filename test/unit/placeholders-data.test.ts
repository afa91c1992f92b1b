// The placeholder patterns: built-in ones are data (data/placeholders.yaml, with a schema) and
// bounded; a team's run on RE2 in linear time, and one RE2 refuses is a finding at its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { checkConfig, lint } from '../../src/index';
import { compileUserPattern } from '../../src/core/user-pattern';

const root = path.join(__dirname, '..', '..');
const data = YAML.parse(fs.readFileSync(path.join(root, 'data', 'placeholders.yaml'), 'utf8')) as { patterns: { id: string; pattern: string; flags?: string; examples: string[]; not?: string[] }[] };

test('data/placeholders.yaml fits its schema, and each pattern finds its examples and not the others', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'data', 'schema', 'placeholders.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors));
  for (const p of data.patterns) {
    const re = new RegExp(p.pattern, `gu${p.flags ?? ''}`);
    for (const example of p.examples) assert.deepEqual(example.match(re), [example], `${p.id} finds ${example}`);
    for (const other of p.not ?? []) assert.equal(other.match(re), null, `${p.id} does not find ${other}`);
  }
});

test('built-in patterns stay fast on long hostile runs', () => {
  const shapes = ['['.repeat(100_000), '[A'.repeat(50_000), '{{'.repeat(50_000), ' '.repeat(100_000), 'X:'.repeat(50_000), '<insert'.repeat(15_000), '?'.repeat(100_000)];
  for (const p of data.patterns) {
    const re = new RegExp(p.pattern, `gu${p.flags ?? ''}`);
    for (const text of shapes) {
      const started = performance.now();
      text.match(re);
      const ms = performance.now() - started;
      assert.ok(ms < 500, `${p.id} on ${JSON.stringify(text.slice(0, 8))}…: ${ms.toFixed(0)} ms`);
    }
  }
});

test('a team pattern that backtracks for ever elsewhere runs in linear time here', () => {
  const config = checkConfig('placeholders: ["(a+)+$", "@@\\\\w+"]\n');
  assert.deepEqual(config.findings, []);
  const started = performance.now();
  const result = lint(`${'a'.repeat(28)}b @@name and ${'a'.repeat(5_000)}!\n`, { audience: 'it', config: config.config });
  const ms = performance.now() - started;
  assert.ok(ms < 2_000, `checked in ${ms.toFixed(0)} ms`);
  assert.ok(result.findings.some((f) => f.ruleId === 'placeholder' && f.term === '@@name'));
  const matcher = compileUserPattern('(a+)+$');
  assert.ok(!('error' in matcher));
  const t = performance.now();
  matcher.findAll('a'.repeat(28) + 'b');
  assert.ok(performance.now() - t < 100);
});

test('a team pattern RE2 refuses or cannot parse is a finding at its own line, and the others still run', () => {
  const text = 'audience: it\nplaceholders:\n  - "(?<=Dr\\\\. )NAME"\n  - "(x)\\\\1"\n  - "[unclosed"\n  - "@@\\\\w+"\n';
  const { config, findings } = checkConfig(text);
  assert.deepEqual(config.placeholders, ['@@\\w+']);
  const at = (line: number) => findings.find((f) => f.range.start.line === line)?.message ?? '';
  assert.match(at(3), /is not used: .*lookahead and lookbehind are not supported.*RE2/);
  assert.match(at(4), /backreferences are not supported/);
  assert.match(at(5), /missing closing \]/);
  const refused = checkConfig('rules:\n  placeholder:\n    patterns: ["(?=x)"]\n');
  assert.equal(refused.findings[0]?.range.start.line, 3);
});

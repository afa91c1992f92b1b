// The placeholder patterns: built-in ones are data (data/placeholders.yaml, with a schema) and
// bounded; a team's run on RE2 in linear time, and one RE2 refuses is a finding at its line.
// First: coverage counts from before the engine loads (test/unit/work-count.ts).
import { stopCounting, workOf } from './work-count';
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

/**
 * The quantifiers of a JavaScript pattern, read from its source: for each, whether it is unbounded
 * (`*`, `+`, `{n,}`), whether it repeats one character (a literal, an escape, a class or `.`) or a
 * group holding other quantifiers, its group depth, and whether anything follows it.
 */
function quantifiers(source: string): { unbounded: boolean; single: boolean; nested: boolean; depth: number; last: boolean; at: number }[] {
  const out: { unbounded: boolean; single: boolean; nested: boolean; depth: number; last: boolean; at: number }[] = [];
  /** Per open group: whether a quantifier stands inside it. */
  const groups: boolean[] = [];
  let atom: { single: boolean; nested: boolean } | undefined;
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i));
    if (quantifier && atom) {
      const unbounded = /^[*+]/.test(quantifier[0]) || /,\}/.test(quantifier[0]);
      i += quantifier[0].length;
      out.push({ unbounded, single: atom.single, nested: atom.nested, depth: groups.length, last: i >= source.length || /^\$?$/.test(source.slice(i)), at: i });
      if (groups.length) groups[groups.length - 1] = true;
      atom = undefined;
      continue;
    }
    if (c === '\\') {
      const escape = /^\\(?:[pPu]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|.)/su.exec(source.slice(i))?.[0] ?? '\\';
      i += escape.length;
      atom = { single: true, nested: false };
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      atom = { single: true, nested: false };
    } else if (c === '(') {
      groups.push(false);
      i += /^\((?:\?(?:[:=!]|<[=!]|<[^>]*>))?/.exec(source.slice(i))?.[0].length ?? 1;
      atom = undefined;
    } else if (c === ')') {
      const inner = groups.pop() ?? false;
      if (inner && groups.length) groups[groups.length - 1] = true;
      i++;
      atom = { single: false, nested: inner };
    } else if (c === '|' || c === '^' || c === '$') {
      i++;
      atom = undefined;
    } else {
      i++;
      atom = { single: true, nested: false };
    }
  }
  return out;
}

test('built-in patterns are bounded, so each runs in linear time on any text, hostile runs included', () => {
  // Checked on the patterns' shape, not timed: a pattern whose quantifiers are all bounded ({0,80})
  // does at most a fixed amount of work at each position of the text; one unbounded quantifier on a
  // single character at the very end ("\\?{3,}") consumes its run once. A group repeated inside a
  // repeated group, or an unbounded repeat with more pattern after it, is what backtracks for ever.
  for (const p of data.patterns) {
    for (const q of quantifiers(p.pattern)) {
      assert.ok(!(q.nested && q.unbounded), `${p.id}: an unbounded repeat of a group that repeats (at ${q.at})`);
      if (q.unbounded) assert.ok(q.single && q.depth === 0 && q.last, `${p.id}: an unbounded repeat must be of one character, outside groups, at the end (at ${q.at})`);
    }
  }
  // The shape check itself catches what it must.
  for (const bad of ['(a+)+$', '\\[[^\\]]*\\]', 'x.*y', '(?:ab)*c', '(?:a{1,3}){2,}']) {
    assert.ok(quantifiers(bad).some((q) => (q.nested && q.unbounded) || (q.unbounded && !(q.single && q.depth === 0 && q.last))), `${bad} is refused`);
  }
  // And they run on long hostile runs (the benchmark times such shapes at 1 MB).
  const shapes = ['['.repeat(20_000), '[A'.repeat(10_000), '{{'.repeat(10_000), ' '.repeat(20_000), 'X:'.repeat(10_000), '<insert'.repeat(3_000), '?'.repeat(20_000)];
  for (const p of data.patterns) {
    const re = new RegExp(p.pattern, `gu${p.flags ?? ''}`);
    for (const text of shapes) assert.doesNotThrow(() => text.match(re), p.id);
  }
});

test('a team pattern that backtracks for ever elsewhere runs in linear time here', async () => {
  const config = checkConfig('placeholders: ["(a+)+$", "@@\\\\w+"]\n');
  assert.deepEqual(config.findings, []);
  const draft = (n: number) => `${'a'.repeat(28)}b @@name and ${'a'.repeat(n)}!\n`;
  const result = lint(draft(5_000), { audience: 'it', config: config.config });
  assert.ok(result.findings.some((f) => f.ruleId === 'placeholder' && f.term === '@@name'));
  const matcher = compileUserPattern('(a+)+$');
  assert.ok(!('error' in matcher));
  assert.deepEqual(matcher.findAll('a'.repeat(28) + 'b'), []);
  // Work counted, not timed (test/unit/work-count.ts; re2js is JavaScript, so its steps count):
  // twice the letters, about twice the work, where a backtracking engine's doubles with each letter.
  try {
    const at = await workOf(() => matcher.findAll('a'.repeat(1_000) + 'b'));
    const twice = await workOf(() => matcher.findAll('a'.repeat(2_000) + 'b'));
    assert.ok(twice < at * 2.6, `twice the letters took ${(twice / at).toFixed(2)}x the work`);
    lint(draft(1_000), { audience: 'it', config: config.config });
    const checked = await workOf(() => lint(draft(2_000), { audience: 'it', config: config.config }));
    const checkedTwice = await workOf(() => lint(draft(4_000), { audience: 'it', config: config.config }));
    assert.ok(checkedTwice < checked * 2.6, `a draft with twice the letters took ${(checkedTwice / checked).toFixed(2)}x the work`);
  } finally {
    await stopCounting();
  }
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

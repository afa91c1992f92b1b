import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, type Rule } from '../../src/index';

const ROOT = path.join(__dirname, '..', '..');

test('src/core imports nothing from src/rules, src/extension, src/cli or the composition root', () => {
  const dir = path.join(ROOT, 'src', 'core');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)) {
      const target = m[1];
      assert.ok(!/^\.\.\/(?:rules|extension|cli|server|builtins|index)\b/.test(target), `src/core/${file} imports ${target}`);
      assert.ok(!target.includes('node_modules'), `src/core/${file} imports a dependency by its path: ${target}`);
    }
  }
});

test('an engine runs the rules it is given and no others, with their options from config', () => {
  const shout: Rule = {
    id: 'shout',
    title: 'Shouting',
    description: 'A word in capitals of at least a given length.',
    defaultSeverity: 'info',
    options: { length: { type: 'number', description: 'Shortest word that shouts.', minimum: 2 } },
    checkBlock(block, doc) {
      const length = (doc.config.options.shout?.length as number | undefined) ?? 6;
      const found = [];
      for (const m of block.analysis.text.matchAll(/\b[A-Z]+\b/g)) {
        if (m[0].length >= length) found.push({ message: `"${m[0]}" shouts.`, start: m.index, end: m.index + m[0].length, audience: block.audience });
      }
      return found;
    },
  };
  const engine = createEngine({ rules: [shout] });
  assert.deepEqual(engine.rules.map((r) => [r.id, r.docs]), [['shout', 'rule-shout']]);
  const text = 'The HL7 feed is DOWN for SCHEDULED work.\n';
  assert.deepEqual(engine.lint(text).findings.map((f) => `${f.ruleId}:${f.severity}:${f.message}`), ['shout:info:"SCHEDULED" shouts.']);
  const configured = engine.lint(text, { config: { rules: { shout: { level: 'error', length: 4 } } } });
  assert.deepEqual(configured.findings.map((f) => `${f.ruleId}:${f.severity}:${f.message}`), ['shout:error:"DOWN" shouts.', 'shout:error:"SCHEDULED" shouts.']);
  const { findings } = engine.checkConfig('rules:\n  shout:\n    lenght: 3\n  jargon: off\n');
  assert.deepEqual(findings.map((f) => [f.range.start.line, f.message]), [
    [3, 'Rule shout has no option "lenght"; did you mean "length"? Options: level, length.'],
    [4, 'Unknown rule "jargon" Rules: shout.'],
  ]);
});

test('the two Markdown parsers share their types from one module and do not import each other', () => {
  const fast = fs.readFileSync(path.join(ROOT, 'src', 'core', 'markdown-fast.ts'), 'utf8');
  assert.ok(!/from '\.\/markdown'/.test(fast), 'markdown-fast.ts imports markdown.ts');
  assert.match(fast, /from '\.\/markdown-types'/);
});

test('rules share helpers through src/rules/wording.ts, not through another rule', () => {
  const dir = path.join(ROOT, 'src', 'rules');
  const rules = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
  for (const file of rules) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/from '\.\/([\w-]+)'/g)) {
      // Helper modules, not rules: wording, tables, and the draft cut into units (message-parts, interests).
      assert.ok(['wording', 'tables', 'draft-units'].includes(m[1]), `src/rules/${file} imports the rule module ./${m[1]}`);
    }
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, lint, BUILTIN_PARTS } from '../../src/index';
import { makeDraft } from '../../bench/generate.mjs';
import { HOSTILE } from '../../bench/hostile.mjs';

/** Shapes that threw "Maximum call stack size exceeded" or took super-linear time (bench/hostile.mjs, shared with the benchmark). */
export { HOSTILE };

test('no input throws: each hostile shape is checked, and the rest of the draft too', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    const text = `The HL7 feed stops.\n\n${make(20_000)}\n\nThe HL7 feed is back.\n`;
    const result = lint(text, { audience: 'clinical' });
    for (const f of result.findings) {
      assert.ok(f.range.start.offset >= 0 && f.range.end.offset <= text.length, `${name}: range inside the text`);
    }
    assert.ok(result.findings.some((f) => f.ruleId === 'jargon' && f.range.start.line === 1), `${name}: the first paragraph is still checked`);
  }
});

test('no hostile shape takes much longer than a normal draft of its size', () => {
  const size = 60_000;
  const time = (text: string) => {
    const t0 = performance.now();
    lint(text);
    return performance.now() - t0;
  };
  const normal = makeDraft(Math.round(size / 7), 7);
  time(normal);
  const baseline = Math.max(time(normal), 50);
  for (const [name, make] of Object.entries(HOSTILE)) {
    const took = time(make(size));
    // Generous, as the machine may be busy and one long paragraph costs more than many short ones: a
    // quadratic step at this size takes a hundred times more.
    assert.ok(took < baseline * 10, `${name}: ${took.toFixed(0)} ms against ${baseline.toFixed(0)} ms for a normal draft`);
  }
});

test('a part that cannot be checked is one finding at the top, and the rest is checked', () => {
  const broken = {
    id: 'broken', title: 'Broken', description: 'Always fails.', defaultSeverity: 'warning' as const,
    checkBlock() {
      throw new Error('boom');
    },
  };
  const engine = createEngine({ ...BUILTIN_PARTS, rules: [...BUILTIN_PARTS.rules, broken] });
  const result = engine.lint('The HL7 feed stops.\n\nMore text.\n', { audience: 'clinical' });
  const failures = result.findings.filter((f) => f.ruleId === 'crosswalk');
  assert.equal(failures.length, 1);
  assert.match(failures[0].message, /^Crosswalk could not check this part: the broken rule \(boom\)\. The rest of the draft was checked\.$/);
  assert.equal(result.findings[0], failures[0], 'at the top');
  assert.ok(result.findings.some((f) => f.ruleId === 'jargon'), 'the other rules still speak');
});

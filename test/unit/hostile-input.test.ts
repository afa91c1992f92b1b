// First: coverage counts from before the engine loads (test/unit/work-count.ts).
import { stopCounting, workOf } from './work-count';
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

test('no hostile shape takes much more work than a normal draft of its size, and its work grows linearly', async () => {
  // Work counted (calls and block runs, test/unit/work-count.ts), not timed: the same on a busy
  // machine. The benchmark times the same shapes at 1 MB (bench/safety.mjs).
  const size = 10_000;
  const normalText = makeDraft(Math.round(size / 7), 7);
  await workOf(() => lint(normalText));
  const normal = await workOf(() => lint(normalText));
  try {
    for (const [name, make] of Object.entries(HOSTILE)) {
      // The least of two counts each: a one-off cost (a cache filled, a lazy table built) falls on one.
      const least = async (text: string) => Math.min(await workOf(() => lint(text)), await workOf(() => lint(text)));
      const at = await least(make(size));
      const twice = await least(make(2 * size));
      // One long paragraph may cost more than many short ones, but not ten normal drafts.
      assert.ok(at < normal * 10, `${name}: ${at} against ${normal} for a normal draft`);
      // Linear: twice the text, about twice the work; a quadratic step makes it four times.
      assert.ok(twice < at * 3.2, `${name}: twice the text took ${(twice / at).toFixed(2)}x the work`);
    }
  } finally {
    await stopCounting();
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

/**
 * The lint run cut into steps (src/core/steps.ts): `lintAsync` drives the same steps as `lint`,
 * pausing between them, so that a long draft never holds up the editor or the language server.
 * Asserted through counts of yields and pauses and through cancellation between slices, never by
 * the clock: the benchmark (bench/safety.mjs) measures how long a slice takes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, createLinter, lint, BUILTIN_PARTS } from '../../src/index';
import type { Rule } from '../../src/core/document';
import type { SliceCounts } from '../../src/core/steps';
import { makeDraft } from '../../bench/generate.mjs';

/** Every yield pauses (`sliceMs: 0`); the pause is a resolved promise, so the test does not wait on timers. */
const everyYield = { sliceMs: 0, pause: () => Promise.resolve() };
const counted = (): SliceCounts => ({ yields: 0, pauses: 0 });

test('lintAsync gives exactly what lint gives on a realistic draft, pausing at every step when asked', async () => {
  const text = makeDraft(6000, 11);
  const counts = counted();
  const viaSteps = await createLinter().lintAsync(text, undefined, everyYield, counts);
  assert.equal(JSON.stringify(viaSteps), JSON.stringify(lint(text)));
  assert.ok(counts.pauses > 20, `a 6,000-word draft is checked in many slices (${counts.pauses})`);
  assert.equal(counts.pauses, counts.yields, 'with sliceMs 0 every yield is a pause');
});

test('the whole-document part of a check is cut into steps: a re-check of twice the blocks yields about twice as often', async () => {
  // A re-check of an unchanged draft parses nothing: what is left is placing the blocks, the block
  // rules' cached findings and every whole-document rule (jargon, undefined acronyms, dates, message
  // parts, tables...). Its yields must grow with the draft, so that no one step grows with it.
  // The same section again and again: its chunks are parsed once, and every pass is over all of them.
  const section = '## Step\n\nOn Monday, June 1, 2026 at 9 p.m. the HL7 feed and the ADT interface stop for the cutover; call the service desk at 555-0100.\n\n| Task | Responsible | Accountable |\n| --- | --- | --- |\n| Cutover | Jo | Sam |\n';
  const draft = (n: number) => `---\naudience: clinical\ntype: downtime-notice\n---\n\n# Downtime\n\n${section.repeat(n)}`;
  const yieldsOfRecheck = async (n: number) => {
    const linter = createLinter();
    const text = draft(n);
    linter.lint(text);
    const counts = counted();
    await linter.lintAsync(text, undefined, everyYield, counts);
    return counts.yields;
  };
  const small = await yieldsOfRecheck(400);
  const large = await yieldsOfRecheck(800);
  assert.ok(small >= 40, `a re-check of 400 sections yields often (${small})`);
  assert.ok(large >= 1.7 * small && large <= 2.3 * small, `twice the sections, about twice the yields (${small} -> ${large})`);
});

test('a whole-document rule written as steps is run to the end by lint and in slices by lintAsync, with the same findings', async () => {
  let resumed = 0;
  const perBlock: Rule = {
    id: 'per-block', title: 'Per block', description: 'One finding per block, in steps.', defaultSeverity: 'warning',
    *check(doc) {
      const out = [];
      for (const block of doc.blocks) {
        yield;
        resumed++;
        out.push({ message: 'a block', start: block.chunkStart + block.analysis.start, end: block.chunkStart + block.analysis.start + 1, audience: doc.audience });
      }
      return out;
    },
  };
  const engine = createEngine({ ...BUILTIN_PARTS, rules: [perBlock] });
  const text = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} of the notice.`).join('\n\n');
  const sync = engine.lint(text);
  assert.equal(sync.findings.length, 30);
  assert.equal(resumed, 30);
  const counts = counted();
  const sliced = await engine.createLinter().lintAsync(text, undefined, everyYield, counts);
  assert.deepEqual(sliced.findings, sync.findings);
  assert.ok(counts.pauses >= 30, `at least one pause per yield of the rule (${counts.pauses})`);
});

test('a rule that fails half-way through its steps costs only its own findings', async () => {
  const breaks: Rule = {
    id: 'breaks', title: 'Breaks', description: 'Fails after two steps.', defaultSeverity: 'warning',
    *check() {
      yield;
      yield;
      throw new Error('boom');
    },
  };
  const engine = createEngine({ ...BUILTIN_PARTS, rules: [...BUILTIN_PARTS.rules, breaks] });
  const text = '---\naudience: clinical\n---\n\nThe HL7 feed stops.\n';
  for (const result of [engine.lint(text), await engine.createLinter().lintAsync(text, undefined, everyYield)]) {
    assert.match(result.findings[0].message, /could not check this part: the breaks rule \(boom\)/);
    assert.ok(result.findings.some((f) => f.ruleId === 'jargon' && f.term === 'HL7'), 'the other rules still ran');
  }
});

test('lintAsync honours a cancellation between two slices of the whole-document rules, and the next check completes', async () => {
  const text = makeDraft(3000, 5);
  const linter = createLinter();
  linter.lint(text);
  // Everything is cached now: every slice of this re-check is past parsing.
  const signal = { aborted: false };
  let pauses = 0;
  const pending = linter.lintAsync(text, signal, { sliceMs: 0, pause: async () => { if (++pauses === 5) signal.aborted = true; } });
  await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
  assert.equal(pauses, 5, 'it stopped at the pause where it was told to');
  assert.equal(JSON.stringify(await linter.lintAsync(text)), JSON.stringify(lint(text)));
});

test('two sliced checks of one linter interleaved (a newer version arriving mid-check) each give what lint gives', async () => {
  const before = makeDraft(2000, 3);
  const after = before.replace(/\n\n/, '\n\nThe UAT for the PACS starts on Friday, June 5, 2026.\n\n');
  const linter = createLinter();
  const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const [a, b] = await Promise.all([
    linter.lintAsync(before, undefined, { sliceMs: 0, pause: turn }),
    linter.lintAsync(after, undefined, { sliceMs: 0, pause: turn }),
  ]);
  assert.equal(JSON.stringify(a), JSON.stringify(lint(before)));
  assert.equal(JSON.stringify(b), JSON.stringify(lint(after)));
  assert.equal(JSON.stringify(linter.lint(after)), JSON.stringify(lint(after)));
});

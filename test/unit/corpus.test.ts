/**
 * The evaluation corpus (issue 11): at least 40 annotated messages across the field's scenarios
 * and every audience, on which the term rules must find at least 90% of what the reader would
 * stumble on and flag at most 5% of the words the reader knows. `npm run eval` prints the detail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, evaluate, falseFlagRate, GUARDED_HELD_OUT, heldOutSets, loadCorpus, recall, report } from './corpus-eval';

const SCENARIOS = ['downtime', 'go-live', 'telehealth', 'incident', 'breach', 'change', 'executive-summary'];
const fixtures = loadCorpus();

test('the corpus has at least 40 messages, every scenario and every audience, each with its source', () => {
  assert.ok(fixtures.length >= 40, `test/corpus has ${fixtures.length} messages, want at least 40`);
  for (const scenario of SCENARIOS) {
    assert.ok(fs.existsSync(path.join(CORPUS, scenario)) && loadCorpus(path.join(CORPUS, scenario)).length > 0, `no messages in test/corpus/${scenario}`);
  }
  const audiences = new Set(fixtures.map((f) => /^---\r?\n[\s\S]*?^audience:\s*(\S+)/m.exec(f.text)?.[1] ?? 'all'));
  for (const a of ['clinical', 'admin', 'it', 'all']) assert.ok(audiences.has(a), `no corpus message for audience ${a}`);
  for (const f of fixtures) {
    assert.match(f.text, /<!--\s*source:\s*\S/, `${path.relative(CORPUS, f.file)} must name its source in <!-- source: ... -->`);
    assert.ok(f.expected.length + f.known.length > 0, `${path.relative(CORPUS, f.file)} marks nothing`);
  }
});

test('on the corpus, recall is at least 0.90 and at most 5% of known words are flagged', () => {
  const e = evaluate(fixtures);
  assert.deepEqual(e.badMarks.map((m) => `${m.file}:${m.line} "${m.text}"`), [], 'marks must name words on their own line');
  const detail = report(e);
  assert.ok(recall(e.overall) >= 0.9, `recall ${recall(e.overall).toFixed(3)} is below 0.90\n${detail}`);
  assert.ok(falseFlagRate(e.overall) <= 0.05, `false-flag rate ${(falseFlagRate(e.overall) * 100).toFixed(1)}% is above 5%\n${detail}`);
});

test('document grades agree with GNU style\'s Kincaid grade within 1.0 on average on the corpus', async () => {
  // test/corpus/kincaid.json holds style's grades (scripts/kincaid.ts --write, with Debian's diction installed).
  const { lint } = await import('../../src/index');
  const grades = JSON.parse(fs.readFileSync(path.join(CORPUS, 'kincaid.json'), 'utf8')) as Record<string, number>;
  let sum = 0;
  let n = 0;
  const rows: string[] = [];
  for (const f of fixtures) {
    const name = path.relative(CORPUS, f.file);
    const style = grades[name];
    assert.ok(typeof style === 'number', `${name} has no style grade in kincaid.json: run scripts/kincaid.ts --write`);
    const ours = lint(f.text, f.options).stats.gradeLevel;
    sum += Math.abs(ours - style);
    n++;
    rows.push(`${name}: ${ours} vs ${style}`);
  }
  assert.ok(sum / n <= 1.0, `mean difference ${(sum / n).toFixed(2)}:\n${rows.join('\n')}`);
});

test('on each held-out set, marks name words on their lines; on the guarded ones at most 5% of known words are flagged', () => {
  // Held-out sets (test/corpus/held-out*/README.md) are not tuned against; this only guards the
  // false-flag side against regressions. Their recall waits on the glossary (README, Evaluation).
  // A fresh set (not in GUARDED_HELD_OUT, e.g. held-out-3/) is only measured, never held to a figure.
  const sets = heldOutSets().map((dir) => path.basename(dir));
  for (const name of GUARDED_HELD_OUT) assert.ok(sets.includes(name), `guarded held-out set ${name} exists`);
  for (const dir of heldOutSets()) {
    const e = evaluate(loadCorpus(dir), dir);
    assert.ok(e.files > 0, `${path.basename(dir)} has messages`);
    assert.deepEqual(e.badMarks.map((m) => `${m.file}:${m.line} "${m.text}"`), [], `${path.basename(dir)}: marks must name words on their own line`);
    if (!GUARDED_HELD_OUT.has(path.basename(dir))) continue;
    assert.ok(falseFlagRate(e.overall) <= 0.05, `${path.basename(dir)}: false-flag rate ${(falseFlagRate(e.overall) * 100).toFixed(1)}% is above 5%\n${report(e, path.basename(dir))}`);
  }
});

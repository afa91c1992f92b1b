import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIX_KINDS, lint } from '../../src/index';
import { actualKeys, FIXTURES, lintFixture, loadFixtures } from './fixture-support';

for (const fixture of loadFixtures(path.join(FIXTURES, 'rules'))) {
  const name = path.relative(FIXTURES, fixture.file);
  test(`fixture ${name} raises exactly the findings marked in it`, () => {
    assert.ok(fixture.rules.length > 0, `${name} must name its rules with <!-- fixture-rules: ... -->`);
    const result = lintFixture(fixture);
    assert.deepEqual(actualKeys(fixture, result.findings), fixture.expected);
  });

  test(`fixture ${name}: every fix says what it does, and only additions are safe unattended`, () => {
    const result = lintFixture(fixture);
    for (const finding of result.findings) {
      for (const fix of finding.fixes) {
        assert.ok(FIX_KINDS.includes(fix.kind), `${name}: "${fix.title}" has kind ${fix.kind}`);
        assert.equal(typeof fix.safe, 'boolean', `${name}: "${fix.title}" says whether it is safe`);
        // Replacing or removing a writer's words needs a person to read the result. The one
        // removal that is safe is redundant-acronym's: it drops only the word the acronym already
        // says ("PIN number" -> "PIN"), each edit's new text the acronym that opened the old one.
        const repeatOnly = fix.kind === 'remove' && finding.ruleId === 'redundant-acronym' &&
          fix.edits.every((e) => fixture.text.slice(e.range.start.offset, e.range.end.offset).startsWith(e.newText.replace(/s$/, '')) && /^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(e.newText));
        if (fix.safe) assert.ok(fix.kind === 'spell-out' || fix.kind === 'suppress' || fix.kind === 'insert' || repeatOnly, `${name}: "${fix.title}" (${fix.kind}) is marked safe`);
      }
    }
  });

  test(`fixture ${name}: every fix changes only its range and clears its finding`, () => {
    const result = lintFixture(fixture);
    for (const finding of result.findings.filter((f) => fixture.rules.includes(f.ruleId))) {
      for (const fix of finding.fixes) {
        const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
        let text = fixture.text;
        for (const e of edits) text = text.slice(0, e.range.start.offset) + e.newText + text.slice(e.range.end.offset);
        const first = edits[edits.length - 1];
        const last = edits[0];
        // Outside the edited span, the draft is byte for byte what it was.
        assert.equal(text.slice(0, first.range.start.offset), fixture.text.slice(0, first.range.start.offset), `${fix.title} touched text before its range`);
        assert.equal(text.slice(text.length - (fixture.text.length - last.range.end.offset)), fixture.text.slice(last.range.end.offset), `${fix.title} touched text after its range`);
        const again = lint(text, { path: fixture.file, ...fixture.options });
        const start = first.range.start.offset;
        const stillThere = again.findings.some((f) => f.ruleId === finding.ruleId && f.range.start.offset === start && f.term === finding.term && f.message === finding.message);
        assert.ok(!stillThere, `${name}: "${fix.title}" left its ${finding.ruleId} finding in place`);
      }
    }
  });
}

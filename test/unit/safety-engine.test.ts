import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, settingRange } from '../../src/index';

test('"spelled out later (line N)" counts lines as the editor does: LF, CRLF and a lone CR alike', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = ['---', 'audience: admin', '---', '', 'The RTO targets are set.', '', 'More text.', '', 'Our recovery time objective (RTO) is four hours.', ''].join(eol);
    const finding = lint(text).findings.find((f) => f.ruleId === 'undefined-acronym' && f.term === 'RTO');
    assert.ok(finding, `${JSON.stringify(eol)}: RTO is flagged`);
    assert.equal(finding.range.start.line, 5);
    assert.match(finding.message, /spelled out later \(line 9\)/, JSON.stringify(eol));
  }
});

test('thousands of disable comments each silence their own line, and only it', () => {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    // Every other paragraph silences jargon on its line; the others keep their finding.
    lines.push(i % 2 ? `Line ${i}: the HL7 feed stops. <!-- crosswalk-disable-line jargon -->` : `Line ${i}: the HL7 feed stops.`);
  }
  const text = lines.join('\n\n') + '\n';
  const { findings } = lint(text, { audience: 'clinical' });
  const jargon = findings.filter((f) => f.ruleId === 'jargon' && f.term === 'HL7');
  // One finding stands for the term's uses in its audience section; its related locations are the rest.
  const flaggedLines = jargon.flatMap((f) => [f.range, ...(f.related ?? [])]).map((r) => r.start.line);
  const expected = lines.map((_, i) => i).filter((i) => i % 2 === 0).map((i) => 2 * i + 1);
  assert.deepEqual(flaggedLines.sort((a, b) => a - b), expected);
});

test('a setting is found at its value in settings.json, else at its key, else at line 1', () => {
  const text = '{\n  // comment\n  "crosswalk.glossaries": [\n    "a.yaml",\n    "../b.yaml"\n  ],\n  "other": "../b.yaml"\n}\n';
  assert.deepEqual(settingRange(text, 'crosswalk.glossaries', '../b.yaml').start, { line: 5, column: 5, offset: text.indexOf('"../b.yaml"') });
  assert.equal(settingRange(text, 'crosswalk.glossaries', 'missing.yaml').start.line, 3);
  assert.equal(settingRange('{\n  "other": ["../b.yaml"],\n  "crosswalk.glossaries": []\n}', 'crosswalk.glossaries', '../b.yaml').start.line, 3);
  assert.equal(settingRange('{}', 'crosswalk.glossaries', 'x').start.line, 1);
});

/**
 * The glossary's precision and recall on real writing (issue 4).
 *
 * - test/fixtures/plain/*.md is everyday writing (a newsletter, a recipe, a sports report...) that
 *   uses ordinary words which are also health IT jargon elsewhere: code, census, patch, freeze,
 *   boarding, claim, release, service line. Linted for every audience, it must raise no `jargon`.
 * - test/fixtures/drafts/*.md are messages as health systems really write them, each with its
 *   audience in front matter and every expected `jargon` finding marked on its line, so the real
 *   jargon is flagged for the readers who would stumble on it and everyday words are left alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { lint, type Finding } from '../../src/index';
import { actualKeys, FIXTURES, lintFixture, loadFixtures, type Fixture } from './fixture-support';

const AUDIENCES = ['clinical', 'admin', 'it', 'all'];
const plain = loadFixtures(path.join(FIXTURES, 'plain'));
const drafts = loadFixtures(path.join(FIXTURES, 'drafts'));

function lineOf(text: string, line: number): string {
  return text.split(/\r?\n/)[line - 1] ?? '';
}

/** The sentence around a finding, for failure messages. */
function sentenceAt(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const start = Math.max(before.lastIndexOf('\n'), before.search(/[.!?]\s[^.!?]*$/) + 1, 0);
  const rest = text.slice(offset);
  const endMatch = /[.!?](\s|$)|\n/.exec(rest);
  const end = endMatch ? offset + endMatch.index + 1 : text.length;
  return text.slice(start, end).trim();
}

function describe(fixture: Fixture, f: Finding, audience: string): string {
  const matched = fixture.text.slice(f.range.start.offset, f.range.end.offset);
  return `[${audience}] line ${f.range.start.line}: "${matched}" (${f.term}) in: ${sentenceAt(fixture.text, f.range.start.offset)}`;
}

test('the plain corpus has at least 8 files and the draft set at least 8', () => {
  assert.ok(plain.length >= 8, `test/fixtures/plain has ${plain.length} files, want at least 8`);
  assert.ok(drafts.length >= 8, `test/fixtures/drafts has ${drafts.length} files, want at least 8`);
});

for (const fixture of plain) {
  const name = path.basename(fixture.file);
  test(`plain ${name} raises no jargon for any audience`, () => {
    assert.deepEqual(fixture.rules, ['jargon'], `${name} must say <!-- fixture-rules: jargon -->`);
    assert.deepEqual(fixture.expected, [], `${name} is plain writing and must mark no expectations`);
    assert.ok(!/^---\r?\n[\s\S]*?^audience:/m.test(fixture.text), `${name} must not set an audience; the test passes each one`);
    const problems: string[] = [];
    for (const audience of AUDIENCES) {
      const result = lint(fixture.text, { path: fixture.file, audience });
      for (const f of result.findings.filter((x) => x.ruleId === 'jargon')) problems.push(describe(fixture, f, audience));
    }
    assert.deepEqual(problems, [], `${name}: everyday words flagged as jargon:\n  ${problems.join('\n  ')}`);
  });
}

for (const fixture of drafts) {
  const name = path.basename(fixture.file);
  test(`draft ${name} flags exactly the jargon marked in it`, () => {
    assert.deepEqual(fixture.rules, ['jargon'], `${name} must say <!-- fixture-rules: jargon -->`);
    assert.ok(/^---\r?\n[\s\S]*?^audience:\s*\S/m.test(fixture.text), `${name} must name its audience in front matter`);
    assert.ok(fixture.expected.length > 0, `${name} marks no expected jargon`);
    const actual = actualKeys(fixture, lintFixture(fixture).findings);
    const expected = fixture.expected;
    const missing = expected.filter((k) => !actual.includes(k));
    const extra = actual.filter((k) => !expected.includes(k));
    const show = (k: string) => `${k}    | ${lineOf(fixture.text, Number(k.split(' ')[0])).trim()}`;
    assert.deepEqual(
      actual,
      expected,
      `${name}:\n  missed (marked but not flagged):\n    ${missing.map(show).join('\n    ') || '-'}\n  unexpected (flagged but not marked):\n    ${extra.map(show).join('\n    ') || '-'}`,
    );
  });
}

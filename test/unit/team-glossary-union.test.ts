// Who knows a term adds up across team glossaries and "mark known" passes (issue 11): a team
// entry's familiar_to adds its audiences to those that already know the term (built in, or from a
// glossary read before), and not_familiar_to takes one out. Before, each override replaced the
// list: a second glossary (or a second "Add to team glossary" into another file) made the term
// unknown again to the audience the first one taught it to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addKnownTermToGlossary, checkGlossary, createLinter, createLinterAsync, knownAudiencesOf } from '../../src/index';

const override = (term: string, field: 'familiar_to' | 'not_familiar_to', audiences: string[]) =>
  `version: 1\nterms:\n  - term: ${term}\n    override: true\n    ${field}: [${audiences.join(', ')}]\n`;

function flaggedFor(glossaries: string[], text: string): string[] {
  const named = glossaries.map((g, i) => ({ name: `team-${i}.yaml`, text: g }));
  return ['clinical', 'admin', 'it', 'patients'].filter((audience) =>
    createLinter({ audience, glossaries: named }).lint(text).findings.some((f) => f.ruleId === 'jargon'));
}

const CUTOVER = 'The cutover starts at midnight.\n';

test('two team glossaries that each teach "cutover" to one audience: both audiences know it, with the built-in one', () => {
  assert.deepEqual(knownAudiencesOf('cutover'), ['it']);
  assert.deepEqual(flaggedFor([], CUTOVER), ['clinical', 'admin', 'patients']);
  assert.deepEqual(flaggedFor([override('cutover', 'familiar_to', ['clinical']), override('cutover', 'familiar_to', ['admin'])], CUTOVER), ['patients']);
  // In either order.
  assert.deepEqual(flaggedFor([override('cutover', 'familiar_to', ['admin']), override('cutover', 'familiar_to', ['clinical'])], CUTOVER), ['patients']);
});

test('not_familiar_to takes an audience out, and a later glossary may give it back', () => {
  const EHR = 'Log in to the EHR.\n';
  assert.deepEqual(flaggedFor([], EHR), ['patients']);
  assert.deepEqual(flaggedFor([override('EHR', 'not_familiar_to', ['admin'])], EHR), ['admin', 'patients']);
  assert.deepEqual(flaggedFor([override('EHR', 'not_familiar_to', ['admin']), override('EHR', 'familiar_to', ['admin'])], EHR), ['patients']);
  // Within one entry, familiar_to is added first, then not_familiar_to taken out.
  const both = 'version: 1\nterms:\n  - term: EHR\n    override: true\n    familiar_to: [patients]\n    not_familiar_to: [admin]\n';
  assert.deepEqual(flaggedFor([both], EHR), ['admin']);
});

test('the sliced compile (createLinterAsync) adds up the same way', async () => {
  const glossaries = [override('cutover', 'familiar_to', ['clinical']), override('cutover', 'familiar_to', ['admin'])].map((text, i) => ({ name: `t${i}.yaml`, text }));
  for (const audience of ['clinical', 'admin', 'patients']) {
    const linter = await createLinterAsync({ audience, glossaries }, { sliceMs: 0 });
    assert.equal(linter.lint(CUTOVER).findings.some((f) => f.ruleId === 'jargon'), audience === 'patients', audience);
  }
});

test('"Add to team glossary" into a second glossary keeps what the first one taught', () => {
  const first = override('cutover', 'familiar_to', ['clinical']);
  // The writer lists the built-in audiences with the new one (src/core/edits.ts); the first glossary's clinical is not among them.
  const second = addKnownTermToGlossary('', 'cutover', 'admin', knownAudiencesOf('cutover'));
  assert.match(second, /familiar_to: \[ ?it, admin ?\]/);
  assert.deepEqual(flaggedFor([first, second], CUTOVER), ['patients']);
  // A second pass into the same file adds to the entry.
  const again = addKnownTermToGlossary(second, 'cutover', 'patients', knownAudiencesOf('cutover'));
  assert.match(again, /familiar_to: \[ ?it, admin, patients ?\]/);
  assert.deepEqual(flaggedFor([first, again], CUTOVER), []);
});

test('marking a term known to an audience its entry took out gives it back (not_familiar_to loses it)', () => {
  const glossary = override('EHR', 'not_familiar_to', ['admin', 'it']);
  const next = addKnownTermToGlossary(glossary, 'EHR', 'admin', knownAudiencesOf('EHR'));
  assert.match(next, /not_familiar_to: \[ ?it ?\]/);
  assert.deepEqual(flaggedFor([next], 'Log in to the EHR.\n'), ['it', 'patients']);
  assert.deepEqual(checkGlossary('g.yaml', next), []);
});

test('not_familiar_to is checked like familiar_to: an unknown audience id is reported at its line', () => {
  const glossary = override('EHR', 'not_familiar_to', ['admn']);
  const [problem] = checkGlossary('g.yaml', glossary);
  assert.ok(problem, 'a problem');
  assert.equal(problem.range.start.line, 5);
  assert.match(problem.message, /Unknown audience "admn" in not_familiar_to of "EHR"; did you mean "admin"\?/);
});

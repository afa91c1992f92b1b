import { test } from 'node:test';
import assert from 'node:assert/strict';
import YAML from 'yaml';
import { addKnownTermMarked, EditRefused, glossaryAdditions, undoGlossaryAddition } from '../../src/index';

/**
 * "Review Glossary Additions" (src/core/glossary-additions.ts): entries added from the editor are
 * marked in the glossary file, listed, and undone in place, back to the text as it was.
 */

test('a new entry is marked, listed and undone back to the exact text', () => {
  const team = '# Our words\r\nversion: 1\r\nterms:\r\n  - term: Epic # the EHR\r\n    familiar_to: [clinical]\r\n';
  const added = addKnownTermMarked(team, 'UAT', 'clinical', ['it']);
  assert.match(added, /- term: UAT # crosswalk: added from the editor\r\n/);
  assert.deepEqual(YAML.parse(added).terms[1], { term: 'UAT', override: true, familiar_to: ['it', 'clinical'] });
  assert.deepEqual(glossaryAdditions(added), [{ term: 'UAT', line: 6 }]);
  const undone = undoGlossaryAddition(added, 'uat');
  assert.equal(undone.text, team);
  assert.deepEqual(undone.removed, { term: 'UAT', line: 6 });
});

test('an audience added to an entry that was there is named in the mark, and only it is taken out', () => {
  const team = 'version: 1\nterms:\n  - term: cutover\n    familiar_to: [it]\n';
  const once = addKnownTermMarked(team, 'cutover', 'clinical');
  assert.match(once, /- term: cutover # crosswalk: added clinical from the editor\n {4}familiar_to: \[ ?it, clinical ?\]/);
  const twice = addKnownTermMarked(once, 'cutover', 'admin');
  assert.deepEqual(glossaryAdditions(twice), [{ term: 'cutover', audiences: ['clinical', 'admin'], line: 3 }]);
  const undone = undoGlossaryAddition(twice, 'cutover');
  assert.deepEqual(YAML.parse(undone.text), YAML.parse(team));
  assert.doesNotMatch(undone.text, /crosswalk: added/);

  const block = 'terms:\n  - term: PACS\n    familiar_to:\n      - it\n';
  const undoneBlock = undoGlossaryAddition(addKnownTermMarked(block, 'PACS', 'clinical'), 'PACS');
  assert.equal(undoneBlock.text, block);
});

test('the team\'s own comments and entries are left alone; unmarked terms are refused', () => {
  const commented = 'terms:\n  - term: ADT # ours\n    familiar_to: [it]\n';
  const added = addKnownTermMarked(commented, 'ADT', 'clinical');
  assert.match(added, /- term: ADT # ours\n/, 'their comment stays, unmarked');
  assert.deepEqual(glossaryAdditions(added), []);
  assert.throws(() => undoGlossaryAddition(added, 'ADT'), EditRefused);
  assert.throws(() => undoGlossaryAddition('terms: [\n', 'ADT'), EditRefused);
  // The only entry: the list stays a list.
  const only = addKnownTermMarked('version: 1\nterms:\n', 'UAT', 'clinical');
  assert.deepEqual(YAML.parse(undoGlossaryAddition(only, 'UAT').text), { version: 1, terms: [] });
  const fresh = addKnownTermMarked('', 'UAT', 'clinical', ['it']);
  assert.deepEqual(glossaryAdditions(fresh), [{ term: 'UAT', line: 3 }]);
  assert.deepEqual(YAML.parse(undoGlossaryAddition(fresh, 'UAT').text), { version: 1, terms: [] });
});

// Verb phrases of the glossary (`verbs:`, data/glossary/FORMAT.md) are matched in every
// inflection: src/core/verb-forms.ts makes the forms, src/core/glossary.ts matches them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pastForms, presentParticiple, verbPhraseForms } from '../../src/core/verb-forms';
import { lint } from '../../src/index';

test('a verb phrase has its base, third person, past, participle and -ing forms', () => {
  assert.deepEqual(verbPhraseForms('cut over'), ['cut over', 'cuts over', 'cutting over']);
  assert.deepEqual(verbPhraseForms('push charges'), ['push charges', 'pushes charges', 'pushed charges', 'pushing charges']);
  assert.deepEqual(verbPhraseForms('carve out'), ['carve out', 'carves out', 'carved out', 'carving out']);
  assert.deepEqual(verbPhraseForms('go live'), ['go live', 'goes live', 'went live', 'gone live', 'going live']);
  assert.deepEqual(verbPhraseForms('fail over'), ['fail over', 'fails over', 'failed over', 'failing over']);
});

test('spelling rules: doubled consonants, a dropped e, y to i', () => {
  assert.equal(presentParticiple('spin'), 'spinning');
  assert.equal(presentParticiple('stage'), 'staging');
  assert.equal(presentParticiple('sunset'), 'sunsetting');
  assert.equal(presentParticiple('see'), 'seeing');
  assert.deepEqual(pastForms('stop'), ['stopped', 'stopped']);
  assert.deepEqual(pastForms('copy'), ['copied', 'copied']);
  assert.deepEqual(pastForms('stand'), ['stood', 'stood']);
  assert.deepEqual(pastForms('roll'), ['rolled', 'rolled']);
});

function flagged(text: string, audience = 'clinical'): string[] {
  return lint(text, { audience }).findings.filter((f) => f.ruleId === 'jargon').map((f) => `${f.term}:${text.slice(f.range.start.offset, f.range.end.offset)}`);
}

test('a verb form finds its context anywhere in its sentence, never in the next one', () => {
  assert.deepEqual(flagged('The team will cut over the lab results feed from the legacy engine on Saturday night.'), ['cutover:cut over']);
  assert.deepEqual(flagged('We cut over the corner of the lawn. The new system starts Monday.'), []);
  assert.deepEqual(flagged('The horses cut over the fence.'), []);
});

test('a verb form takes no plural ending, and the noun is matched as before', () => {
  assert.deepEqual(flagged('The cutover is on Sunday for the new system.'), ['cutover:cutover']);
  assert.deepEqual(flagged('The new system cut overs are done.'), []);
});

test('every built-in verb phrase has a plain verb a fix can inflect, itself no jargon', async () => {
  const { builtinEntries } = await import('../../src/core/builtin-glossary');
  const { isPlainVerb, inflectPlainVerb, readVerbPhrase } = await import('../../src/core/verb-forms');
  const withVerbs = builtinEntries().filter((e) => e.verbs.length);
  assert.ok(withVerbs.length >= 6);
  for (const entry of withVerbs) {
    assert.ok(entry.plainVerb && isPlainVerb(entry.plainVerb), `${entry.term}: plain_verb "${entry.plainVerb}"`);
    const text = `The team will ${entry.plainVerb} the server today.\n`;
    assert.deepEqual(lint(text, { audience: 'all' }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term), [], `${entry.term}: "${entry.plainVerb}" is plain`);
  }
  // The writer's form and pronoun carry over: "cut them over" → "switch them over".
  const read = readVerbPhrase('cutting them over', 'cut over');
  assert.deepEqual(read, { slots: ['ing'], pronoun: 'them' });
  assert.equal(inflectPlainVerb('switch over', 'ing', read?.pronoun), 'switching them over');
  assert.deepEqual(readVerbPhrase('cut over', 'cut over')?.slots, ['base', 'past', 'participle']);
  assert.equal(readVerbPhrase('cut the feed over', 'cut over'), undefined);
  assert.equal(isPlainVerb('pay separately for'), false);
});

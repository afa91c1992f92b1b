// Passive-voice advice is about the sentence at hand (issue 16): it names the passive phrase of
// that sentence and, where the doer is named ("by the board"), says the sentence in the active
// order with the writer's own words; otherwise it asks who should be named.
// First: coverage counts from before the engine loads (test/unit/work-count.ts).
import { stopCounting, workOf } from './work-count';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/index';
import { baseOf, pastOf, thirdPerson } from '../../src/core/verb-forms';

const advice = (sentence: string) => lint(`${sentence}\n`, { audience: 'all' }).findings.filter((f) => f.ruleId === 'passive-voice').map((f) => f.message);

test('with the doer in the sentence: the active order, with its own words, tense and agreement', () => {
  const cases: [string, string][] = [
    ['The plan was approved by the board.', '"was approved by the board" is passive: put the doer first. Say "The board approved the plan."'],
    ['The orders were verified by pharmacy.', '"were verified by pharmacy" is passive: put the doer first. Say "Pharmacy verified the orders."'],
    ['All orders will be verified by the pharmacy team before 6 a.m.', '"will be verified by the pharmacy team" is passive: put the doer first. Say "The pharmacy team will verify all orders before 6 a.m."'],
    ['Starting Monday, all orders will be verified by pharmacy.', '"will be verified by pharmacy" is passive: put the doer first. Say "Starting Monday, pharmacy will verify all orders."'],
    ['If the feed is stopped by the vendor, call the help desk.', '"is stopped by the vendor" is passive: put the doer first. Say "If the vendor stops the feed, call the help desk."'],
    ['The patch has been installed by IT.', '"has been installed by IT" is passive: put the doer first. Say "IT has installed the patch."'],
    ['It was taken by the night shift.', '"was taken by the night shift" is passive: put the doer first. Say "The night shift took it."'],
    ['The servers are patched by the infrastructure team every month.', '"are patched by the infrastructure team" is passive: put the doer first. Say "The infrastructure team patches the servers every month."'],
    ['Patients are seen by the nurses in room 4.', '"are seen by the nurses" is passive: put the doer first. Say "The nurses see patients in room 4."'],
    ['The change was approved by them on Tuesday.', '"was approved by them" is passive: put the doer first. Say "They approved the change on Tuesday."'],
    ['The system was quickly restored by the vendor.', '"was quickly restored by the vendor" is passive: put the doer first. Say "The vendor quickly restored the system."'],
    // "IT" the team is not the pronoun "it".
    ['IT was paged by the vendor.', '"was paged by the vendor" is passive: put the doer first. Say "The vendor paged IT."'],
    // A paragraph wrapped over lines reads as one line in the advice.
    ['The plan was\napproved by the\nboard.', '"was approved by the board" is passive: put the doer first. Say "The board approved the plan."'],
  ];
  for (const [sentence, expected] of cases) assert.deepEqual(advice(sentence), [expected], sentence);
});

test('without a doer: who should be named, in the sentence\'s own terms; "by Friday" and "by email" are not doers', () => {
  const cases: [string, string][] = [
    ['The orders will be verified.', '"will be verified" is passive and does not say who will verify the orders: start the sentence with that person or team.'],
    ['The report must be submitted by Friday.', '"must be submitted" is passive and does not say who must submit the report: start the sentence with that person or team.'],
    ['You will be notified by email.', '"will be notified" is passive and does not say who will notify you: start the sentence with that person or team.'],
    ['The car was written off after the storm.', '"was written off" is passive and does not say who wrote off the car: start the sentence with that person or team.'],
    ['The incident was contained by the security team, and the servers were restored.', '"were restored" is passive and does not say who restored the servers: start the sentence with that person or team.'],
    ['Downtime forms are required.', '"are required" is passive: say who must act, and start the sentence with them.'],
    ['The UAT plan is attached.', '"is attached" may describe a state; if someone does it, say who, at the start of the sentence.'],
  ];
  for (const [sentence, expected] of cases) assert.ok(advice(sentence).includes(expected), `${sentence}: ${JSON.stringify(advice(sentence))}`);
  // No "who loses no visits": a negative subject gets the plain advice.
  assert.deepEqual(advice('No visits are lost.'), ['"are lost" is passive and does not say who acts: name the person or team that does it.']);
});

test('the advice differs from sentence to sentence, and never repeats one stock example', () => {
  const sentences = ['The plan was approved by the board.', 'The orders will be verified.', 'The patch has been installed by IT.', 'Badges are scanned at the door.', 'The report must be submitted by Friday.'];
  const messages = sentences.flatMap(advice);
  assert.equal(new Set(messages).size, sentences.length, 'one distinct message per sentence');
  for (const m of messages) assert.doesNotMatch(m, /the pharmacy will verify/, 'not the old fixed example');
});

test('verb forms: base, past and third person, regular and irregular', () => {
  const cases: [string, string, string][] = [
    ['verified', 'verify', 'verified'], ['approved', 'approve', 'approved'], ['stopped', 'stop', 'stopped'], ['installed', 'install', 'installed'],
    ['scheduled', 'schedule', 'scheduled'], ['requested', 'request', 'requested'], ['updated', 'update', 'updated'], ['treated', 'treat', 'treated'],
    ['developed', 'develop', 'developed'], ['cancelled', 'cancel', 'cancelled'], ['managed', 'manage', 'managed'], ['released', 'release', 'released'],
    ['taken', 'take', 'took'], ['built', 'build', 'built'], ['written', 'write', 'wrote'], ['sent', 'send', 'sent'],
  ];
  for (const [participle, base, past] of cases) {
    assert.equal(baseOf(participle), base, participle);
    assert.equal(pastOf(participle), past, participle);
  }
  assert.deepEqual(['verify', 'approve', 'patch', 'go', 'do', 'have', 'see'].map(thirdPerson), ['verifies', 'approves', 'patches', 'goes', 'does', 'has', 'sees']);
  assert.equal(baseOf('red'), undefined);
});

test('a long run of passives stays linear', async () => {
  const chunk = 'The orders were verified by pharmacy and the beds are cleaned by the staff and ';
  // Work counted, not timed (test/unit/work-count.ts): the same on a busy machine.
  const work = (n: number) => workOf(() => lint(`${chunk.repeat(n)}.\n`, { audience: 'all' }));
  try {
    await work(100);
    const small = await work(250);
    const large = await work(1000);
    // Linear: 4x the text, about 4x the work; a quadratic step makes it 16x.
    assert.ok(large < small * 6, `4x the text took ${(large / small).toFixed(1)}x the work`);
  } finally {
    await stopCounting();
  }
});

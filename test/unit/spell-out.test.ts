/**
 * Spelling out an acronym where it stands keeps its number and case (issue 12): a plural
 * acronym takes the plural of its expansion's head noun ("indicators of compromise (IOCs)"), a
 * possessive one the possessive ("the electronic health record's (EHR's)"), in both rules that
 * offer it (jargon and, with jargon off, undefined-acronym), and both mark it safe.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes, fixAllPlan, lint, type AudienceId } from '../../src/index';
import { pluralise } from '../../src/rules/wording';

const CASES: [sentence: string, audience: AudienceId, spelled: string][] = [
  ['We found two IOCs on the server.', 'clinical', 'We found two indicators of compromise (IOCs) on the server.'],
  ['We found one IOC on the server.', 'clinical', 'We found one indicator of compromise (IOC) on the server.'],
  ['The IOC\'s hash matched a known attack.', 'admin', 'The indicator of compromise\'s (IOC\'s) hash matched a known attack.'],
  ['Check the EHR\'s audit log.', 'patients', 'Check the electronic health record\'s (EHR\'s) audit log.'],
  ['The EHRs were down for an hour.', 'patients', 'The electronic health records (EHRs) were down for an hour.'],
  ['Both RFPs are due on Friday.', 'clinical', 'Both requests for proposal (RFPs) are due on Friday.'],
  ['RTOs differ for each system.', 'clinical', 'Recovery time objectives (RTOs) differ for each system.'],
  ['An RTO of four hours applies.', 'clinical', 'A recovery time objective (RTO) of four hours applies.'],
];

for (const rule of ['jargon', 'undefined-acronym'] as const) {
  for (const [sentence, audience, spelled] of CASES) {
    test(`${rule} spells out in place: ${sentence} (${audience})`, () => {
      // With jargon off, an acronym the readers do not know is undefined-acronym's.
      const text = `---\naudience: ${audience}\n---\n\n${sentence}\n`;
      const config = rule === 'jargon' ? undefined : { rules: { jargon: 'off' as const } };
      const findings = lint(text, config ? { config } : {}).findings.filter((f) => f.ruleId === rule);
      const fix = findings[0]?.fixes.find((f) => f.kind === 'spell-out');
      assert.ok(fix, `a spell-out fix from ${rule}`);
      assert.equal(fix.safe, true, 'spelling out at a first use is safe unattended');
      assert.equal(applyFixes(text, [fix]).slice(text.indexOf('\n\n') + 2).trimEnd(), spelled, fix.title);
      assert.ok(fix.title.includes(spelled), `the title shows the sentence: ${fix.title}`);
      assert.equal(applyFixes(text, fixAllPlan(findings).fixes).slice(text.indexOf('\n\n') + 2).trimEnd(), spelled, 'fix-all applies it');
    });
  }
}

test('pluralise takes the head noun of a phrase with a preposition', () => {
  assert.equal(pluralise('indicator of compromise'), 'indicators of compromise');
  assert.equal(pluralise('explanation of benefits'), 'explanations of benefits');
  assert.equal(pluralise('length of stay'), 'lengths of stay');
  assert.equal(pluralise('days in accounts receivable'), 'days in accounts receivable');
  assert.equal(pluralise('electronic health record'), 'electronic health records');
  assert.equal(pluralise('the pause on changes'), 'the pauses on changes');
  assert.equal(pluralise('user acceptance testing'), 'user acceptance testing');
  assert.equal(pluralise('recovery time objective'), 'recovery time objectives');
});

test('redundant-acronym\'s fix is safe, and fix-all applies it', () => {
  const text = '---\naudience: clinical\n---\n\nEnter your PIN number at the kiosk. Keep PIN numbers private.\n';
  const findings = lint(text).findings.filter((f) => f.ruleId === 'redundant-acronym');
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.fixes[0]?.safe === true));
  const plan = fixAllPlan(findings);
  assert.equal(applyFixes(text, plan.fixes), '---\naudience: clinical\n---\n\nEnter your PIN at the kiosk. Keep PINs private.\n');
});

test('fix-all spells a jargon acronym out once: its first use, not again in a later audience section', () => {
  const text = '---\naudience: clinical\n---\n\nThe RTO is four hours.\n\n<!-- audience: admin -->\n\nThe RTO matters to the budget.\n';
  const plan = fixAllPlan(lint(text).findings);
  const fixed = applyFixes(text, plan.fixes);
  assert.equal((fixed.match(/recovery time objective \(RTO\)/g) ?? []).length, 1, fixed);
  assert.match(fixed, /The recovery time objective \(RTO\) is four hours\./);
});

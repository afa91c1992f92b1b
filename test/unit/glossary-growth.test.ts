// Terms added to the glossary for recall on real messages (issue 11: revenue cycle, lab and
// pharmacy, VDI, security operations, EHR products and environments, interfaces, priority levels)
// whose words are also everyday English count only in their health-IT sense: each everyday
// sentence raises no jargon for any audience, and each term sentence raises the term for a reader
// who does not know it (and not for one who does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/index';

const AUDIENCES = ['clinical', 'admin', 'it', 'patients'];

function jargonTerms(text: string, audience: string): string[] {
  return lint(text, { audience }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term ?? '');
}

const everyday: string[] = [
  'Prices for fuel will drop next month, and the charges drop with them.',
  'The charges were dropped after the hearing.',
  'We carve out an hour every Friday for the team lunch.',
  'For instance, the library opens at nine.',
  'In this instance, the parking office will refund the fee.',
];

for (const sentence of everyday) {
  test(`everyday: "${sentence}" raises no jargon for any audience`, () => {
    for (const audience of AUDIENCES) assert.deepEqual(jargonTerms(sentence, audience), [], `${audience}: ${sentence}`);
  });
}

const asTerms: { text: string; audience: string; term: string; knownTo?: string }[] = [
  { text: 'Charges will now drop from the MAR at administration.', audience: 'clinical', term: 'charge drop', knownTo: 'admin' },
  { text: 'Implant charges must carry the invoice cost so we can carve them out under the contract.', audience: 'it', term: 'carve-out', knownTo: 'admin' },
  { text: 'The charge router will add the place of service.', audience: 'clinical', term: 'charge router' },
  { text: 'Work the charge reconciliation report daily so we can bill within the lag days.', audience: 'clinical', term: 'charge reconciliation', knownTo: 'admin' },
  { text: 'Without a stop time, the claim will hit a billing edit.', audience: 'clinical', term: 'billing edit', knownTo: 'admin' },
  { text: 'Our MAC denied the appeal for the Medicare claims.', audience: 'clinical', term: 'MAC', knownTo: 'admin' },
];

for (const { text, audience, term, knownTo } of asTerms) {
  test(`as a term: "${text}" raises ${term} for ${audience}${knownTo ? `, not for ${knownTo}` : ''}`, () => {
    assert.ok(jargonTerms(text, audience).includes(term), `${audience}: ${jargonTerms(text, audience).join(', ')}`);
    if (knownTo) assert.ok(!jargonTerms(text, knownTo).includes(term), `${knownTo}: ${jargonTerms(text, knownTo).join(', ')}`);
  });
}

// Lab, VDI, security, EHR product and interface words (the same both ways).
const everydayMore: string[] = [
  'The kids will bounce on the trampoline after lunch.',
  'We watched the sunset from the pier.',
  'The teams spin up the wheel before the game.',
  'The P2 bus leaves the stop at noon.',
  'The water cycle and the power of the sun are in chapter two.',
  'The circuit court will hear the case in May.',
  'We like the cadence of the poem and the clarity of its words.',
];
for (const sentence of everydayMore) {
  test(`everyday: "${sentence}" raises no jargon for any audience`, () => {
    for (const audience of AUDIENCES) assert.deepEqual(jargonTerms(sentence, audience), [], `${audience}: ${sentence}`);
  });
}

const asTermsMore: { text: string; audience: string; term: string; knownTo?: string }[] = [
  { text: 'If your session hangs, log a P2 ticket with the Service Desk.', audience: 'clinical', term: 'P2', knownTo: 'it' },
  { text: 'Over two years we will move to the Epic instance of our partner.', audience: 'admin', term: 'instance', knownTo: 'it' },
  { text: 'We will bounce the interface engine at midnight.', audience: 'clinical', term: 'bounce', knownTo: 'it' },
  { text: 'We will sunset the legacy scheduling system in June.', audience: 'clinical', term: 'sunset', knownTo: 'admin' },
  { text: 'The new contract saves money on esoteric tests.', audience: 'admin', term: 'esoteric test', knownTo: 'clinical' },
  { text: 'We are checking sign-in logs for accounts that may be compromised.', audience: 'clinical', term: 'sign-in logs', knownTo: 'it' },
  { text: 'EMR integration for the pumps is off; program them by hand.', audience: 'clinical', term: 'EMR integration', knownTo: 'it' },
  { text: 'In Epic, Cadence and Prelude will be read-only tonight.', audience: 'patients', term: 'Cadence', knownTo: 'admin' },
];
for (const { text, audience, term, knownTo } of asTermsMore) {
  test(`as a term: "${text}" raises ${term} for ${audience}${knownTo ? `, not for ${knownTo}` : ''}`, () => {
    assert.ok(jargonTerms(text, audience).includes(term), `${audience}: ${jargonTerms(text, audience).join(', ')}`);
    if (knownTo) assert.ok(!jargonTerms(text, knownTo).includes(term), `${knownTo}: ${jargonTerms(text, knownTo).join(', ')}`);
  });
}

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

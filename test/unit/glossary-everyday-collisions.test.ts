// The terms added to grow the glossary past 700 (issue 11) whose words are also everyday English
// count only in their health-IT sense: each sentence pair below holds the same words once in
// everyday use (no finding for any audience) and once as the term (a finding for a reader who
// does not know it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/index';

const AUDIENCES = ['clinical', 'admin', 'it', 'patients'];

function jargonTerms(text: string, audience: string): string[] {
  return lint(text, { audience }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term ?? '');
}

const everyday: string[] = [
  'Dr. Foley will see you on the second floor.',
  'I cannot recollect the name of the street.',
  'Please redraw the map with the new boundary.',
  'Replace the wiper blades before winter.',
  'The BLS figures show that wages rose last year.',
  'Send the report by COB on Friday.',
  'Ask the PCA on your unit for a warm blanket.',
  'The tire was filled to 32 PSI.',
  'She applied for SSI after losing her job.',
  'The invoice number matching the receipt was missing.',
  'We made an emergency change to the staff rota after the storm.',
  'Update your work profile on the job site before applying.',
  'The new app has a star rating of four.',
  'The younger players leapfrog over each other in the warm-up.',
  'Their farm let them live by living off the land for a year.',
  'The small bay was a safe harbor for the fishing boats.',
  'We need a block of time on Tuesday to plan the picnic.',
  'The shop will close for a standard change of its window display.',
  'A count discrepancy in the warehouse delayed the order.',
  'The stewardship program plants trees along the river.',
  'The records request form is at the front desk of the library.',
  'By brute force, the movers got the piano up the stairs.',
  // Terms of the denials, point-of-care, decision-support and interface families (held-out-4).
  'Housekeeping bought a new floor scrubber for the lobby, and it goes live on Monday.',
  'Reply in the email thread so everyone sees the answer.',
  'Our market segment grew last year.',
  'Put your phone on silent mode during the meeting.',
  'The new tenant in Suite 200 moves in on Monday.',
  'Room A01 is next to the elevator.',
  'Interpreters pass a language proficiency testing program every two years.',
];

for (const sentence of everyday) {
  test(`everyday: "${sentence}" raises no jargon for any audience`, () => {
    for (const audience of AUDIENCES) assert.deepEqual(jargonTerms(sentence, audience), [], `${audience}: ${sentence}`);
  });
}

const asTerms: { text: string; audience: string; term: string }[] = [
  { text: 'Remove the Foley catheter before the patient walks.', audience: 'admin', term: 'Foley catheter' },
  { text: 'Please remove the Foley before discharge.', audience: 'it', term: 'Foley catheter' },
  { text: 'The lab will recollect the hemolyzed specimen.', audience: 'admin', term: 'specimen recollection' },
  { text: 'The wiper malware destroyed files on two servers.', audience: 'clinical', term: 'wiper malware' },
  { text: 'Your BLS certification expires next month; renew it with the CPR course.', audience: 'admin', term: 'BLS' },
  { text: 'Medicare is the primary payer, so check COB before billing the secondary plan.', audience: 'clinical', term: 'coordination of benefits' },
  { text: 'The PCA pump delivers a small opioid dose when the patient presses the button.', audience: 'it', term: 'PCA pump' },
  { text: 'Our PSI 90 composite rose this quarter.', audience: 'clinical', term: 'patient safety indicator' },
  { text: 'Surgical site infection rates fell after the new bundle.', audience: 'it', term: 'surgical site infection' },
  { text: 'Number matching for MFA sign-in starts Monday.', audience: 'clinical', term: 'number matching' },
  { text: 'The CAB approved an emergency change to patch the servers tonight.', audience: 'clinical', term: 'emergency change' },
  { text: 'Install the work profile on your Android phone to get email.', audience: 'admin', term: 'work profile' },
  { text: 'Our CMS star rating rose to four stars for hospital quality.', audience: 'clinical', term: 'star rating' },
  { text: 'We earned an A in the Leapfrog safety grade.', audience: 'it', term: 'Leapfrog' },
  { text: 'The attackers were living off the land, using built-in tools to avoid detection.', audience: 'clinical', term: 'living off the land' },
  { text: 'The arrangement fits an Anti-Kickback safe harbor.', audience: 'clinical', term: 'safe harbor' },
  { text: 'Surgeons who do not fill their OR block time by Friday lose it.', audience: 'it', term: 'block time' },
  { text: 'About 2,300 claims held in the scrubber for edits after go-live.', audience: 'clinical', term: 'claim scrubber' },
  { text: 'The interface team restarts the Cloverleaf threads after the upgrade.', audience: 'clinical', term: 'interface thread' },
  { text: 'Map the OBX segment to the new result field in the interface.', audience: 'admin', term: 'HL7 segment' },
  { text: 'The new sepsis model runs in silent mode for 30 days.', audience: 'clinical', term: 'silent mode' },
  { text: 'Epic sends an A08 message to the bed board when a patient moves.', audience: 'clinical', term: 'ADT' },
  { text: 'The lab passed every proficiency testing event this year.', audience: 'admin', term: 'proficiency testing' },
];

for (const { text, audience, term } of asTerms) {
  test(`as the term: "${text}" flags ${term} for ${audience} readers`, () => {
    assert.ok(jargonTerms(text, audience).includes(term), `${audience}: ${jargonTerms(text, audience).join(', ')}`);
  });
}

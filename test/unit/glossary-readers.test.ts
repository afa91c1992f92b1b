// Who knows a term, as judged for the held-out misses (issue 11; data/glossary/*.yaml `ambiguity`
// says why for each): the acronym or number one team uses is flagged for the readers who know the
// thing by its plain name, and stays quiet for the team that uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/index';

const TERM_RULES = new Set(['jargon', 'undefined-acronym']);

/** The terms the term rules flag (a jargon finding names the glossary term, an acronym finding the acronym). */
function flagged(text: string, audience: string): string[] {
  return lint(text, { audience }).findings.filter((f) => TERM_RULES.has(f.ruleId)).map((f) => f.term ?? '');
}

const cases: { text: string; flaggedFor: string[]; quietFor: string[]; term: string }[] = [
  // The interface feed by its acronym: nurses do the admissions and transfers, IT builds the feed.
  { text: 'Tonight the interface team will resend queued ADT messages.', term: 'ADT', flaggedFor: ['clinical', 'admin'], quietFor: ['it'] },
  // The lab's acronym, apart from the words nurses know.
  { text: 'Results from the glucose meters go through the POCT server.', term: 'POCT', flaggedFor: ['clinical', 'admin', 'it'], quietFor: [] },
  { text: 'Glucose checks are point-of-care testing, done at the bedside.', term: 'point-of-care testing', flaggedFor: ['admin'], quietFor: ['clinical', 'it'] },
  // Epic's name for its alert, apart from the general idea IT knows.
  { text: 'A BPA fires when the sepsis score crosses the threshold.', term: 'BPA', flaggedFor: ['it', 'admin'], quietFor: ['clinical'] },
  { text: 'The new clinical decision support rule fires when the score crosses the threshold.', term: 'CDS', flaggedFor: ['admin'], quietFor: ['clinical', 'it'] },
  // EDI's numbers for the check that patient access knows by name.
  { text: 'The 270/271 batch to the clearinghouse will run late.', term: '270/271', flaggedFor: ['admin', 'clinical'], quietFor: ['it'] },
  // An HL7 field number: a reference to interface readers, a code to everyone else.
  { text: 'The mapping change dropped the second repetition of PID-3.', term: 'HL7 field', flaggedFor: ['admin', 'clinical'], quietFor: ['it'] },
];

for (const { text, term, flaggedFor, quietFor } of cases) {
  test(`readers: "${text}" flags ${term} for ${flaggedFor.join(', ')}, not for ${quietFor.join(', ') || 'anyone'}`, () => {
    for (const audience of flaggedFor) assert.ok(flagged(text, audience).includes(term), `${audience}: ${flagged(text, audience).join(', ')}`);
    for (const audience of quietFor) assert.ok(!flagged(text, audience).includes(term), `${audience}: ${flagged(text, audience).join(', ')}`);
  });
}

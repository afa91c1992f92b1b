import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { audiences, checkConfig, lint } from '../../src/index';
import { main } from '../../src/cli/main';

const PHARMACY = 'audiences:\n  pharmacy:\n    extends: clinical\n    label: Pharmacy\n    knows: [HL7, ADC]\n    readability: {grade: 10}\n';
const pharmacyConfig = () => checkConfig(PHARMACY).config;
const DRAFT = '---\naudience: pharmacy\n---\n\nThe HL7 feed to the ADC stops during UAT on Monday.\n';

test('a team audience knows what its parent knows and the terms it lists, and takes its label', () => {
  const config = pharmacyConfig();
  const result = lint(DRAFT, { config });
  assert.deepEqual(result.audience, ['pharmacy']);
  const jargon = result.findings.filter((f) => f.ruleId === 'jargon');
  assert.deepEqual(jargon.map((f) => f.term), ['UAT'], 'HL7 and ADC are known to pharmacy; UAT is not known to clinical staff, so not to pharmacy');
  assert.match(jargon[0].message, /Pharmacy readers may not know/);
  // Clinical readers still do not know HL7: the team audience changes nothing for its parent.
  assert.ok(lint(DRAFT.replace('pharmacy', 'clinical'), { config }).findings.some((f) => f.ruleId === 'jargon' && f.term === 'HL7'));
});

test('a team audience works in section markers, in the catalog and with its own targets', () => {
  const config = pharmacyConfig();
  const text = '---\naudience: it\n---\n\nThe HL7 feed stops.\n\n<!-- audience: pharmacy -->\n## For pharmacy\n\nThe HL7 feed to the ADC stops.\n';
  const result = lint(text, { config });
  assert.deepEqual(result.sections.map((s) => s.audience), [['it'], ['pharmacy']]);
  const catalog = audiences(config);
  assert.deepEqual(catalog.ids, ['clinical', 'admin', 'it', 'patients', 'pharmacy']);
  assert.equal(catalog.title('pharmacy'), 'Pharmacy');
  assert.deepEqual(catalog.all, ['clinical', 'admin', 'it'], '"all" stays the built-in staff audiences');
  assert.equal(catalog.get('pharmacy')?.limits.readability.age, 15, 'grade 10 is reader age 15');
  assert.equal(catalog.get('pharmacy')?.limits.sentenceWords, catalog.get('clinical')?.limits.sentenceWords, 'other targets come from clinical');
});

test('a mistyped extends gets a did-you-mean finding at its line, and checking goes on', () => {
  const { config, findings } = checkConfig('audiences:\n  pharmacy:\n    extends: clinicl\n    label: Pharmacy\naudience: pharmacy\n');
  assert.deepEqual(findings.map((f) => [f.range.start.line, f.message]), [
    [3, 'Team audience "pharmacy" extends "clinicl", which is not a built-in audience; did you mean "clinical"? Use one of: clinical, admin, it, patients.'],
  ]);
  assert.equal(config.audiences?.pharmacy, undefined);
  // Without the team audience, "pharmacy" is what it always was: an alias of clinical.
  assert.deepEqual(config.audience, ['clinical']);
  const missing = checkConfig('audiences:\n  pharmcy:\n    label: Pharmacy\n').findings;
  assert.match(missing[0].message, /^Unknown audience "pharmcy" under audiences; A team audience needs "extends:"/);
});

test('ignoreAudienceMarkers checks the whole draft for the option\'s audience', () => {
  const text = '---\naudience: it\n---\n\nThe HL7 feed stops.\n\n<!-- audience: clinical -->\n## For nurses\n\nThe UAT ends.\n';
  const result = lint(text, { audience: 'admin', ignoreAudienceMarkers: true });
  assert.deepEqual(result.audience, ['admin']);
  assert.deepEqual(result.sections.map((s) => s.audience), [['admin']]);
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'jargon').map((f) => [f.term, f.audience]), [['HL7', ['admin']], ['UAT', ['admin']]]);
});

test('the CLI takes --audience for a team audience of the config it finds', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-team-'));
  fs.writeFileSync(path.join(dir, '.crosswalk.yaml'), PHARMACY);
  fs.writeFileSync(path.join(dir, 'note.md'), 'The HL7 feed to the ADC stops during UAT on Monday.\n');
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['check', path.join(dir, 'note.md'), '--audience', 'pharmacy', '--format', 'json'], (s) => out.push(s), (s) => err.push(s));
  assert.equal(code, 0, err.join('\n'));
  const file = JSON.parse(out.join('\n')).files[0];
  assert.deepEqual(file.audience, ['pharmacy']);
  assert.deepEqual(file.findings.filter((f: { ruleId: string }) => f.ruleId === 'jargon').map((f: { term: string }) => f.term), ['UAT']);
  const bad = await main(['check', path.join(dir, 'note.md'), '--audience', 'pharmacyy'], () => undefined, (s) => err.push(s));
  assert.equal(bad, 2);
  assert.match(err.join('\n'), /unknown audience "pharmacyy"\. Valid audiences: clinical, admin, it, all, patients, pharmacy\./);
});

test('patients: a built-in audience with its aliases, grade-6 targets, outside "all", knowing no professional term', () => {
  const catalog = audiences();
  for (const name of ['patients', 'patient', 'public', 'families', 'community']) assert.deepEqual(catalog.resolveName(name), ['patients'], name);
  assert.deepEqual(catalog.resolveName('all'), ['clinical', 'admin', 'it'], '"all staff" is not a letter to patients');
  assert.equal(catalog.get('patients')?.limits.readability.age, 11, 'grade 6 is reader age 11');
  const text = '---\naudience: families\n---\n\nThe EHR and the patient portal will be down on Saturday night for an upgrade.\n';
  const result = lint(text);
  assert.deepEqual(result.audience, ['patients']);
  const ehr = result.findings.find((f) => f.ruleId === 'jargon' && f.term === 'EHR');
  assert.ok(ehr, 'EHR, known to every staff audience, is jargon for patients');
  assert.match(ehr.message, /patient readers may not know\. Say: "your online health record"\./);
  assert.equal(lint(text.replace('families', 'all')).findings.some((f) => f.ruleId === 'jargon' && f.term === 'EHR'), false, 'staff know it');
});

// Team glossaries are checked against the glossary format entry by entry (src/core/glossary-schema.ts):
// a bad entry gets a clear finding at its line in its file, and the other entries still load, for a
// glossary named in .crosswalk.yaml and for one named by the crosswalk.glossaries setting (issue 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { checkGlossary, discoverConfig, lint } from '../../src/index';
import { DOMAINS, NEW_TERM_FIELDS, SEVERITIES, TERM_FIELDS, TOP_KEYS, glossaryFormatProblems } from '../../src/core/glossary-schema';

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'schema', 'glossary.schema.json'), 'utf8'));

test('the check knows the fields, required fields, domains and severities the schema names', () => {
  const term = schema.definitions.term;
  assert.deepEqual(Object.keys(TERM_FIELDS).sort(), Object.keys(term.properties).sort());
  const requiredNew = term.allOf.find((a: { else?: { required?: string[] } }) => a.else)?.else.required;
  assert.deepEqual([...NEW_TERM_FIELDS].sort(), [...requiredNew].sort());
  assert.deepEqual([...TOP_KEYS].sort(), Object.keys(schema.properties).sort());
  assert.deepEqual([...DOMAINS].sort(), [...schema.definitions.domain.enum].sort());
  assert.deepEqual([...SEVERITIES].sort(), [...term.properties.severity.enum].sort());
});

const COMPLETE = {
  term: 'bed-flip board', domain: 'clinical', familiar_to: ['clinical'], definition: 'The board where rooms being cleaned are tracked.',
  plain: 'the room-cleaning board', replace: { admin: 'the room-cleaning board', it: 'the room-cleaning board' }, severity: 'warning', sources: ['ward'],
};
const file = (...terms: unknown[]) => ({ version: 1, sources: { ward: { title: 'Ward handbook', url: 'https://example.org/h' } }, terms });

test('on good and bad entries the check agrees with Ajv on the schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  const good = [
    file(COMPLETE),
    file({ term: 'UAT', override: true, familiar_to: ['it', 'clinical'] }),
    file({ term: 'synergy', banned: true }),
    file({ ...COMPLETE, weak: true, context: ['room'] }),
    file({ ...COMPLETE, aliases: ['flip board'], exclude: ['flip board game'], plurals: false, expansion: 'bed flip board', ambiguity: 'None.' }),
  ];
  const bad = [
    file({ ...COMPLETE, familar_to: ['clinical'] }),
    file({ ...COMPLETE, familiar_to: 'clinical' }),
    file({ ...COMPLETE, severity: 'high' }),
    file({ ...COMPLETE, domain: 'nursing' }),
    file({ ...COMPLETE, weak: 'yes' }),
    file({ ...COMPLETE, weak: true }),
    file({ ...COMPLETE, weak_aliases: ['board'] }),
    file({ ...COMPLETE, aliases: ['flip board', 'flip board'] }),
    file({ ...COMPLETE, aliases: [' flip board'] }),
    file({ ...COMPLETE, replace: 'the board' }),
    file({ ...COMPLETE, replace: { admin: '' } }),
    file({ ...COMPLETE, sources: [] }),
    file({ ...COMPLETE, sources: ['Ward Handbook'] }),
    file({ ...COMPLETE, definition: '' }),
    file({ term: 'bed-flip board', familiar_to: ['clinical'] }),
    file({ ...COMPLETE, term: '' }),
    file('bed-flip board'),
    { ...file(COMPLETE), term: [] },
    { ...file(COMPLETE), version: 2 },
    { ...file(COMPLETE), sources: { ward: { title: 'Ward handbook' } } },
  ];
  for (const data of good) {
    assert.equal(validate(data), true, `Ajv: ${JSON.stringify(data)} ${JSON.stringify(validate.errors)}`);
    assert.deepEqual(glossaryFormatProblems(data, undefined, 'team.yaml').map((p) => p.message), [], JSON.stringify(data));
  }
  for (const data of bad) {
    assert.equal(validate(data), false, `Ajv accepts ${JSON.stringify(data)}`);
    assert.ok(glossaryFormatProblems(data, undefined, 'team.yaml').length > 0, `no problem for ${JSON.stringify(data)}`);
  }
});

const GLOSSARY = [
  'version: 1',
  'sources:',
  '  ward: {title: "Ward 4 West handbook", url: "https://example.org/handbook"}',
  'terms:',
  '  - term: bed-flip board',
  '    domain: clinical',
  '    familar_to: [clinical]',
  '    definition: "The whiteboard where the charge nurse tracks rooms being cleaned."',
  '    plain: "the room-cleaning board"',
  '    replace: {admin: "the room-cleaning whiteboard", it: "the room-cleaning whiteboard"}',
  '    severity: high',
  '    sources: [ward]',
  '  - term: huddle board',
  '    domain: clinical',
  '    familiar_to: [clinical]',
  '    definition: "The board where the unit posts its safety huddle notes."',
  '    plain: "the unit notes board"',
  '    replace: {admin: "the unit notes board", it: "the unit notes board"}',
  '    severity: warning',
  '    sources: [ward]',
  '  - term: tele box',
  '    familiar_to: [clinical]',
  '  - just a line',
  '  - term: UAT',
  '    familiar_to: [it, clinical]',
  '',
].join('\n');

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function found(findings: { range: { start: { line: number; offset: number }; end: { offset: number } }; message: string }[], text: string) {
  return findings.map((f) => ({ line: f.range.start.line, text: text.slice(f.range.start.offset, f.range.end.offset), message: f.message }));
}

test('a team glossary named in .crosswalk.yaml: each bad entry is a finding at its line in the glossary, and the rest loads', async () => {
  const files: Record<string, string> = { '/ws/.crosswalk.yaml': 'glossaries: [team.yaml]\n', '/ws/team.yaml': GLOSSARY };
  const loaded = await discoverConfig('/ws', async (p) => files[p]);
  const problems = loaded.problems.find((p) => p.path === '/ws/team.yaml');
  assert.ok(problems, JSON.stringify(loaded.problems));
  const got = found(problems.findings, GLOSSARY);
  assert.deepEqual(got.map((f) => [f.line, f.text]), [
    [lineOf(GLOSSARY, 'term: bed-flip board'), 'bed-flip board'],
    [lineOf(GLOSSARY, 'familar_to'), 'familar_to'],
    [lineOf(GLOSSARY, 'severity: high'), 'high'],
    [lineOf(GLOSSARY, 'term: tele box'), 'tele box'],
    [lineOf(GLOSSARY, '- just a line'), 'just a line'],
    [lineOf(GLOSSARY, 'term: UAT'), 'UAT'],
  ]);
  assert.match(got[0].message, /"bed-flip board" lacks familiar_to: a new term needs every field/);
  assert.match(got[1].message, /^team\.yaml: Unknown field "familar_to" in "bed-flip board"; did you mean "familiar_to"\?/);
  assert.match(got[2].message, /"severity" of "bed-flip board" must be warning or info\. This value is not used\./);
  assert.match(got[3].message, /"tele box" lacks domain, definition, plain, replace, severity, sources: a new term needs every field/);
  assert.match(got[4].message, /Item 4 of "terms" is not a term/);
  assert.match(got[5].message, /"UAT" is a built-in term: add "override: true"/);
  // The rest still loads: the good entry, the bad one without its bad field, and the override.
  const options = { config: loaded.config, glossaries: loaded.glossaries };
  const jargon = (text: string, audience: string) => lint(text, { ...options, audience }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term);
  assert.deepEqual(jargon('The huddle board is by the desk.\n', 'admin'), ['huddle board']);
  assert.deepEqual(jargon('The huddle board is by the desk.\n', 'clinical'), []);
  assert.deepEqual(jargon('The bed-flip board is by the desk.\n', 'admin'), ['bed-flip board'], 'the entry loads without its misspelt field');
  assert.deepEqual(jargon('UAT starts Monday.\n', 'clinical'), [], 'the entry for a built-in term still changes it');
});

test('a team glossary named by the crosswalk.glossaries setting gets the same findings, at its lines', () => {
  const findings = checkGlossary('/ws/settings-team.yaml', GLOSSARY);
  assert.deepEqual(found(findings, GLOSSARY).map((f) => f.line), [
    lineOf(GLOSSARY, 'term: bed-flip board'), lineOf(GLOSSARY, 'familar_to'), lineOf(GLOSSARY, 'severity: high'), lineOf(GLOSSARY, 'term: tele box'), lineOf(GLOSSARY, '- just a line'), lineOf(GLOSSARY, 'term: UAT'),
  ]);
  assert.ok(findings.every((f) => f.ruleId === 'config' && f.message.startsWith('/ws/settings-team.yaml: ')));
  // A YAML error is reported at its line too, and a complete glossary raises nothing.
  const broken = 'terms:\n  - term: x\n   domain: clinical\n';
  assert.equal(checkGlossary('b.yaml', broken)[0]?.range.start.line, 3);
  assert.deepEqual(checkGlossary('ok.yaml', GLOSSARY.split('  - term: tele box')[0].replace('familar_to', 'familiar_to').replace('severity: high', 'severity: info')), []);
  // Team audiences of the config count as audience ids.
  const withTeam = 'terms:\n  - {term: UAT, override: true, familiar_to: [bedside]}\n';
  assert.match(checkGlossary('t.yaml', withTeam)[0]?.message ?? '', /Unknown audience "bedside"/);
  assert.deepEqual(checkGlossary('t.yaml', withTeam, { audiences: { bedside: { extends: 'clinical' } } }), []);
});

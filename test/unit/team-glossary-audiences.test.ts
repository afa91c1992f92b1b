// A team glossary may name the team's own audiences (declared in .crosswalk.yaml `audiences:`)
// in `familiar_to` and `replace`; an id that is no audience of the project is reported at its
// line with a did-you-mean, and checking goes on (issue 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { discoverConfig, lint } from '../../src/index';

const CONFIG = 'audiences:\n  bedside:\n    extends: clinical\n    label: bedside nursing\nglossaries: [team-glossary.yaml]\n';
const GLOSSARY = [
  'version: 1',
  'sources:',
  '  ward: {title: "Ward 4 West handbook", url: "https://example.org/handbook"}',
  'terms:',
  '  - term: bed-flip board',
  '    domain: clinical',
  '    familiar_to: [bedside, it]',
  '    definition: "The whiteboard where the charge nurse tracks rooms being cleaned."',
  '    plain: "the room-cleaning board"',
  '    replace: {clinical: "the room-cleaning whiteboard", admin: "the room-cleaning whiteboard", bedside: "the bed board"}',
  '    severity: warning',
  '    sources: [ward]',
  '',
].join('\n');

function files(glossary: string): (p: string) => Promise<string | undefined> {
  const tree: Record<string, string> = { '/ws/.crosswalk.yaml': CONFIG, '/ws/team-glossary.yaml': glossary };
  return async (p: string) => tree[p];
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in the glossary`);
  return text.slice(0, at).split('\n').length;
}

test('a team glossary naming a team audience from .crosswalk.yaml raises no problem, and the term is known to that audience', async () => {
  const loaded = await discoverConfig('/ws', files(GLOSSARY));
  assert.deepEqual(loaded.problems.flatMap((p) => p.findings.map((f) => f.message)), []);
  const text = 'The bed-flip board is updated every hour.\n';
  const options = { config: loaded.config, glossaries: loaded.glossaries };
  const jargon = (audience: string) => lint(text, { ...options, audience }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term);
  assert.deepEqual(jargon("bedside"), [], 'the team audience knows the term its glossary marks familiar to it');
  assert.deepEqual(jargon('it'), []);
  assert.deepEqual(jargon('clinical'), ['bed-flip board'], 'the parent audience does not');
});

test('an unknown audience in familiar_to or replace is reported at its line with a did-you-mean, and the valid part is used', async () => {
  const glossary = GLOSSARY
    .replace('familiar_to: [bedside, it]', 'familiar_to: [nurse, bedsid, itt]')
    .replace('bedside: "the bed board"', 'bedsde: "the bed board"');
  const loaded = await discoverConfig('/ws', files(glossary));
  const problems = loaded.problems.find((p) => p.path === '/ws/team-glossary.yaml');
  assert.ok(problems, `problems are reported on the glossary file: ${JSON.stringify(loaded.problems)}`);
  const found = problems.findings.map((f) => ({ line: f.range.start.line, text: glossary.slice(f.range.start.offset, f.range.end.offset), message: f.message }));
  const familiarLine = lineOf(glossary, 'familiar_to:');
  assert.deepEqual(found.map((f) => [f.line, f.text]), [
    [familiarLine, 'nurse'],
    [familiarLine, 'bedsid'],
    [familiarLine, 'itt'],
    [lineOf(glossary, 'replace:'), 'bedsde'],
  ]);
  assert.match(found[0].message, /"nurse" in familiar_to of "bed-flip board" is a name for the audience "clinical"; familiar_to takes audience ids: write "clinical"/);
  assert.match(found[1].message, /Unknown audience "bedsid" in familiar_to of "bed-flip board"; did you mean "bedside"\? Audiences: clinical, admin, it, patients, bedside/);
  assert.match(found[2].message, /Unknown audience "itt" in familiar_to of "bed-flip board"; did you mean "it"\?/);
  assert.match(found[3].message, /Unknown audience "bedsde" in replace of "bed-flip board"; did you mean "bedside"\?/);
  // Checking goes on with the glossary: the term is still there, known to no one it names by mistake.
  const result = lint('The bed-flip board is updated every hour.\n', { config: loaded.config, glossaries: loaded.glossaries, audience: "bedside" });
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term), ['bed-flip board']);
});

test('without the team audience declared, its id in a team glossary is unknown', async () => {
  const read = async (p: string) => ({ '/ws/.crosswalk.yaml': 'glossaries: [team-glossary.yaml]\n', '/ws/team-glossary.yaml': GLOSSARY })[p];
  const loaded = await discoverConfig('/ws', read);
  const messages = loaded.problems.flatMap((p) => p.findings.map((f) => f.message));
  assert.equal(messages.filter((m) => /Unknown audience "bedside" in (familiar_to|replace) of "bed-flip board"/.test(m)).length, 2, messages.join('\n'));
  assert.ok(messages.every((m) => /a team audience is declared in \.crosswalk\.yaml under audiences:/.test(m)));
});

test('an id written in other capitals is the audience it names', async () => {
  const glossary = GLOSSARY.replace('familiar_to: [bedside, it]', 'familiar_to: [Bedside, IT]');
  const loaded = await discoverConfig('/ws', files(glossary));
  assert.deepEqual(loaded.problems.flatMap((p) => p.findings.map((f) => f.message)), []);
  const result = lint('The bed-flip board is updated every hour.\n', { config: loaded.config, glossaries: loaded.glossaries, audience: "bedside" });
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'jargon'), []);
});

test('the glossary schema takes a team audience id in a team glossary, and built-in files name only built-in audiences', () => {
  const root = join(import.meta.dirname, '..', '..');
  const schema = JSON.parse(readFileSync(join(root, 'data', 'schema', 'glossary.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
  assert.ok(validate(parse(GLOSSARY)), JSON.stringify(validate.errors));
  assert.ok(!validate(parse(GLOSSARY.replace('familiar_to: [bedside, it]', 'familiar_to: ["Not An Id!"]'))), 'an id must still look like an id');
  const builtIn = (parse(readFileSync(join(root, 'data', 'audiences.yaml'), 'utf8')) as { audiences: { id: string }[] }).audiences.map((a) => a.id);
  const problems: string[] = [];
  for (const domain of ['clinical', 'it', 'admin_finance', 'regulatory']) {
    const data = parse(readFileSync(join(root, 'data', 'glossary', `${domain}.yaml`), 'utf8')) as { terms: { term: string; familiar_to?: string[]; replace?: Record<string, string> }[] };
    for (const t of data.terms) {
      for (const id of [...t.familiar_to ?? [], ...Object.keys(t.replace ?? {})]) if (!builtIn.includes(id)) problems.push(`${domain}.yaml: ${t.term} names "${id}"`);
    }
  }
  assert.deepEqual(problems, []);
});

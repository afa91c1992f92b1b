// The writers on hostile YAML: each edits only the node it names, keeps every other byte of the
// file, or refuses with a message (EditRefused). Never a rewrite of what it does not understand.
import assert from 'node:assert/strict';
import test from 'node:test';
import { addGlossaryToConfigText, addKnownTermToGlossary, allowTermEdit, EditRefused, setAudienceEdit } from '../../src/core/edits';
import { lint } from '../../src/index';

type Edit = ReturnType<typeof setAudienceEdit>;
const apply = (text: string, edit: Edit) => text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset);
const refuses = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (error: unknown) => error instanceof EditRefused && pattern.test(error.message), `expected a refusal matching ${pattern}`);

// ---------------------------------------------------------------- team glossary

test('glossary: a top-level list, a map of terms, plain text and a scalar terms: are refused, not replaced', () => {
  refuses(() => addKnownTermToGlossary('- term: UAT\n  familiar_to: [it]\n', 'EHR', 'it'), /is a list/);
  refuses(() => addKnownTermToGlossary('UAT: user acceptance testing\nEHR: electronic health record\n', 'PFB', 'it'), /keys Crosswalk does not know \(UAT, EHR\)/);
  refuses(() => addKnownTermToGlossary('Our team words, one per line\n', 'PFB', 'it'), /plain text/);
  refuses(() => addKnownTermToGlossary('version: 1\nterms: see the wiki\n', 'PFB', 'it'), /not a list/);
  refuses(() => addKnownTermToGlossary('version: 1\nterms: {UAT: x}\n', 'PFB', 'it'), /not a list/);
  refuses(() => addKnownTermToGlossary('version: 1\nterms:\n  - term: [UAT\n', 'PFB', 'it'), /not valid YAML \(line \d+/);
  refuses(() => addKnownTermToGlossary('version: 1\nterms: []\nterms: []\n', 'PFB', 'it'), /not valid YAML|more than once/);
});

test('glossary: a new term is appended; comments, quoting, big numbers and the rest stay byte for byte', () => {
  const text = [
    '# Team words. Keep this comment.',
    '%YAML 1.2',
    '---',
    'version: 1',
    'sources:',
    '  wiki: {title: Team wiki, id: 12345678901234567890}   # a big number',
    '  shared: &shared [it]',
    '  odd: {ratio: 3.14159265358979323846, hex: 0x1F}',
    'terms:',
    '  - term: "UAT"   # quoted on purpose',
    '    override: true',
    '    familiar_to: *shared',
    '',
    '  - term: PFB',
    '    override: true',
    '    familiar_to:',
    '      - it',
    '# trailing comment',
    '',
  ].join('\n');
  const out = addKnownTermToGlossary(text, 'EHR', 'clinical', ['it']);
  assert.ok(out.startsWith(text.slice(0, text.indexOf('# trailing'))), 'everything before the insertion is unchanged');
  assert.match(out, /\n {2}- term: EHR\n {4}override: true\n {4}familiar_to: \[ it, clinical \]\n/);
  assert.match(out, /# trailing comment\n$/);
  assert.match(out, /id: 12345678901234567890\} {3}# a big number/);
  assert.match(out, /ratio: 3\.14159265358979323846, hex: 0x1F/);
});

test('glossary: matching is case-insensitive, and an existing list gains the audience in its own style', () => {
  const block = 'version: 1\nterms:\n  - term: ehr\n    override: true\n    familiar_to:\n      - it   # IT knows it\n';
  assert.equal(addKnownTermToGlossary(block, 'EHR', 'clinical'), 'version: 1\nterms:\n  - term: ehr\n    override: true\n    familiar_to:\n      - it   # IT knows it\n      - clinical\n');
  const flow = 'version: 1\nterms:\n  - {term: Ehr, override: true, familiar_to: [it]}  # flow\n';
  assert.equal(addKnownTermToGlossary(flow, 'EHR', 'admin'), 'version: 1\nterms:\n  - {term: Ehr, override: true, familiar_to: [it, admin]}  # flow\n');
  assert.equal(addKnownTermToGlossary(flow, 'ehr', 'IT'), flow, 'an audience already listed changes nothing');
  const scalar = 'version: 1\nterms:\n  - term: EHR\n    override: true\n    familiar_to: it\n';
  assert.match(addKnownTermToGlossary(scalar, 'EHR', 'clinical'), /familiar_to: \[ it, clinical \]\n$/);
});

test('glossary: marking a built-in term known to one more audience keeps the audiences that knew it', () => {
  // "cutover" is built in as known to IT; the quick fix passes the built-in audiences.
  const out = addKnownTermToGlossary('', 'cutover', 'clinical', ['it']);
  assert.match(out, /familiar_to: \[ it, clinical \]/);
  const draft = (audience: string) => `---\naudience: ${audience}\n---\n\nThe cutover starts at midnight.\n`;
  const glossaries = [{ name: 'team.yaml', text: out }];
  const jargon = (audience: string) => lint(draft(audience), { glossaries }).findings.filter((f) => f.ruleId === 'jargon' && /cutover/i.test(f.term ?? ''));
  assert.equal(jargon('it').length, 0, 'still known to IT');
  assert.equal(jargon('clinical').length, 0, 'now known to clinical');
  // An existing team entry with no familiar_to inherits the built-in audiences: the new list keeps them.
  const inherited = addKnownTermToGlossary('version: 1\nterms:\n  - term: cutover\n    override: true\n    definition: x\n', 'Cutover', 'clinical', ['it']);
  assert.match(inherited, /definition: x\n {4}familiar_to: \[ it, clinical \]\n$/);
});

test('glossary: CRLF, a file of comments only, a missing terms: and an empty terms: are handled in place', () => {
  const crlf = 'version: 1\r\nterms:\r\n  - term: UAT\r\n    override: true\r\n    familiar_to: [it]\r\n';
  const out = addKnownTermToGlossary(crlf, 'PFB', 'it');
  assert.ok(!/[^\r]\n/.test(out), 'only CRLF line endings');
  assert.ok(out.startsWith(crlf.trimEnd()));
  assert.equal(addKnownTermToGlossary('# our words\n', 'PFB', 'it'), '# our words\nversion: 1\nterms:\n  - term: PFB\n    override: true\n    familiar_to: [ it ]\n');
  assert.equal(addKnownTermToGlossary('version: 1 # v\n', 'PFB', 'it'), 'version: 1 # v\nterms:\n  - term: PFB\n    override: true\n    familiar_to: [ it ]\n');
  assert.equal(addKnownTermToGlossary('version: 1\nterms:\n', 'PFB', 'it'), 'version: 1\nterms:\n  - term: PFB\n    override: true\n    familiar_to: [ it ]\n');
  assert.equal(addKnownTermToGlossary('version: 1\nterms: []\n', 'PFB', 'it'), 'version: 1\nterms: [ { term: PFB, override: true, familiar_to: [ it ] } ]\n');
});

test('glossary: an unresolved alias elsewhere in the file is kept, not dropped', () => {
  const text = 'version: 1\nsources:\n  x: *nope\nterms:\n  - term: UAT\n    override: true\n    familiar_to: [it]\n';
  assert.equal(addKnownTermToGlossary(text, 'UAT', 'admin'), text.replace('[it]', '[it, admin]'));
});

// ---------------------------------------------------------------- .crosswalk.yaml

test('config: glossaries: as one path becomes a list that keeps it; lists gain the path once', () => {
  assert.equal(addGlossaryToConfigText('glossaries: team.yaml  # ours\n', '.crosswalk/glossary.yaml'), 'glossaries: [ team.yaml, .crosswalk/glossary.yaml ]  # ours\n');
  assert.equal(addGlossaryToConfigText('audience: it\nglossaries:\n  - team.yaml\n', '.crosswalk/glossary.yaml'), 'audience: it\nglossaries:\n  - team.yaml\n  - .crosswalk/glossary.yaml\n');
  const has = 'glossaries: [./.crosswalk/glossary.yaml]\n';
  assert.equal(addGlossaryToConfigText(has, '.crosswalk/glossary.yaml'), has);
  assert.equal(addGlossaryToConfigText('', 'g.yaml'), 'glossaries:\n  - g.yaml\n');
  assert.equal(addGlossaryToConfigText('# settings\r\n', 'g.yaml'), '# settings\r\nglossaries:\r\n  - g.yaml\r\n');
  assert.equal(addGlossaryToConfigText('rules:\r\n  jargon: off\r\n', 'g.yaml'), 'rules:\r\n  jargon: off\r\nglossaries:\r\n  - g.yaml\r\n');
  refuses(() => addGlossaryToConfigText('- a\n- b\n', 'g.yaml'), /not a map/);
  refuses(() => addGlossaryToConfigText('glossaries: {a: 1}\n', 'g.yaml'), /not a list/);
  refuses(() => addGlossaryToConfigText('audience: it\nrules: {jargon: off\n', 'g.yaml'), /not valid YAML \(line 2/);
  const big = 'limit: 12345678901234567890\n';
  assert.equal(addGlossaryToConfigText(big, 'g.yaml'), `${big}glossaries:\n  - g.yaml\n`);
});

// ---------------------------------------------------------------- front matter

test('set audience: replaces the value only, keeping the comment on its line', () => {
  const text = '---\ntitle: Notice\naudience: it   # who reads this\nid: 12345678901234567890\n---\n\nBody.\n';
  assert.equal(apply(text, setAudienceEdit(text, 'clinical')), text.replace('audience: it ', 'audience: clinical '));
  assert.equal(apply(text, setAudienceEdit(text, ['clinical', 'admin'])), text.replace('audience: it ', 'audience: [ clinical, admin ] '));
});

test('set audience: a YAML error elsewhere, an alias, CRLF and lone CR edit the block that is there', () => {
  const cases = [
    '---\naudience: it\nsee: *nope\n---\n\nBody.\n',
    '---\r\naudience: it # c\r\ntitle: x\r\n---\r\n\r\nBody.\r\n',
    '---\raudience: it # c\rtitle: x\r---\r\rBody.\r',
    '---\naudience: it\ntitle: [unclosed\n---\n\nBody.\n',
  ];
  for (const text of cases) {
    const out = apply(text, setAudienceEdit(text, 'admin'));
    assert.equal(out, text.replace('audience: it', 'audience: admin'), JSON.stringify(text));
    assert.equal(out.split('---').length, text.split('---').length, 'no second front matter');
  }
  // No audience key yet: a line is added in the block's own line ending.
  const cr = '---\rtitle: x\r---\r\rBody.\r';
  assert.equal(apply(cr, setAudienceEdit(cr, 'it')), '---\rtitle: x\raudience: it\r---\r\rBody.\r');
  const alias = '---\nsee: *nope\n---\nBody.\n';
  assert.equal(apply(alias, setAudienceEdit(alias, 'it')), '---\nsee: *nope\naudience: it\n---\nBody.\n');
});

test('set audience: a duplicate key, a directive, an unclosed block and a list front matter are refused with a reason', () => {
  refuses(() => setAudienceEdit('---\naudience: it\naudience: admin\n---\nBody.\n', 'clinical'), /"audience" appears more than once .*lines 2 and 3/);
  refuses(() => setAudienceEdit('---\n%YAML 1.2\naudience: it\n---\nBody.\n', 'clinical'), /directive/);
  refuses(() => setAudienceEdit('---\naudience: it\n\nBody with no closing fence.\n', 'clinical'), /no closing "---"/);
  refuses(() => setAudienceEdit('---\n- a\n- b\n---\nBody.\n', 'clinical'), /not a map/);
  refuses(() => setAudienceEdit('---\naudience: &a it\nother: *a\n---\nBody.\n', 'clinical'), /anchor/);
  refuses(() => setAudienceEdit('---\naudience: *a\n---\nBody.\n', 'clinical'), /alias/);
  refuses(() => setAudienceEdit('---\naudience:\n  - it # IT\n  - admin\n---\nBody.\n', 'clinical'), /comments/);
  // A YAML error where the edit goes is named, with its line.
  refuses(() => setAudienceEdit('---\naudience: [it\ntitle: x\n---\nBody.\n', 'clinical'), /YAML error \(line \d+/);
});

test('set audience: a duplicate key elsewhere does not stop it; a block list is replaced as a whole', () => {
  const dup = '---\ntitle: a\ntitle: b\naudience: it\n---\nBody.\n';
  assert.equal(apply(dup, setAudienceEdit(dup, 'admin')), dup.replace('audience: it', 'audience: admin'));
  const block = '---\naudience:\n  - it\n  - admin\ntitle: x\n---\nBody.\n';
  assert.equal(apply(block, setAudienceEdit(block, 'clinical')), '---\naudience:\n  clinical\ntitle: x\n---\nBody.\n');
});

test('allow in this document: appends in the list style there is, once, case-insensitively', () => {
  const flow = '---\nallow: [UAT]  # team words\n---\nBody.\n';
  assert.equal(apply(flow, allowTermEdit(flow, 'HL7')), '---\nallow: [UAT, HL7]  # team words\n---\nBody.\n');
  const block = '---\nallow:\n  - UAT\ntitle: x\n---\nBody.\n';
  assert.equal(apply(block, allowTermEdit(block, 'HL7')), '---\nallow:\n  - UAT\n  - HL7\ntitle: x\n---\nBody.\n');
  const comma = '---\nallow: UAT, go-live\n---\nBody.\n';
  assert.equal(apply(comma, allowTermEdit(comma, 'HL7')), '---\nallow: [ UAT, go-live, HL7 ]\n---\nBody.\n');
  refuses(() => allowTermEdit(flow, 'uat'), /already allowed/);
  const crlf = '---\r\ntitle: x\r\n---\r\nBody.\r\n';
  assert.equal(apply(crlf, allowTermEdit(crlf, 'UAT')), '---\r\ntitle: x\r\nallow: [ UAT ]\r\n---\r\nBody.\r\n');
  const none = 'Body.\r\n';
  assert.equal(apply(none, allowTermEdit(none, 'UAT')), '---\r\nallow: [ UAT ]\r\n---\r\n\r\nBody.\r\n');
  const empty = '---\n---\nBody.\n';
  assert.equal(apply(empty, allowTermEdit(empty, 'UAT')), '---\nallow: [ UAT ]\n---\nBody.\n');
  const comments = '---\n# just a note\n---\nBody.\n';
  assert.equal(apply(comments, allowTermEdit(comments, 'UAT')), '---\n# just a note\nallow: [ UAT ]\n---\nBody.\n');
  refuses(() => allowTermEdit('---\nallow:\n  - UAT\nallow: [x]\n---\n', 'HL7'), /more than once/);
  refuses(() => allowTermEdit('---\nallow: {a: 1}\n---\n', 'HL7'), /not a list/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfig, createLinter, lint, resolveAudience, rules, setAudienceEdit, allowTermEdit, addKnownTermToGlossary } from '../../src/index';

const slice = (text: string, f: { range: { start: { offset: number }; end: { offset: number } } }) => text.slice(f.range.start.offset, f.range.end.offset);

test('ranges point at the exact characters with CRLF, tabs, emoji and block quotes', () => {
  const text = '---\r\naudience: clinical\r\n---\r\n\r\n> 🚑 Note:\tthe **HL7** feed\r\n> stops for 😀 UAT on Monday.\r\n';
  const result = lint(text);
  const hl7 = result.findings.find((f) => f.term === 'HL7' || slice(text, f).startsWith('HL7'));
  const uat = result.findings.find((f) => f.term === 'UAT');
  assert.ok(hl7 && uat, 'both terms are flagged');
  assert.equal(slice(text, hl7).startsWith('HL7'), true);
  assert.equal(slice(text, uat), 'UAT');
  // Line and column are 1-based, columns in UTF-16 code units (the emoji counts 2).
  assert.deepEqual({ line: uat.range.start.line, column: uat.range.start.column }, { line: 6, column: 16 });
});

test('front matter after a byte order mark is still front matter', () => {
  const result = lint('\uFEFF---\r\naudience: clinical\r\n---\r\n\r\nThe UAT starts Monday.\r\n');
  assert.deepEqual(result.audience, ['clinical']);
  assert.equal(result.findings.find((f) => f.term === 'UAT')?.range.start.line, 5);
});

test('the same draft gives different findings for each audience', () => {
  const text = 'The HL7 feed pauses during cutover, so CPOE orders queue and capex rises.\n';
  const terms = (audience: string) => lint(text, { audience }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term).sort();
  assert.deepEqual(terms('it'), ['CPOE']);
  assert.ok(terms('clinical').includes('HL7') && !terms('clinical').includes('CPOE'));
  assert.ok(terms('admin').includes('CPOE') && terms('admin').includes('HL7') && !terms('admin').includes('capex'));
  assert.ok(terms('all').length >= terms('clinical').length);
});

test('audience comes from markers, then front matter, then config, then the option, else all', () => {
  const draft = (fm: string) => `${fm}UAT starts Monday.\n`;
  assert.deepEqual(lint(draft('')).audience, ['clinical', 'admin', 'it']);
  assert.deepEqual(lint(draft(''), { audience: 'nursing' }).audience, ['clinical']);
  assert.deepEqual(lint(draft(''), { audience: 'nursing', config: { audience: 'finance' } }).audience, ['admin']);
  assert.deepEqual(lint(draft('---\naudience: [Technical, leadership]\n---\n'), { config: { audience: 'clinical' } }).audience, ['admin', 'it']);
  assert.equal(resolveAudience('Physicians').audience?.[0], 'clinical');
  assert.deepEqual(resolveAudience('everyone').audience, ['clinical', 'admin', 'it']);
});

test('an unknown audience is a finding at its place, and checking goes on with the default', () => {
  const text = '---\naudience: surgeons-only\n---\n\nUAT starts Monday.\n';
  const result = lint(text, { audience: 'clinical' });
  const problem = result.findings.find((f) => f.ruleId === 'frontmatter');
  assert.ok(problem);
  assert.equal(slice(text, problem), 'surgeons-only');
  assert.match(problem.message, /clinical, admin, it, all/);
  assert.deepEqual(result.audience, ['clinical']);
  assert.ok(result.findings.some((f) => f.ruleId === 'jargon' && f.term === 'UAT'));
});

test('broken front matter is reported at its line and the draft is still checked with defaults', () => {
  const text = '---\naudience: clinical\ntitle: "unclosed\n---\n\nUAT starts Monday.\n';
  const result = lint(text);
  const problem = result.findings.find((f) => f.ruleId === 'frontmatter');
  assert.ok(problem && problem.severity === 'error');
  assert.ok(problem.range.start.line >= 2 && problem.range.start.line <= 4);
  assert.ok(result.findings.some((f) => f.ruleId === 'jargon'));
});

test('config problems are findings at the broken line with what is valid; the valid part applies', () => {
  const { config, findings } = checkConfig('audience: clinical\nrules:\n  jargon: loud\n  passive-voice: off\n  jargonn: error\nextra: 1\n');
  assert.deepEqual(config.audience, ['clinical']);
  assert.equal(config.rules?.['passive-voice'], 'off');
  const lines = findings.map((f) => f.range.start.line).sort();
  assert.deepEqual(lines, [3, 5, 6]);
  assert.ok(findings.some((f) => /did you mean "jargon"/.test(f.message)));
  assert.ok(checkConfig('audience: [clinical\n').findings[0].severity === 'error');
});

test('config severities and limits change findings', () => {
  const text = '---\naudience: clinical\n---\n\nUAT starts on Monday for every unit on the fourth floor of the main hospital building.\n';
  assert.ok(lint(text).findings.some((f) => f.ruleId === 'jargon' && f.severity === 'warning'));
  assert.ok(lint(text, { config: { rules: { jargon: 'error' } } }).findings.some((f) => f.ruleId === 'jargon' && f.severity === 'error'));
  assert.ok(!lint(text, { config: { rules: { jargon: 'off' } } }).findings.some((f) => f.ruleId === 'jargon'));
  assert.ok(!lint(text).findings.some((f) => f.ruleId === 'long-sentence'));
  assert.ok(lint(text, { config: { audiences: { clinical: { sentenceWords: 8 } } } }).findings.some((f) => f.ruleId === 'long-sentence'));
});

test('team glossaries add terms, mark terms known and ban terms', () => {
  const glossary = `version: 1
terms:
  - term: UAT
    familiar_to: [it, clinical]
  - term: Haiku
    definition: The mobile chart app.
    domain: it
    familiar_to: [it]
    plain: the mobile chart app
    replace: { clinical: the mobile chart app }
    sources: [team]
  - term: synergy
    banned: true
    plain: working together
`;
  const text = '---\naudience: clinical\n---\n\nUAT for Haiku starts Monday, with synergy.\n';
  const terms = lint(text, { glossaries: [{ name: 'team.yaml', text: glossary }] }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term).sort();
  assert.deepEqual(terms, ['Haiku', 'synergy']);
  const broken = createLinter({ glossaries: [{ name: 'team.yaml', text: 'terms: [\n' }] });
  assert.equal(broken.glossaryProblems.length, 1);
  assert.ok(broken.lint('UAT starts.').findings.length > 0, 'a broken team glossary does not stop checking');
});

test('context stops at the sentence, respects capitals, and excluded phrases are not the term', () => {
  const terms = (text: string, audience: string) => lint(text, { audience }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term);
  assert.deepEqual(terms('Ed and I filled in the census form last night.', 'it'), []);
  assert.deepEqual(terms('Please enter the door code. CPR training starts Monday.', 'admin'), []);
  assert.deepEqual(terms('The government announced a hiring freeze until the upgrade is done.', 'clinical'), []);
  assert.deepEqual(terms('Expect a freeze on EHR changes during the upgrade.', 'clinical'), ['change freeze']);
  // Both are unknown to administrators (IT analysts know the eMAR: data/glossary/clinical.yaml).
  assert.deepEqual(terms('Start CPOE/eMAR training on Monday.', 'admin'), ['CPOE', 'eMAR']);
  const noPlurals = 'version: 1\nterms:\n  - term: RTO\n    override: true\n    plurals: false\n';
  const withTeam = (text: string) => lint(text, { audience: 'clinical', glossaries: [{ name: 'team.yaml', text: noPlurals }] }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term);
  assert.deepEqual(withTeam('The RTO is four hours.'), ['RTO']);
  assert.deepEqual(withTeam('Both RTOs are four hours.'), [], 'plurals: false matches the term only as written');
});

test('stats describe the draft', () => {
  const stats = lint('---\naudience: it\n---\n\n# Title\n\nOne short sentence here. Another one follows it.\n\nA second paragraph with UAT.\n').stats;
  assert.equal(stats.paragraphs, 2);
  assert.equal(stats.sentences, 4);
  assert.ok(stats.words >= 14 && stats.words <= 16);
  assert.ok(stats.gradeLevel >= 0 && stats.readingTimeMinutes > 0);
  assert.equal(typeof stats.jargonPer100Words, 'number');
});

test('every rule declares an id, a description and a default severity', () => {
  const ids = rules.map((r) => r.id);
  for (const id of ['jargon', 'undefined-acronym', 'readability', 'simpler-word', 'passive-voice', 'long-sentence', 'long-paragraph', 'placeholder', 'frontmatter', 'config']) assert.ok(ids.includes(id), id);
  for (const r of rules) assert.ok(r.description.length > 10 && ['off', 'info', 'warning', 'error', 'hint'].includes(r.defaultSeverity));
});

test('front matter edits keep the other keys and create front matter when there is none', () => {
  const text = '---\ntitle: Notice # keep me\naudience: it\n---\n\nBody.\n';
  const apply = (t: string, e: { range: { start: { offset: number }; end: { offset: number } }; newText: string }) => t.slice(0, e.range.start.offset) + e.newText + t.slice(e.range.end.offset);
  const set = apply(text, setAudienceEdit(text, 'clinical'));
  assert.match(set, /title: Notice # keep me/);
  assert.match(set, /audience: clinical/);
  assert.ok(set.endsWith('---\n\nBody.\n'));
  const fresh = apply('Body.\n', allowTermEdit('Body.\n', 'UAT'));
  assert.equal(fresh, '---\nallow: [ UAT ]\n---\n\nBody.\n');
  const twice = apply(fresh, allowTermEdit(fresh, 'HL7'));
  assert.match(twice, /allow: \[ UAT, HL7 \]/);
  const glossary = addKnownTermToGlossary('', 'UAT', 'clinical');
  assert.match(glossary, /override: true/);
  const pfb = addKnownTermToGlossary('', 'PFB', 'it');
  const draft = '---\naudience: it\n---\n\nThe PFB shows beds.\n';
  assert.ok(lint(draft).findings.some((f) => f.ruleId === 'undefined-acronym' && f.term === 'PFB'));
  assert.ok(!lint(draft, { glossaries: [{ name: '.crosswalk/glossary.yaml', text: pfb }] }).findings.some((f) => f.term === 'PFB'), 'an acronym the team marked known passes');
  assert.match(addKnownTermToGlossary(glossary, 'UAT', 'admin'), /familiar_to: \[ clinical, admin \]/);
});

test('no input crashes the engine', () => {
  const samples = ['', '\n', '---', '---\n', '---\n---', '```', '<!--', '| a |\n|', '[x]: <', '\u0000\uFFFF\uD800', '# \n\n#', '>'.repeat(500), '*'.repeat(2000), '- '.repeat(300), '<!-- audience: -->', '<!-- crosswalk-enable -->',
    '{{' + ' '.repeat(5000) + 'x', '['.repeat(3000), '**'.repeat(2000) + 'a', '`'.repeat(3001), '[a]('.repeat(500), '<!--'.repeat(1000), '|'.repeat(2000) + '\n' + '-|'.repeat(1000), 'www.' + 'a.'.repeat(2000)];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alphabet = ['UAT', ' ', '\n', '\r\n', '#', '-', '*', '`', '[', ']', '(', ')', '<!--', '-->', '---', 'audience: it', '|', '>', 'HL7', 'the', '.', '😀', '\t', '{{', '}}', 'TBD', 'A/R'];
  for (let i = 0; i < 200; i++) {
    let s = '';
    for (let j = 0; j < 40; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
    samples.push(s);
  }
  for (const sample of samples) {
    const result = lint(sample);
    for (const f of result.findings) {
      assert.ok(f.range.start.offset >= 0 && f.range.end.offset <= sample.length && f.range.start.offset <= f.range.end.offset, `range out of bounds for ${JSON.stringify(sample)}`);
    }
  }
});

test('an incremental linter follows a change of message type, as a fresh one does', () => {
  const body = '\n\nWe are checking whether this is a breach.\n';
  const linter = createLinter();
  const asType = (type: string) => `---\naudience: all\ntype: ${type}\n---${body}`;
  for (const type of ['executive-summary', 'incident-update', 'executive-summary']) {
    assert.equal(JSON.stringify(linter.lint(asType(type))), JSON.stringify(lint(asType(type))), type);
  }
  assert.ok(linter.lint(asType('incident-update')).findings.some((f) => f.ruleId === 'tone' && f.term === 'breach'));
});

test('lintAsync gives the same result as lint, and an incremental linter as a fresh one', async () => {
  const paragraph = 'The HL7 feed pauses during cutover, so the CPOE orders queue. Please utilize the paper forms.\n\n';
  const text = '---\naudience: clinical\n---\n\n' + paragraph.repeat(120);
  const linter = createLinter({ audience: 'admin' });
  const viaAsync = await linter.lintAsync(text);
  assert.equal(JSON.stringify(viaAsync), JSON.stringify(lint(text, { audience: 'admin' })));
  const edited = text.replace('Please utilize', 'Kindly utilize');
  assert.equal(JSON.stringify(linter.lint(edited)), JSON.stringify(lint(edited, { audience: 'admin' })));
});

test('fixes say what they do: spelling out an acronym at first use is safe unattended, replacing jargon is not', () => {
  const result = lint('---\naudience: admin\n---\n\nThe HL7 feed stops. Staff use the ADT screen and the BCMA scanner utilize.\n');
  const jargon = result.findings.find((f) => f.ruleId === 'jargon' && f.term === 'HL7');
  assert.ok(jargon, 'HL7 is jargon for admin readers');
  const replace = jargon.fixes.find((f) => f.kind === 'replace');
  assert.ok(replace && !replace.safe, 'a plain wording replaces the writer\'s words: a person reads it first');
  // With jargon on, the jargon rule flags NPO for IT readers (spell-out among its fixes); with it off, undefined-acronym does.
  const acronym = lint('---\naudience: it\n---\n\nThe ZQX team and the NPO order. The EHR is down.\n', { config: { rules: { jargon: 'off' } } }).findings.find((f) => f.ruleId === 'undefined-acronym' && f.fixes.length);
  assert.ok(acronym, 'an undefined acronym with a known expansion');
  assert.deepEqual(acronym.fixes.map((f) => [f.kind, f.safe]), [['spell-out', true]]);
});

test('a rule takes options in config next to its level; a plain level still works', () => {
  const text = 'Fill ZZZ in, and the UAT is TBD.\n';
  const result = lint(text, { audience: 'clinical', config: { rules: { placeholder: { level: 'warning', patterns: ['ZZZ'] }, jargon: 'off' } } });
  assert.deepEqual(result.findings.filter((f) => f.ruleId !== 'undefined-acronym').map((f) => `${f.ruleId}:${f.severity}:${f.term}`), ['placeholder:warning:ZZZ', 'placeholder:warning:TBD']);
  const { findings } = checkConfig('rules:\n  placeholder:\n    level: loud\n    patterns: "ZZZ"\n');
  assert.deepEqual(findings.map((f) => [f.range.start.line, f.message]), [
    [3, '"loud" is not a rule level; use off, info, warning or error.'],
    [4, 'placeholder option patterns: must be a list of text values.'],
  ]);
});

test('lintAsync stops between slices when its signal is aborted, and a later check still completes', async () => {
  const text = Array.from({ length: 200 }, (_, i) => `Paragraph ${i}: the UAT for the EHR starts on day ${i}.`).join('\n\n');
  const linter = createLinter();
  const signal = { aborted: false };
  // Pausing at every step (sliceMs 0): the first pause comes whatever the machine's speed.
  const pending = linter.lintAsync(text, signal, { sliceMs: 0 });
  signal.aborted = true;
  await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
  const result = await linter.lintAsync(text);
  assert.deepEqual(result.findings, lint(text).findings);
});

test('.crosswalk.yaml organization: its initials need no spelling out in its own messages', () => {
  const text = '---\naudience: all\n---\n\nHSHS clinics open at 8. The QZT team is new.\n';
  const acronyms = (config?: object) => lint(text, { config }).findings.filter((f) => f.ruleId === 'undefined-acronym').map((f) => f.term);
  assert.deepEqual(acronyms(), ['HSHS', 'QZT']);
  assert.deepEqual(acronyms({ organization: { name: 'Hospital Sisters Health System', initials: ['HSHS'] } }), ['QZT']);
  // A hand-written config can hold anything; the engine reports it rather than trusting the type.
  const bad = lint(text, { config: { organization: { initials: 7 as unknown as string[] } } }).findings.filter((f) => f.ruleId === 'config');
  assert.equal(bad.length, 1);
  assert.match(bad[0].message, /initials must be a list/);
});

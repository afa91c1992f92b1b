/**
 * The message types as data (data/message-types.yaml, data/interests.yaml, data/words/*.yaml):
 * schemas, the nine types of the field with their parts, and, for each type, a complete draft
 * that passes and loses exactly the part whose lines are taken out
 * (test/fixtures/rules/message-parts/types/<type>.complete.md marks lines `<!-- part: id -->`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv';
import { lint } from '../../src/index';
import { AUDIENCE_INTERESTS, MESSAGE_TYPE_LIST, interestsFor, resolveMessageType } from '../../src/core/message-types';
import { hasContact, hasTime, isInstruction } from '../../src/core/cues';

const ROOT = path.join(__dirname, '..', '..');
const TYPES_DIR = path.join(ROOT, 'test', 'fixtures', 'rules', 'message-parts', 'types');
const read = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

test('the data files match their schemas', () => {
  const pairs: [string, string][] = [
    ['data/message-types.yaml', 'data/schema/message-types.schema.json'],
    ['data/interests.yaml', 'data/schema/message-types.schema.json'],
    ['data/words/tone.yaml', 'data/schema/tone.schema.json'],
    ['data/words/blame.yaml', 'data/schema/blame.schema.json'],
    ['data/words/redundant-acronyms.yaml', 'data/schema/redundant-acronyms.schema.json'],
    ['data/words/phi.yaml', 'data/schema/phi.schema.json'],
  ];
  for (const [file, schema] of pairs) {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, schema), 'utf8')));
    assert.ok(validate(read(file)), `${file}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});

const NINE = ['downtime-notice', 'incident-update', 'breach-notice', 'go-live', 'change-notice', 'executive-summary', 'decision-log', 'post-incident-review', 'rollout-plan'];

test('the nine message types of the field have parts, each saying why it matters', () => {
  for (const id of NINE) {
    const type = MESSAGE_TYPE_LIST.find((t) => t.id === id);
    assert.ok(type, `${id} is in data/message-types.yaml`);
    assert.ok(type.parts.length >= 3, `${id} has its parts`);
    const headings = new Set<string>();
    for (const part of type.parts) {
      assert.ok(part.why.default.length > 20, `${id}/${part.id} says why it matters`);
      assert.ok(!headings.has(part.heading), `${id}/${part.id}: its heading "${part.heading}" is its own`);
      headings.add(part.heading);
    }
  }
});

test('aliases and near misses resolve to their type; no alias names two types', () => {
  const seen = new Map<string, string>();
  for (const type of MESSAGE_TYPE_LIST) {
    for (const name of [type.id, ...type.aliases]) {
      assert.ok(!seen.has(name), `"${name}" names both ${seen.get(name)} and ${type.id}`);
      seen.set(name, type.id);
    }
  }
  assert.equal(resolveMessageType('postmortem').type?.id, 'post-incident-review');
  assert.equal(resolveMessageType('Exec-Summary').type?.id, 'executive-summary');
  assert.equal(resolveMessageType('downtime_notice').guess?.id, 'downtime-notice');
  assert.equal(resolveMessageType('breach-notise').guess?.id, 'breach-notice');
  assert.equal(resolveMessageType('shopping-list').guess, undefined);
});

test('a contact is someone with a number; a time is a date or a clock time; an instruction is addressed to the reader', () => {
  const contact = (text: string) => hasContact({ text, raw: text });
  assert.ok(contact('Call the help desk at extension 4357.'));
  assert.ok(contact('Questions go to Dana Reyes at 555-0142.'));
  assert.ok(hasContact({ text: 'Email the service desk at   .', raw: 'Email the service desk at help@example.org.' }));
  assert.ok(!contact('Call results to the unit.'));
  assert.ok(!contact('Contact your manager with questions.'));
  assert.ok(hasTime('from 1 a.m. to 5 a.m.') && hasTime('Saturday, March 14') && hasTime('at 14:00') && hasTime('on 1/16/2027'));
  assert.ok(!hasTime('for about four hours') && !hasTime('support is 24/7') && !hasTime('within two hours'));
  assert.ok(isInstruction('Use the paper forms in the red binder.'));
  assert.ok(isInstruction('If a barcode will not scan, call pharmacy.'));
  assert.ok(isInstruction('You should keep charting on paper.'));
  assert.ok(isInstruction('Do not type the number in.'));
  assert.ok(!isInstruction('We will use paper forms.'));
  assert.ok(!isInstruction('Staff used paper last time.'));
  assert.ok(!isInstruction('Use of paper forms is allowed.'));
});

function partsMissing(text: string, file: string): string[] {
  return lint(text, { path: file }).findings
    .filter((f) => f.ruleId === 'message-parts')
    .map((f) => String(f.data?.part))
    .sort();
}

for (const id of NINE) {
  const file = path.join(TYPES_DIR, `${id}.complete.md`);
  test(`${id}: the complete draft passes, and each part is caught when its lines are taken out`, () => {
    assert.ok(fs.existsSync(file), `${path.relative(ROOT, file)} exists`);
    assert.ok(fs.existsSync(path.join(TYPES_DIR, `${id}.lookalikes.md`)), `${id}.lookalikes.md exists`);
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(partsMissing(text, file), [], 'the complete draft has every part');
    const lines = text.split('\n');
    const tags = lines.map((line) => /<!--\s*part:\s*([^>]*?)\s*-->/.exec(line)?.[1].split(/\s+/) ?? []);
    const type = MESSAGE_TYPE_LIST.find((t) => t.id === id);
    for (const part of type?.parts ?? []) {
      assert.ok(tags.some((t) => t.includes(part.id)), `${id}.complete.md marks the lines of part ${part.id}`);
      const removed = new Set(lines.map((_, i) => i).filter((i) => tags[i].includes(part.id)));
      // Every part whose marked lines all go is expected missing (a line may carry two parts).
      const expected = [...new Set(tags.flat())].filter((p) => tags.every((t, i) => !t.includes(p) || removed.has(i))).sort();
      const without = lines.filter((_, i) => !removed.has(i)).join('\n');
      assert.deepEqual(partsMissing(without, file), expected, `${id} without its ${part.id} lines`);
    }
  });
}

test('each complete draft also says what its audience cares about, and its dates hold', () => {
  for (const id of NINE) {
    const file = path.join(TYPES_DIR, `${id}.complete.md`);
    const findings = lint(fs.readFileSync(file, 'utf8'), { path: file }).findings.filter((f) => ['interests', 'date-check', 'blame', 'tone', 'phi'].includes(f.ruleId));
    assert.deepEqual(findings.map((f) => `${id}:${f.range.start.line} [${f.ruleId}] ${f.message}`), []);
  }
});

test('"a few hours" is no length, and "it" in lower case is no desk', () => {
  const notice = (line: string) => `---\naudience: clinical\ntype: downtime-notice\n---\n\n# Lab downtime\n\n${line}\n`;
  const parts = (line: string) => lint(notice(line)).findings.filter((f) => f.ruleId === 'message-parts').map((f) => String(f.data?.part));
  assert.ok(parts('The lab system is down for a few hours.').includes('end'));
  assert.ok(!parts('The lab system is down for about four hours.').includes('end'));
  assert.ok(!hasContact({ text: 'We will send a Vocera broadcast when it is back.', raw: 'We will send a Vocera broadcast when it is back.' }));
  assert.ok(hasContact({ text: 'Questions go to IT on Vocera.', raw: 'Questions go to IT on Vocera.' }));
});

test('an executive summary longer than one page is reported once', () => {
  const body = Array.from({ length: 60 }, () => 'We ask you to approve the plan, which costs 10 dollars and which we recommend.').join(' ');
  const text = `---\naudience: admin\ntype: executive-summary\n---\n\n# Plan\n\n${body}\n`;
  const findings = lint(text).findings.filter((f) => f.ruleId === 'message-parts');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /more than one page/);
});

test('front matter: breachDetermined and sites are read, and mistakes in them reported', () => {
  const bad = lint('---\ntype: incident-update\nbreachDetermined: yes please\nsites: 3\n---\n\n# Update\n').findings.filter((f) => f.ruleId === 'frontmatter');
  assert.equal(bad.length, 2);
  const breach = '---\naudience: all\ntype: incident-update\nbreachDetermined: true\n---\n\n# Update\n\nThis is a breach of patient data.\n';
  assert.equal(lint(breach).findings.filter((f) => f.ruleId === 'tone').length, 0);
  assert.equal(lint(breach.replace('true', 'false')).findings.filter((f) => f.ruleId === 'tone').length, 1);
});

test('a type that lists its audience interests names interests that exist; a breach notice asks its own', () => {
  const known = new Set(Object.values(AUDIENCE_INTERESTS).flatMap((list) => (list ?? []).map((i) => i.id)));
  for (const type of MESSAGE_TYPE_LIST) for (const id of type.interestIds ?? []) assert.ok(known.has(id), `${type.id}: no interest "${id}"`);
  const breach = resolveMessageType('breach-notice').type;
  for (const audience of ['clinical', 'admin', 'it', 'patients']) {
    assert.deepEqual(interestsFor(breach, audience).map((i) => i.id), ['misuse'], audience);
  }
  // Types that check every interest still do.
  assert.deepEqual(interestsFor(resolveMessageType('go-live').type, 'admin').map((i) => i.id), ['cost', 'risk', 'decision']);
});

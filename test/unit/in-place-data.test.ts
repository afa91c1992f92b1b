/**
 * Checks the in-place wordings (data/in-place/*.yaml): schema, that every key is a glossary term
 * or alias, that every wording is short enough to stand in a sentence, and that it is itself
 * jargon-free for every audience it is written for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv';
import { builtinEntries } from '../../src/core/builtin-glossary';
import { Glossary } from '../../src/core/glossary';
import type { AudienceId } from '../../src/core/types';

const AUDIENCES: AudienceId[] = ['clinical', 'admin', 'it', 'patients'];
import { wordCount } from '../../src/rules/wording';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'data', 'in-place');
const schema = JSON.parse(readFileSync(join(ROOT, 'data', 'schema', 'in-place.schema.json'), 'utf8'));
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort().map((name) => ({ name, data: parse(readFileSync(join(DIR, name), 'utf8')) }));

type Fields = { noun?: string; plural?: string; modifier?: string | string[] };
type Entry = Fields & Partial<Record<AudienceId, Fields>>;
const entries: { file: string; key: string; entry: Entry }[] = files.flatMap(({ name, data }) => Object.entries(data.terms as Record<string, Entry>).map(([key, entry]) => ({ file: name, key, entry })));
const glossary = new Glossary(builtinEntries());
const owner = (key: string) => glossary.lookup(key) ?? builtinEntries().find((e) => [...e.aliases, ...e.weakAliases].some((a) => a.toLowerCase() === key.toLowerCase()));

test('every in-place file matches its schema', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  for (const { name, data } of files) assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors)}`);
});

test('every key is a glossary term or alias, once', () => {
  const seen = new Set<string>();
  for (const { file, key } of entries) {
    assert.ok(owner(key), `${file}: "${key}" is no glossary term or alias`);
    assert.ok(!seen.has(key.toLowerCase()), `${file}: "${key}" appears twice`);
    seen.add(key.toLowerCase());
  }
});

/** The wordings of one entry with the audiences each is written for: the term's strangers. */
function wordings(key: string, entry: Entry): { field: string; text: string; audience: AudienceId[] }[] {
  const term = owner(key)!;
  const strangers = AUDIENCES.filter((a) => !term.familiarTo.includes(a));
  const out: { field: string; text: string; audience: AudienceId[] }[] = [];
  for (const field of ['noun', 'plural', 'modifier'] as const) {
    const shared = strangers.filter((a) => entry[a]?.[field] === undefined && (field === 'noun' || entry[a]?.noun === undefined));
    // A list of modifier forms: each is checked.
    const texts = (v: string | string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : v);
    if (shared.length) for (const text of texts(entry[field])) out.push({ field, text, audience: shared });
    for (const a of strangers) for (const text of texts(entry[a]?.[field])) out.push({ field: `${a}.${field}`, text, audience: [a] });
  }
  return out;
}

test('every wording is short: a noun phrase of at most five words, a modifier of at most three', () => {
  const problems: string[] = [];
  for (const { file, key, entry } of entries) {
    for (const w of wordings(key, entry)) {
      const limit = w.field.endsWith('modifier') ? 3 : 5;
      if (wordCount(w.text) > limit) problems.push(`${file}: ${key} ${w.field} "${w.text}" has ${wordCount(w.text)} words (at most ${limit})`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every wording is jargon-free for the audiences it is written for', () => {
  const problems: string[] = [];
  for (const { file, key, entry } of entries) {
    for (const w of wordings(key, entry)) {
      for (const match of glossary.match(w.text)) {
        const unknown = w.audience.filter((a) => !match.entry.familiarTo.includes(a));
        if (unknown.length) problems.push(`${file}: ${key} ${w.field} "${w.text}" uses "${match.text}" (${match.entry.term}), jargon to ${unknown.join(', ')}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the terms people write in these messages have in-place wordings', () => {
  const wanted = ['UAT', 'HL7', 'interface engine', 'interface', 'RTO', 'RPO', 'failover', 'BCMA', 'CPOE', 'eMAR', 'order set', 'alert fatigue', 'cutover', 'MFA', 'SSO', 'CAB', 'FHIR', 'ADT', 'revenue cycle', 'DNFB', 'super user', 'at-the-elbow support', 'downtime viewer', 'BCA'];
  const keys = new Set(entries.map((e) => e.key.toLowerCase()));
  assert.deepEqual(wanted.filter((t) => !keys.has(t.toLowerCase())), []);
  assert.ok(entries.length >= 120, `${entries.length} in-place wordings, want at least 120`);
});

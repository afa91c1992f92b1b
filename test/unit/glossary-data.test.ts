/**
 * Checks the built-in glossary data (data/glossary/*.yaml): schema, completeness, clashes between
 * terms, size, and that every suggested plain wording is itself plain for its reader.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv';

type Audience = 'clinical' | 'admin' | 'it';
const AUDIENCES: readonly Audience[] = ['clinical', 'admin', 'it'];
const DOMAINS = ['clinical', 'it', 'admin_finance', 'regulatory'] as const;

interface Source {
  title: string;
  url: string;
}
interface Term {
  term: string;
  expansion?: string;
  aliases?: string[];
  weak_aliases?: string[];
  context?: string[];
  weak?: boolean;
  domain: (typeof DOMAINS)[number];
  familiar_to: Audience[];
  definition: string;
  plain: string;
  replace: Partial<Record<Audience, string>>;
  ambiguity?: string;
  severity: 'warning' | 'info';
  sources: string[];
  override?: boolean;
  banned?: boolean;
}
interface GlossaryFile {
  version?: number;
  sources?: Record<string, Source>;
  terms: Term[];
}

const ROOT = join(import.meta.dirname, '..', '..');
const GLOSSARY_DIR = join(ROOT, 'data', 'glossary');
const SCHEMA_PATH = join(ROOT, 'data', 'schema', 'glossary.schema.json');

const files: { name: string; data: GlossaryFile }[] = readdirSync(GLOSSARY_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((name) => ({ name, data: parse(readFileSync(join(GLOSSARY_DIR, name), 'utf8')) as GlossaryFile }));

const all: { file: string; entry: Term }[] = files.flatMap(({ name, data }) =>
  (data?.terms ?? []).map((entry) => ({ file: name, entry })),
);

/** The engine's case rule: two or more capitals match case-sensitively, anything else ignores case. */
function caseSensitive(form: string): boolean {
  return (form.match(/\p{Lu}/gu) ?? []).length >= 2;
}
function formKey(form: string): string {
  const spaced = form.trim().replace(/\s+/g, ' ');
  return caseSensitive(spaced) ? spaced : spaced.toLowerCase();
}

interface Form {
  text: string;
  weak: boolean;
  context: string[];
  owner: Term;
  file: string;
}
function formsOf(entry: Term, file: string): Form[] {
  const context = entry.context ?? [];
  return [
    { text: entry.term, weak: entry.weak === true && context.length > 0, context, owner: entry, file },
    ...(entry.aliases ?? []).map((text) => ({ text, weak: false, context, owner: entry, file })),
    ...(entry.weak_aliases ?? []).map((text) => ({ text, weak: context.length > 0, context, owner: entry, file })),
  ];
}
const allForms: Form[] = all.flatMap(({ file, entry }) => formsOf(entry, file));

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Whole-word match of a form, multi-word across whitespace, plural or possessive of the last word. */
function formRegExp(form: string): RegExp {
  const body = form
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es|'s|’s)?(?![\\p{L}\\p{N}])`, caseSensitive(form) ? 'u' : 'iu');
}
function wordRegExp(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu');
}
const formRegExps = new Map<string, RegExp>();
function matches(form: Form, text: string): boolean {
  let re = formRegExps.get(form.text);
  if (!re) {
    re = formRegExp(form.text);
    formRegExps.set(form.text, re);
  }
  if (!re.test(text)) return false;
  // A weak form counts only when one of its context words is in the same wording.
  return !form.weak || form.context.some((w) => wordRegExp(w).test(text));
}

test('glossary folder holds the four domain files', () => {
  const names = files.map((f) => f.name);
  for (const domain of DOMAINS) {
    assert.ok(names.includes(`${domain}.yaml`), `data/glossary/${domain}.yaml is missing`);
  }
});

test('every glossary file matches data/schema/glossary.schema.json', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  for (const { name, data } of files) {
    const ok = validate(data);
    assert.ok(ok, `${name}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
  }
});

test('built-in terms are complete and sourced', () => {
  const problems: string[] = [];
  const sourceSeen = new Map<string, { file: string; source: Source }>();
  for (const { name, data } of files) {
    for (const [key, source] of Object.entries(data.sources ?? {})) {
      const prior = sourceSeen.get(key);
      if (prior && (prior.source.title !== source.title || prior.source.url !== source.url)) {
        problems.push(`${name}: source key "${key}" differs from the one in ${prior.file}`);
      }
      sourceSeen.set(key, { file: name, source });
    }
  }
  for (const { name, data } of files) {
    const sources = data.sources ?? {};
    for (const t of data.terms ?? []) {
      const where = `${name}: ${t.term}`;
      if (t.override || t.banned) problems.push(`${where}: override/banned belong in team glossaries only`);
      if ((t as { not_familiar_to?: unknown }).not_familiar_to !== undefined) problems.push(`${where}: not_familiar_to belongs in team glossaries only`);
      if (!t.definition?.trim()) problems.push(`${where}: no definition`);
      if (!t.plain?.trim()) problems.push(`${where}: no plain wording`);
      if (!name.startsWith(`${t.domain}.`)) problems.push(`${where}: domain ${t.domain} in the wrong file`);
      const familiar = new Set(t.familiar_to ?? []);
      for (const audience of AUDIENCES) {
        const wording = t.replace?.[audience];
        if (!familiar.has(audience) && !wording?.trim()) problems.push(`${where}: no replace wording for ${audience}`);
        if (familiar.has(audience) && wording !== undefined) {
          problems.push(`${where}: replace wording for ${audience}, who already knows the term`);
        }
      }
      const cited = (t.sources ?? []).filter((k) => k !== 'general');
      if (cited.length === 0) problems.push(`${where}: needs a source other than "general"`);
      for (const key of t.sources ?? []) {
        if (!(key in sources)) problems.push(`${where}: source "${key}" is not in the file's sources map`);
      }
      if ((t.weak || (t.weak_aliases?.length ?? 0) > 0) && !(t.context?.length)) {
        problems.push(`${where}: weak forms need a context list`);
      }
      if (/[.!?]\s+\p{Lu}/u.test(t.definition ?? '')) problems.push(`${where}: definition should be one sentence`);
    }
  }
  assert.deepEqual(problems, []);
});

test('no two terms share a form unless one of them is weak with context', () => {
  const byKey = new Map<string, Form[]>();
  for (const form of allForms) {
    const key = formKey(form.text);
    byKey.set(key, [...(byKey.get(key) ?? []), form]);
  }
  const problems: string[] = [];
  for (const [key, forms] of byKey) {
    for (let i = 0; i < forms.length; i++) {
      for (let j = i + 1; j < forms.length; j++) {
        const a = forms[i];
        const b = forms[j];
        if (a.owner === b.owner) {
          problems.push(`${a.file}: ${a.owner.term} lists the form "${key}" twice`);
        } else if (!a.weak && !b.weak) {
          problems.push(`"${key}" is a form of both ${a.owner.term} (${a.file}) and ${b.owner.term} (${b.file})`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('everyday words are matched only next to a context word', () => {
  const everyday = ['census', 'discharge', 'admit', 'admission', 'code', 'portal', 'stat', 'app', 'transfer', 'order', 'chart', 'unit', 'floor', 'visit', 'record', 'notice'];
  const problems = allForms
    .filter((f) => !f.weak && !caseSensitive(f.text) && everyday.includes(f.text.toLowerCase()))
    .map((f) => `${f.file}: "${f.text}" (${f.owner.term}) is an everyday word; make it weak with context`);
  assert.deepEqual(problems, []);
});

test('the glossary is big enough: 300 terms, 60 per domain', () => {
  const counts = Object.fromEntries(DOMAINS.map((d) => [d, all.filter(({ entry }) => entry.domain === d).length]));
  for (const d of DOMAINS) assert.ok(counts[d] >= 60, `${d} has ${counts[d]} terms, want at least 60`);
  assert.ok(all.length >= 300, `${all.length} terms in total, want at least 300`);
});

test('plain and replace wordings use no jargon their reader does not know', () => {
  const problems: string[] = [];
  for (const { file, entry } of all) {
    const wordings: { audience: Audience[]; label: string; text: string }[] = [
      { audience: [...AUDIENCES], label: 'plain', text: entry.plain ?? '' },
      ...AUDIENCES.filter((a) => entry.replace?.[a]).map((a) => ({
        audience: [a],
        label: `replace.${a}`,
        text: entry.replace[a] as string,
      })),
    ];
    for (const w of wordings) {
      for (const form of allForms) {
        // The wording's reader must know the term; for `plain`, every audience must.
        const known = w.audience.every((a) => form.owner.familiar_to?.includes(a));
        if (known || !matches(form, w.text)) continue;
        problems.push(`${file}: ${entry.term} ${w.label} "${w.text}" uses "${form.text}" (${form.owner.term})`);
      }
      if (w.label === 'plain') {
        for (const acronym of w.text.match(/\b\S*\p{Lu}\S*\p{Lu}\S*\b/gu) ?? []) {
          const known = allForms.some(
            (f) => formKey(f.text) === formKey(acronym) && AUDIENCES.every((a) => f.owner.familiar_to?.includes(a)),
          );
          if (!known) problems.push(`${file}: ${entry.term} plain "${w.text}" uses the abbreviation "${acronym}"`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('wordings for patients (replace.patients) use no professional term: patients know none', () => {
  const problems: string[] = [];
  for (const { file, entry } of all) {
    const text = (entry.replace as Record<string, string | undefined> | undefined)?.patients;
    if (text === undefined) continue;
    if (!text.trim()) problems.push(`${file}: ${entry.term} replace.patients is empty`);
    for (const form of allForms) {
      if (form.owner.familiar_to?.includes('patients' as Audience) || !matches(form, text)) continue;
      problems.push(`${file}: ${entry.term} replace.patients "${text}" uses "${form.text}" (${form.owner.term})`);
    }
  }
  assert.deepEqual(problems, []);
});

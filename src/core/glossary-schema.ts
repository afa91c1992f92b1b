import type YAML from 'yaml';
import type { GlossaryFileProblem } from './glossary';
import { closest, rangeOfPath } from './yaml-problems';

/**
 * A team glossary checked against the glossary format (data/schema/glossary.schema.json,
 * data/glossary/FORMAT.md) item by item, so that a bad entry is reported at its line with what to
 * write, and every other entry still loads. The core runs in a web worker and builds no validator
 * from the schema at run time; test/unit/glossary-schema.test.ts holds these tables equal to the
 * schema's and this check's verdicts equal to Ajv's on the schema.
 */

type FieldKind = 'form' | 'text' | 'forms' | 'strings' | 'boolean' | 'domain' | 'audiences' | 'replace' | 'severity' | 'sources';

/** Every field a term may have, and what it holds (the schema's `definitions.term.properties`). */
export const TERM_FIELDS: Readonly<Record<string, FieldKind>> = {
  term: 'form',
  expansion: 'text',
  aliases: 'forms',
  weak_aliases: 'forms',
  verbs: 'forms',
  plain_verb: 'form',
  exclude: 'strings',
  context: 'forms',
  weak: 'boolean',
  plurals: 'boolean',
  domain: 'domain',
  familiar_to: 'audiences',
  not_familiar_to: 'audiences',
  definition: 'text',
  plain: 'text',
  replace: 'replace',
  ambiguity: 'text',
  severity: 'severity',
  sources: 'sources',
  override: 'boolean',
  banned: 'boolean',
};

/** What a new term needs (neither `override: true` nor `banned: true`): the schema's `else.required`. */
export const NEW_TERM_FIELDS: readonly string[] = ['domain', 'familiar_to', 'definition', 'plain', 'replace', 'severity', 'sources'];
export const TOP_KEYS: readonly string[] = ['version', 'sources', 'terms'];
export const DOMAINS: readonly string[] = ['clinical', 'it', 'admin_finance', 'regulatory'];
export const SEVERITIES: readonly string[] = ['warning', 'info'];
const AUDIENCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SOURCE_KEY = /^[a-z0-9][a-z0-9.-]*$/;
const FORM = /^\S(?:.*\S)?$/s;

const EXPECTED: Record<FieldKind, string> = {
  form: 'a word or phrase as drafts write it, without spaces at either end',
  text: 'a line of text',
  forms: 'a list of words or phrases, such as ["user acceptance test"]',
  strings: 'a list of phrases, such as ["hiring freeze"]',
  boolean: 'true or false',
  domain: `one of ${DOMAINS.join(', ')}`,
  audiences: 'a list of audience ids, such as [clinical, it]',
  replace: 'a map from audience id to wording, such as {clinical: "plain words"}',
  severity: 'warning or info',
  sources: 'a list of keys of the file\'s sources map, such as [ward-handbook]',
};

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string' && /\S/.test(v);

/** Why a field's value does not fit, or undefined when it does. */
function fieldProblem(kind: FieldKind, value: unknown): string | undefined {
  switch (kind) {
    case 'form':
      return typeof value === 'string' && FORM.test(value) ? undefined : 'bad';
    case 'text':
      return isText(value) ? undefined : 'bad';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'bad';
    case 'domain':
      return typeof value === 'string' && DOMAINS.includes(value) ? undefined : 'bad';
    case 'severity':
      return typeof value === 'string' && SEVERITIES.includes(value) ? undefined : 'bad';
    case 'replace':
      if (!isMap(value)) return 'bad';
      for (const [k, v] of Object.entries(value)) {
        if (!AUDIENCE_ID.test(k)) return `"${k}" is no audience id`;
        if (!isText(v)) return `the wording for ${k} must be ${EXPECTED.text}`;
      }
      return undefined;
    default: {
      if (!Array.isArray(value)) return 'bad';
      const item = kind === 'forms' ? (v: unknown) => typeof v === 'string' && FORM.test(v)
        : kind === 'strings' ? (v: unknown) => typeof v === 'string' && v.length > 0
          : kind === 'audiences' ? (v: unknown) => typeof v === 'string' && AUDIENCE_ID.test(v)
            : (v: unknown) => typeof v === 'string' && SOURCE_KEY.test(v);
      const bad = value.find((v) => !item(v));
      if (bad !== undefined) return `${JSON.stringify(bad)} is not ${kind === 'audiences' ? 'an audience id' : kind === 'sources' ? 'a source key (lower case, digits, dots and hyphens)' : 'a word or phrase'}`;
      const seen = new Set<string>();
      for (const v of value as string[]) {
        if (seen.has(v)) return `"${v}" is listed twice`;
        seen.add(v);
      }
      if (kind === 'sources' && value.length === 0) return 'it lists no source';
      return undefined;
    }
  }
}

/** Where a path of the glossary file is, as `rangeOfPath` answers: the whole file's document, or one part of it (src/core/glossary-check.ts). */
export type Locate = (path: (string | number)[], which: 'key' | 'value') => [number, number] | undefined;

/** A problem at a path's key or value, else at its value, else at the top of the file. */
function place(locate: Locate, origin: string, path: (string | number)[], which: 'key' | 'value', message: string): GlossaryFileProblem {
  const [start, end] = locate(path, which) ?? (which === 'key' ? locate(path, 'value') : undefined) ?? [0, 0];
  return { origin, message: `${origin}: ${message}`, start, end };
}

/**
 * Problems of a parsed team glossary against the format, each at its line: unknown keys (with a
 * did-you-mean), values of the wrong kind, a weak term with no context words, a new term missing
 * fields a finding needs. `isBuiltIn` says whether a term is one of the built-in glossary's (its
 * fields may then be changed with `override: true`). The entries are still read as far as they
 * can be (src/core/glossary.ts entriesFromData): a wrong field is left out, the rest is used.
 * The file's own keys (`glossaryHeadProblems`), then each term (`termFormatProblems`): the
 * sliced check (src/core/glossary-check.ts) calls the two parts on parts of the file.
 */
export function glossaryFormatProblems(data: unknown, doc: YAML.Document.Parsed | undefined, origin: string, isBuiltIn: (term: string) => boolean = () => false): GlossaryFileProblem[] {
  const locate: Locate = (path, which) => rangeOfPath(doc, path, which);
  const problems = glossaryHeadProblems(data, locate, origin);
  const terms = isMap(data) ? data.terms : undefined;
  if (Array.isArray(terms)) terms.forEach((raw: unknown, i) => termFormatProblems(raw, i, locate, origin, isBuiltIn, problems));
  return problems;
}

/** The problems of a glossary's own keys (`version`, `sources`, `terms` and unknown ones), not of its terms. */
export function glossaryHeadProblems(data: unknown, locate: Locate, origin: string): GlossaryFileProblem[] {
  const problems: GlossaryFileProblem[] = [];
  const at = (path: (string | number)[], which: 'key' | 'value', message: string) => problems.push(place(locate, origin, path, which, message));
  if (!isMap(data)) {
    problems.push({ origin, message: `${origin} has no "terms:" list; see data/glossary/FORMAT.md.`, start: 0, end: 0 });
    return problems;
  }
  for (const key of Object.keys(data)) {
    if (TOP_KEYS.includes(key)) continue;
    const guess = closest(key, TOP_KEYS);
    at([key], 'key', `Unknown key "${key}"${guess ? `; did you mean "${guess}"?` : '.'} A glossary has ${TOP_KEYS.join(', ')} (data/glossary/FORMAT.md).`);
  }
  if (data.version !== undefined && data.version !== 1) at(['version'], 'value', `"version" must be 1.`);
  if (data.sources !== undefined) {
    if (!isMap(data.sources)) at(['sources'], 'value', `"sources" must be a map from key to {title, url}.`);
    else {
      for (const [key, source] of Object.entries(data.sources)) {
        if (!SOURCE_KEY.test(key)) at(['sources', key], 'key', `Source key "${key}" must be lower case, digits, dots and hyphens.`);
        const ok = isMap(source) && isText(source.title) && typeof source.url === 'string' && /^https?:\/\/\S+$/.test(source.url)
          && Object.keys(source).every((k) => k === 'title' || k === 'url');
        if (!ok) at(['sources', key], 'value', `Source "${key}" must be {title: "...", url: "https://..."}.`);
      }
    }
  }
  const terms = data.terms;
  if (!Array.isArray(terms)) {
    if (terms === undefined || terms === null) problems.push({ origin, message: `${origin} has no "terms:" list; see data/glossary/FORMAT.md.`, start: 0, end: 0 });
    else at(['terms'], 'value', `"terms" must be a list of terms (- term: ...); see data/glossary/FORMAT.md.`);
  }
  return problems;
}

/** The problems of item `i` of `terms:` (`raw`), added to `problems`; `locate` answers for paths `['terms', i, ...]`. */
export function termFormatProblems(raw: unknown, i: number, locate: Locate, origin: string, isBuiltIn: (term: string) => boolean, problems: GlossaryFileProblem[]): void {
  const at = (path: (string | number)[], which: 'key' | 'value', message: string) => problems.push(place(locate, origin, path, which, message));
  if (!isMap(raw)) {
    at(['terms', i], 'value', `Item ${i + 1} of "terms" is not a term: write "- term: ..." with its fields (data/glossary/FORMAT.md). It is left out.`);
    return;
  }
  const named = typeof raw.term === 'string' && raw.term.trim() ? raw.term : undefined;
  const label = named ? `"${named}"` : `term ${i + 1}`;
  if (!named) {
    at(['terms', i], 'value', `Term ${i + 1} has no "term:" (the word or phrase as drafts write it). It is left out.`);
    return;
  }
  for (const [key, value] of Object.entries(raw)) {
    const kind = TERM_FIELDS[key];
    if (!kind) {
      const guess = closest(key, Object.keys(TERM_FIELDS));
      at(['terms', i, key], 'key', `Unknown field "${key}" in ${label}${guess ? `; did you mean "${guess}"?` : '.'} It is ignored (fields: data/glossary/FORMAT.md).`);
      continue;
    }
    if (value === null || value === undefined) continue;
    const why = fieldProblem(kind, value);
    if (!why) continue;
    const hint = why === 'bad' ? '' : `: ${why}`;
    // The loader reads a lone word as a list of one ("familiar_to: clinical"), and any domain name.
    const listOfOne = typeof value === 'string' && (kind === 'forms' || kind === 'strings' || kind === 'audiences' || kind === 'sources');
    const used = listOfOne ? ` Write [${value}]; it is read as that.` : kind === 'domain' && typeof value === 'string' ? ' It is shown as written.' : key === 'term' ? '' : ' This value is not used.';
    at(['terms', i, key], 'value', `"${key}" of ${label} must be ${EXPECTED[kind]}${hint}.${used}`);
  }
  const verbs = Array.isArray(raw.verbs) && raw.verbs.length > 0;
  const weak = raw.weak === true || (Array.isArray(raw.weak_aliases) && raw.weak_aliases.length > 0) || verbs;
  if (weak && !(Array.isArray(raw.context) && raw.context.length > 0)) {
    const key = raw.weak === true ? 'weak' : Array.isArray(raw.weak_aliases) && raw.weak_aliases.length > 0 ? 'weak_aliases' : 'verbs';
    at(['terms', i, key], 'key', `${label} has weak forms but no "context:": list the words near which they count (a weak form never matches without one).`);
  }
  if (raw.override === true || raw.banned === true) return;
  const missing = NEW_TERM_FIELDS.filter((f) => raw[f] === undefined || raw[f] === null);
  if (!missing.length) return;
  const message = isBuiltIn(named)
    ? `${label} is a built-in term: add "override: true" to change only the fields listed here (it lacks ${missing.join(', ')} as a term of its own).`
    : `${label} lacks ${missing.join(', ')}: a new term needs every field a finding shows (data/glossary/FORMAT.md); to change a built-in term's fields only, add "override: true". It is used with what it has.`;
  at(['terms', i, 'term'], 'value', message);
}

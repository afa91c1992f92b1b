import type { AudienceCatalog } from './audience';
import type { AudienceId } from './types';
import type YAML from 'yaml';
import { isCommonWord } from './acronyms';
import { inOwnSetting, knownAcronyms } from './known-acronyms';
import { baseForms, isCaseSensitiveForm, tokenize, type Token } from './tokens';
import { verbFormsOf } from './verb-forms';
import { closest, parseYaml, rangeOfPath } from './yaml-problems';
import { glossaryFormatProblems, type Locate } from './glossary-schema';

/** One glossary term, merged from the built-in glossary and any team glossaries. */
export interface GlossaryEntry {
  term: string;
  expansion?: string;
  aliases: string[];
  weakAliases: string[];
  /**
   * Verb phrases ("cut over", "push charges"), matched in every inflection (cuts over, cutting
   * over, cut it over) and only in a sentence that holds one of `context`.
   */
  verbs: string[];
  /**
   * A plain verb ("switch over") that a fix writes in place of `verbs`, in the writer's
   * inflection ("cutting them over" becomes "switching them over"); none: no "Replace with".
   */
  plainVerb?: string;
  context: string[];
  /** Everyday phrases that hold a form of the term but are not it. */
  exclude: string[];
  weak: boolean;
  /** False when plurals and possessives are not this term ("stats" is no STAT order). */
  plurals: boolean;
  domain: string;
  familiarTo: AudienceId[];
  definition: string;
  plain: string;
  replace: Partial<Record<AudienceId, string>>;
  ambiguity?: string;
  severity: 'warning' | 'info';
  sources: string[];
  banned: boolean;
  /** Which glossary the entry (or its last override) came from. */
  origin: string;
}

export interface GlossaryFileProblem {
  origin: string;
  message: string;
  /** Offsets in the glossary file's text (0, 0 when the problem is the file as a whole). */
  start: number;
  end: number;
}

export interface GlossaryMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
  text: string;
}

interface Candidate {
  match: GlossaryMatch;
  /** Index of the first token and number of tokens. */
  first: number;
  length: number;
  strength: number;
  /** The entry's own term rather than an alias: between two matches alike in length and strength, the term wins. */
  canonical: boolean;
}

interface CompiledForm {
  tokens: string[];
  caseSensitive: boolean;
  weak: boolean;
  canonical: boolean;
  /** A verb form: its context may stand anywhere in the sentence, and it takes no plural. */
  verb: boolean;
  entry: GlossaryEntry;
}

/** A glossary compiled into a token index, built once per set of glossaries. */
export class Glossary {
  readonly entries: GlossaryEntry[];
  private readonly exact = new Map<string, CompiledForm[]>();
  private readonly caseless = new Map<string, CompiledForm[]>();
  private readonly contextPatterns = new Map<GlossaryEntry, RegExp | undefined>();
  private readonly excludePatterns = new Map<GlossaryEntry, RegExp>();
  private readonly byTerm = new Map<string, GlossaryEntry>();
  /** Aliases written with two or more capitals ("EMR", "SSNs"), case-sensitively: acronym look-ups. */
  private readonly byAlias = new Map<string, GlossaryEntry>();

  /** `index: false` leaves the entries to `index(from, to)`, slice by slice (src/core/glossary-compile.ts). */
  constructor(entries: GlossaryEntry[], options: { index?: boolean } = {}) {
    this.entries = entries;
    if (options.index !== false) this.index(0, entries.length);
  }

  /** Adds entries `from` to `to` (exclusive) to the look-ups, in order: together, every entry once. */
  index(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const entry = this.entries[i];
      this.byTerm.set(entry.term.toLowerCase(), entry);
      this.addForm(entry.term, entry, entry.weak);
      // Aliases are specific phrases ("immutable backup"): only the bare term and weak aliases need context.
      for (const alias of entry.aliases) {
        this.addForm(alias, entry, false);
        if (isCaseSensitiveForm(alias) && !this.byAlias.has(alias)) this.byAlias.set(alias, entry);
      }
      for (const alias of entry.weakAliases) {
        this.addForm(alias, entry, true);
        if (isCaseSensitiveForm(alias) && !this.byAlias.has(alias)) this.byAlias.set(alias, entry);
      }
      for (const phrase of entry.verbs) for (const form of verbFormsOf(phrase)) this.addForm(form, entry, true, true);
      this.contextPatterns.set(entry, contextPattern(entry.context));
      const excluded = entry.exclude.map(escapeRegExp).filter(Boolean);
      if (excluded.length) this.excludePatterns.set(entry, new RegExp(`(?<![\\p{L}\\p{N}])(?:${excluded.join('|')})(?![\\p{L}\\p{N}])`, 'giu'));
    }
  }

  /** The entry for a canonical term, case-insensitively. */
  lookup(term: string): GlossaryEntry | undefined {
    return this.byTerm.get(term.toLowerCase());
  }

  /**
   * The entry an acronym as written stands for: its canonical term, or an alias written in
   * capitals ("EMR" is the EHR entry). A canonical term wins over another entry's alias.
   */
  lookupAcronym(acronym: string): GlossaryEntry | undefined {
    return this.byTerm.get(acronym.toLowerCase()) ?? this.byAlias.get(acronym);
  }

  private addForm(form: string, entry: GlossaryEntry, weak: boolean, verb = false): void {
    const tokens = tokenize(form).map((t) => t.text);
    if (tokens.length === 0) return;
    const caseSensitive = isCaseSensitiveForm(form);
    const compiled: CompiledForm = {
      tokens: caseSensitive ? tokens : tokens.map((t) => t.toLowerCase()),
      caseSensitive,
      weak,
      canonical: form === entry.term,
      verb,
      entry,
    };
    const index = caseSensitive ? this.exact : this.caseless;
    const key = compiled.tokens[0];
    const list = index.get(key);
    if (list) list.push(compiled);
    else index.set(key, [compiled]);
    // A case-sensitive form that opens with a lower-case word ("phishing-resistant MFA", "bulk
    // FHIR") is also written with a capital at a sentence start or in a heading.
    const opening = compiled.tokens[0];
    if (caseSensitive && /^\p{Ll}/u.test(opening)) {
      const capitalised = opening[0].toUpperCase() + opening.slice(1);
      const variant: CompiledForm = { ...compiled, tokens: [capitalised, ...compiled.tokens.slice(1)] };
      const others = index.get(capitalised);
      if (others) others.push(variant);
      else index.set(capitalised, [variant]);
    }
  }

  /**
   * Finds every term in a block of prose. Where matches overlap, the longest wins, then the
   * strongest (a warning term over an info one, a term over a weak alias), then a term over
   * another term's alias: "The HL7 interface engine" is HL7 and "interface engine", not the alias
   * "HL7 interface" and a stray "engine".
   */
  /**
   * `anyContext`: weak forms match without a context word too. Only for reading a draft's own
   * definitions: "This is called number matching." defines the term though no sign-in word is near.
   */
  match(text: string, allTokens: Token[] = tokenize(text), options: { anyContext?: boolean } = {}): GlossaryMatch[] {
    const tokens = this.splitSlashes(allTokens);
    const candidates: Candidate[] = [];
    for (let i = 0; i < tokens.length; i++) this.candidatesAt(text, tokens, i, candidates, options.anyContext === true);
    if (candidates.length === 0) return [];
    candidates.sort((a, b) => b.length - a.length || b.strength - a.strength || Number(b.canonical) - Number(a.canonical) || a.first - b.first);
    const taken = new Uint8Array(tokens.length);
    const chosen: Candidate[] = [];
    for (const c of candidates) {
      let free = true;
      for (let k = c.first; k < c.first + c.length && free; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = c.first; k < c.first + c.length; k++) taken[k] = 1;
      chosen.push(c);
    }
    return chosen.sort((a, b) => a.first - b.first).map((c) => c.match);
  }

  /**
   * "CPOE/eMAR" is two terms; "A/R" is one: a slash-joined token is split unless it is a form
   * itself. "FHIR-based" and "HL7-enabled" hold an acronym: an acronym with one of the suffixes in
   * SUFFIXED_ACRONYM is split at its hyphen too. Not "-certified": "PMP-certified" is a
   * credential, not the prescription monitoring program.
   */
  private splitSlashes(tokens: Token[]): Token[] {
    const joined = (t: Token) => t.text.includes('/') || SUFFIXED_ACRONYM.test(t.text);
    if (!tokens.some(joined)) return tokens;
    const out: Token[] = [];
    for (const token of tokens) {
      if (!joined(token) || this.isFormStart(token.text)) {
        out.push(token);
        continue;
      }
      let offset = token.start;
      for (const part of token.text.split(/[/-]/)) {
        if (part) out.push({ text: part, start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
    }
    return out;
  }

  private isFormStart(word: string): boolean {
    const lower = word.toLowerCase();
    return [word, ...baseForms(word)].some((k) => this.exact.has(k)) || [lower, ...baseForms(lower)].some((k) => this.caseless.has(k));
  }

  /** Every form that matches at token i (the best per length), added to `out`. */
  private candidatesAt(text: string, tokens: Token[], i: number, out: Candidate[], anyContext = false): void {
    const first = tokens[i].text;
    const lower = first.toLowerCase();
    // Most words are no term at all: look them up before building anything.
    const last = first[first.length - 1];
    const inflected = last === 's' || last === 'S' || last === '’' || last === "'";
    const keysExact = inflected ? [first, ...baseForms(first)] : [first];
    const keysCaseless = inflected ? [lower, ...baseForms(lower)] : [lower];
    let candidates: CompiledForm[] | undefined;
    for (const key of keysExact) {
      const list = this.exact.get(key);
      if (list) candidates = candidates ? candidates.concat(list) : list;
    }
    for (const key of keysCaseless) {
      const list = this.caseless.get(key);
      if (list) candidates = candidates ? candidates.concat(list) : list;
    }
    if (!candidates) return;
    const byLength = new Map<number, Candidate>();
    for (const form of candidates) {
      const n = form.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      let exact = true;
      for (let k = 0; k < n && ok; k++) {
        const token = tokens[i + k];
        const actual = form.caseSensitive ? token.text : token.text.toLowerCase();
        const wanted = form.tokens[k];
        if (k > 0 && !/^\s+$/.test(text.slice(tokens[i + k - 1].end, token.start))) ok = false;
        else if (actual === wanted) continue;
        else if (k === n - 1 && form.entry.plurals && !form.verb && baseForms(actual).includes(wanted)) exact = false;
        else ok = false;
      }
      if (!ok) continue;
      const start = tokens[i].start;
      const end = tokens[i + n - 1].end;
      if (form.weak && !anyContext && !this.hasContext(form.entry, text, tokens, i, i + n - 1, form.verb ? VERB_WINDOW : WEAK_WINDOW)) continue;
      if (this.isExcluded(form.entry, text, tokens[i].start, tokens[i + n - 1].end)) continue;
      if (form.caseSensitive && n === 1 && /^[A-Z]+$/.test(form.tokens[0]) && notAnAbbreviation(form.tokens[0], text, tokens, i)) continue;
      // Strength: a warning term over an info one, a term or alias over a weak form, as written over inflected.
      const strength = (form.entry.severity === 'warning' ? 4 : 0) + (form.weak ? 0 : 2) + (exact ? 1 : 0);
      const previous = byLength.get(n);
      if (!previous || strength > previous.strength || (strength === previous.strength && form.canonical && !previous.canonical)) {
        byLength.set(n, { match: { entry: form.entry, start, end, text: text.slice(start, end) }, first: i, length: n, strength, canonical: form.canonical });
      }
    }
    for (const c of byLength.values()) out.push(c);
  }

  /** True when the match lies inside one of the term's excluded everyday phrases. */
  private isExcluded(entry: GlossaryEntry, text: string, start: number, end: number): boolean {
    const pattern = this.excludePatterns.get(entry);
    if (!pattern) return false;
    const from = Math.max(0, start - 40);
    const window = text.slice(from, end + 40);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      if (from + m.index <= start && from + m.index + m[0].length >= end) return true;
    }
    return false;
  }

  /** `window`: how many words either side may hold the context word (never past the sentence). */
  private hasContext(entry: GlossaryEntry, text: string, tokens: Token[], first: number, last: number, window: number): boolean {
    const pattern = this.contextPatterns.get(entry);
    if (!pattern) return false;
    const from = tokens[Math.max(0, first - window)].start;
    const to = tokens[Math.min(tokens.length - 1, last + window)].end;
    // The window stops at the sentence: "enter the door code. CPR starts Monday" is no code blue.
    let before = text.slice(from, tokens[first].start);
    let after = text.slice(tokens[last].end, to);
    const end = /[.!?](?:\s|$)/.exec(after);
    if (end) after = after.slice(0, end.index);
    const stops = [...before.matchAll(/[.!?]\s/g)];
    if (stops.length) before = before.slice(stops[stops.length - 1].index + 1);
    return pattern.test(before + ' \u0000 ' + after);
  }
}

/** Words either side of a weak form in which a context word must stand (data/glossary/FORMAT.md). */
const WEAK_WINDOW = 6;
/**
 * A verb's object pushes its context further off ("cut over the lab results feed from the legacy
 * engine"): a verb form looks through its sentence, up to this many words either side (a bound, so
 * that a run-on paragraph stays linear).
 */
const VERB_WINDOW = 25;

const SUFFIXED_ACRONYM = /^[A-Z][A-Za-z0-9]*[A-Z0-9]-(?:based|enabled|compliant|driven|capable|ready|aware|powered|integrated|connected|native|hosted|facing|related|specific|only|like|style|type|wide)$/;
const isCapitalWord = (t: Token | undefined) => t !== undefined && /^[A-Z]{2,}$/.test(t.text);
/** How far to look for a template blank's brackets around a word: blanks are short. */
const BLANK_REACH = 80;
const BLANK_INSIDE = /^[A-Z0-9 ,.'’/&:;()-]*$/;

/**
 * "[WHAT IT COSTS OR SAVES]": a word inside a template blank in capitals is the template's
 * instruction, not an abbreviation; the blank itself is flagged (src/rules/placeholder.ts).
 */
function inTemplateBlank(text: string, start: number, end: number): boolean {
  // Bounded looks either side: a draft of capitals with no brackets stays linear.
  const from = Math.max(0, start - BLANK_REACH);
  const open = text.slice(from, start).lastIndexOf('[');
  if (open === -1) return false;
  const close = text.slice(end, end + BLANK_REACH).indexOf(']');
  if (close === -1) return false;
  return BLANK_INSIDE.test(text.slice(from + open + 1, start)) && BLANK_INSIDE.test(text.slice(end, end + close));
}

/**
 * "CALL OR TEXT", "WHAT IT COSTS OR SAVES" and "CLOSED 17 MAR" are capitals for emphasis, template
 * blanks and dates, not the operating room or the medication administration record.
 */
function notAnAbbreviation(form: string, text: string, tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (isCapitalWord(before) && isCapitalWord(after) && (isCommonWord(before.text) || isCommonWord(after.text))) return true;
  if (inTemplateBlank(text, tokens[i].start, tokens[i].end)) return true;
  return inOwnSetting(knownAcronyms(), form, text, tokens[i].start);
}

/**
 * Context words match case-insensitively, except those written with two or more capitals
 * ("ED", "OR", "IT"), which must be written that way: "Ed" is a name, "or" a conjunction.
 */
function contextPattern(words: string[]): RegExp | undefined {
  const sensitive = words.filter(isCaseSensitiveForm).map(escapeRegExp).filter(Boolean);
  const insensitive = words.filter((w) => !isCaseSensitiveForm(w)).map(escapeRegExp).filter(Boolean);
  const edge = (alternatives: string[], flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
  const parts: RegExp[] = [];
  if (insensitive.length) parts.push(edge(insensitive, 'iu'));
  if (sensitive.length) parts.push(edge(sensitive, 'u'));
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return { test: (s: string) => parts.some((p) => p.test(s)) } as RegExp;
}

function escapeRegExp(value: string): string {
  return value.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** The shape of one term in a glossary YAML file (see data/glossary/FORMAT.md). */
interface RawTerm {
  term?: unknown;
  expansion?: unknown;
  aliases?: unknown;
  weak_aliases?: unknown;
  verbs?: unknown;
  plain_verb?: unknown;
  context?: unknown;
  exclude?: unknown;
  weak?: unknown;
  plurals?: unknown;
  domain?: unknown;
  familiar_to?: unknown;
  not_familiar_to?: unknown;
  definition?: unknown;
  plain?: unknown;
  replace?: unknown;
  ambiguity?: unknown;
  severity?: unknown;
  sources?: unknown;
  banned?: unknown;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** Audience ids as written; any id may stand here, a team audience's included (the schema checks built-in files). */
function audiencesOf(value: unknown): AudienceId[] {
  return [...new Set(strings(value).map((s) => s.toLowerCase()))];
}

/**
 * Who knows a term after this entry: for a term Crosswalk already has (built in, or from a
 * glossary read before this one), its audiences with `familiar_to` added and `not_familiar_to`
 * taken out, so that several team glossaries, or several "mark known" passes, add up: one
 * glossary teaching nurses "cutover" and another teaching finance leave both knowing it. For a
 * new term, `familiar_to` as written.
 */
function familiarOf(raw: RawTerm, existing: GlossaryEntry | undefined): AudienceId[] {
  const added = raw.familiar_to !== undefined ? audiencesOf(raw.familiar_to) : [];
  const removed = new Set(audiencesOf(raw.not_familiar_to));
  const known = existing ? [...existing.familiarTo] : [];
  for (const id of added) if (!known.some((k) => k.toLowerCase() === id)) known.push(id);
  return removed.size ? known.filter((id) => !removed.has(id.toLowerCase())) : known;
}

function replaceOf(value: unknown): Partial<Record<AudienceId, string>> {
  const out: Partial<Record<AudienceId, string>> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [audience, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string' && v.trim()) out[audience] = v;
    }
  }
  return out;
}

/** Reads the terms of one parsed glossary file; `base` supplies terms a team file overrides. */
/** `firstIndex`: the position in the file of `data.terms[0]`, when the terms come in slices (src/core/glossary-compile.ts). */
export function entriesFromData(data: unknown, origin: string, base?: Map<string, GlossaryEntry>, firstIndex = 0): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  const problems: GlossaryFileProblem[] = [];
  const entries: GlossaryEntry[] = [];
  const terms = data && typeof data === 'object' ? (data as { terms?: unknown }).terms : undefined;
  if (!Array.isArray(terms)) {
    problems.push({ origin, message: `${origin} has no "terms:" list; see data/glossary/FORMAT.md.`, start: 0, end: 0 });
    return { entries, problems };
  }
  terms.forEach((raw: RawTerm, index) => {
    const term = text(raw?.term);
    if (!term) {
      problems.push({ origin, message: `Term ${firstIndex + index + 1} in ${origin} has no "term:".`, start: 0, end: 0 });
      return;
    }
    const existing = base?.get(term.toLowerCase());
    const familiar = familiarOf(raw, existing);
    const entry: GlossaryEntry = {
      term,
      expansion: text(raw.expansion) ?? existing?.expansion,
      aliases: raw.aliases !== undefined ? strings(raw.aliases) : existing?.aliases ?? [],
      weakAliases: raw.weak_aliases !== undefined ? strings(raw.weak_aliases) : existing?.weakAliases ?? [],
      verbs: raw.verbs !== undefined ? strings(raw.verbs) : existing?.verbs ?? [],
      plainVerb: text(raw.plain_verb)?.trim() ?? existing?.plainVerb,
      context: raw.context !== undefined ? strings(raw.context) : existing?.context ?? [],
      exclude: raw.exclude !== undefined ? strings(raw.exclude) : existing?.exclude ?? [],
      weak: raw.weak !== undefined ? raw.weak === true : existing?.weak ?? false,
      plurals: raw.plurals !== undefined ? raw.plurals !== false : existing?.plurals ?? true,
      domain: text(raw.domain) ?? existing?.domain ?? 'team',
      familiarTo: familiar,
      definition: text(raw.definition) ?? existing?.definition ?? '',
      plain: text(raw.plain) ?? existing?.plain ?? '',
      replace: { ...existing?.replace, ...replaceOf(raw.replace) },
      ambiguity: text(raw.ambiguity) ?? existing?.ambiguity,
      severity: raw.severity === 'info' ? 'info' : raw.severity === 'warning' ? 'warning' : existing?.severity ?? 'warning',
      sources: raw.sources !== undefined ? strings(raw.sources) : existing?.sources ?? [],
      banned: raw.banned !== undefined ? raw.banned === true : existing?.banned ?? false,
      origin,
    };
    entries.push(entry);
  });
  return { entries, problems };
}

/**
 * Merges team glossaries over the built-in entries: a team term with the same name overrides.
 * With `audiences` (the built-in audiences and the config's team audiences), each id a team
 * glossary names in `familiar_to` or `replace` must be one of them: an unknown id is a problem at
 * its line, with a did-you-mean, and ids are matched to the catalog's spelling ("Nurses" is the
 * team audience "nurses").
 */
export function mergeGlossaries(builtIn: GlossaryEntry[], teams: { name: string; text: string }[], audiences?: AudienceCatalog): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  const byTerm = new Map<string, GlossaryEntry>();
  for (const entry of builtIn) byTerm.set(entry.term.toLowerCase(), entry);
  const problems: GlossaryFileProblem[] = [];
  for (const team of teams) {
    const parsed = parseYaml(team.text);
    if (parsed.problems.length) {
      problems.push(...parsed.problems.map((p) => ({ origin: team.name, message: `${team.name}: ${p.message}`, start: p.start, end: p.end })));
      continue;
    }
    const data = parsed.value;
    const result = entriesFromData(data, team.name, byTerm);
    problems.push(...result.problems);
    let entries = result.entries;
    if (audiences) {
      problems.push(...audienceProblems(data, parsed.doc, team.name, audiences));
      entries = entries.map((e) => withCatalogIds(e, audiences));
    }
    for (const entry of entries) byTerm.set(entry.term.toLowerCase(), entry);
  }
  return { entries: [...byTerm.values()], problems };
}

/**
 * Everything wrong with one team glossary, each at its place in the file: YAML errors, entries
 * that do not fit the glossary format (src/core/glossary-schema.ts) and audience ids that are no
 * audience of the project. What `.crosswalk.yaml` names and what the `crosswalk.glossaries`
 * setting names are both checked with it; the entries that fit still load (mergeGlossaries).
 * `knownTerm`: whether Crosswalk already has a term (built in), which `override: true` may change.
 */
export function teamGlossaryProblems(team: { name: string; text: string }, options: { audiences?: AudienceCatalog; knownTerm?: (term: string) => boolean } = {}): GlossaryFileProblem[] {
  const parsed = parseYaml(team.text);
  if (parsed.problems.length) return parsed.problems.map((p) => ({ origin: team.name, message: `${team.name}: ${p.message}`, start: p.start, end: p.end }));
  const problems = glossaryFormatProblems(parsed.value, parsed.doc, team.name, options.knownTerm);
  if (options.audiences) problems.push(...audienceProblems(parsed.value, parsed.doc, team.name, options.audiences));
  return problems.sort((a, b) => a.start - b.start);
}

/** The catalog's id for an id as written, case-insensitively. */
function catalogId(id: string, audiences: AudienceCatalog): AudienceId | undefined {
  const lower = id.toLowerCase();
  return audiences.ids.find((a) => a.toLowerCase() === lower);
}

function withCatalogIds(entry: GlossaryEntry, audiences: AudienceCatalog): GlossaryEntry {
  const familiarTo = [...new Set(entry.familiarTo.map((id) => catalogId(id, audiences) ?? id))];
  const replace: Partial<Record<AudienceId, string>> = {};
  for (const [id, wording] of Object.entries(entry.replace)) replace[catalogId(id, audiences) ?? id] = wording;
  return { ...entry, familiarTo, replace };
}

/** Audience ids in `familiar_to` and `replace` that are no audience of this project. */
function audienceProblems(data: unknown, doc: YAML.Document.Parsed | undefined, origin: string, audiences: AudienceCatalog): GlossaryFileProblem[] {
  const problems: GlossaryFileProblem[] = [];
  const terms = data && typeof data === 'object' ? (data as { terms?: unknown }).terms : undefined;
  if (!Array.isArray(terms)) return problems;
  const locate: Locate = (path, which) => rangeOfPath(doc, path, which);
  terms.forEach((raw: unknown, i) => termAudienceProblems(raw, i, locate, origin, audiences, problems));
  return problems;
}

/**
 * The unknown audience ids of item `i` of `terms:` (`raw`), added to `problems`; `locate` answers
 * for paths `['terms', i, ...]` (the sliced check, src/core/glossary-check.ts, calls it per item).
 */
export function termAudienceProblems(raw: unknown, i: number, locate: Locate, origin: string, audiences: AudienceCatalog, problems: GlossaryFileProblem[]): void {
  if (!raw || typeof raw !== 'object') return;
  const item = raw as RawTerm;
  const report = (written: string, term: string, field: string, path: (string | number)[], which: 'key' | 'value') => {
    const [start, end] = locate(path, which) ?? [0, 0];
    problems.push({ origin, message: `${origin}: ${unknownAudienceMessage(written, term, field, audiences)}`, start, end });
  };
  const term = typeof item.term === 'string' ? item.term : `term ${i + 1}`;
  for (const field of ['familiar_to', 'not_familiar_to'] as const) {
    const familiar = item[field];
    if (typeof familiar === 'string') {
      if (!catalogId(familiar, audiences)) report(familiar, term, field, ['terms', i, field], 'value');
    } else if (Array.isArray(familiar)) {
      familiar.forEach((id, j) => {
        if (typeof id === 'string' && !catalogId(id, audiences)) report(id, term, field, ['terms', i, field, j], 'value');
      });
    }
  }
  if (item.replace && typeof item.replace === 'object' && !Array.isArray(item.replace)) {
    for (const id of Object.keys(item.replace)) if (!catalogId(id, audiences)) report(id, term, 'replace', ['terms', i, 'replace', id], 'key');
  }
}

function unknownAudienceMessage(written: string, term: string, field: string, audiences: AudienceCatalog): string {
  const ids = audiences.ids.join(', ');
  const named = audiences.resolveName(written);
  if (named && named.length === 1) {
    return `"${written}" in ${field} of "${term}" is a name for the audience "${named[0]}"; ${field} takes audience ids: write "${named[0]}".`;
  }
  if (named) return `"${written}" in ${field} of "${term}" means several audiences; ${field} takes audience ids: list them (${named.join(', ')}).`;
  const guess = closest(written, audiences.ids);
  return `Unknown audience "${written}" in ${field} of "${term}"${guess ? `; did you mean "${guess}"?` : '.'} Audiences: ${ids} (a team audience is declared in .crosswalk.yaml under audiences:).`;
}

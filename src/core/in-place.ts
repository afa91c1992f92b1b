import type { AudienceId } from './types';

/**
 * Short wordings that stand in a sentence in place of a glossary term, per audience: the
 * glossary's `plain` and `replace` are definitions, too long to stand where the term stood
 * ("UAT sign-off" must not become "final testing by staff before the new system is switched on
 * sign-off"). They live apart from data/glossary/ (data/in-place/FORMAT.md) and are parsed at
 * build time by esbuild.js and at test time by test/setup/yaml-require.cjs, as the glossary is.
 */
export interface InPlaceWording {
  /** A noun phrase of at most about five words; a leading "the" or "a" gives way to the writer's own article. */
  noun: string;
  /** The plural of `noun` without its article, when adding -s to the last word is wrong. */
  plural?: string;
  /**
   * The form that stands before a noun ("final testing sign-off"); none: no replacement there.
   * A list: the first that fits beside the noun wins ("CPOE training" takes "order-entry", "CPOE
   * order sets" the next one, "electronic", since "order-entry order sets" doubles a word).
   */
  modifier?: string | readonly string[];
}

/** The modifier forms of a wording, in the order they are tried. */
export function modifierForms(wording: Pick<InPlaceWording, 'modifier'>): readonly string[] {
  const m = wording.modifier;
  return m === undefined ? [] : typeof m === 'string' ? [m] : m;
}

type Override = Partial<InPlaceWording>;
/**
 * The shared wording, and per-audience overrides under audience ids (data/schema/in-place.schema.json).
 * An entry may have no shared `noun`: a term only one audience meets in its messages (a breach
 * notice's "PHI" for patients) has a wording for that audience alone, and the others get none.
 */
export type InPlaceData = Partial<InPlaceWording> & Record<string, unknown>;

export const IN_PLACE_DOMAINS = ['clinical', 'it', 'admin_finance', 'regulatory'] as const;

/** The built-in files, by path: `{ version: 1, terms: { TERM: InPlaceData } }`. */
export const IN_PLACE_FILES: Record<string, unknown> = loadFiles();

function loadFiles(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of IN_PLACE_DOMAINS) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a template require is how esbuild bundles a folder of data
      files[`data/in-place/${name}.yaml`] = require(`../../data/in-place/${name}.yaml`);
    } catch {
      // A file missing from a build leaves fewer wordings: terms then get spell-out and the hover only.
    }
  }
  return files;
}

let table: Map<string, InPlaceData> | undefined;

/** Every entry, keyed by its lower-cased term or alias. */
export function inPlaceTable(): Map<string, InPlaceData> {
  if (!table) {
    table = new Map();
    for (const data of Object.values(IN_PLACE_FILES)) {
      const terms = (data as { terms?: Record<string, unknown> } | undefined)?.terms;
      if (!terms || typeof terms !== 'object') continue;
      for (const [key, value] of Object.entries(terms)) {
        if (isData(value)) table.set(key.toLowerCase(), value);
      }
    }
  }
  return table;
}

/** The text as written, then without a possessive or plural ending ("HL7 messages" -> "hl7 message"). */
export function formsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const bare = lower.replace(/['’]s?$/, '');
  return [lower, bare, bare.replace(/s$/, ''), bare.replace(/es$/, '')];
}

function isData(value: unknown): value is InPlaceData {
  if (typeof value !== 'object' || value === null) return false;
  const nounOf = (v: unknown) => typeof v === 'object' && v !== null && typeof (v as { noun?: unknown }).noun === 'string';
  return nounOf(value) || Object.values(value).some(nounOf);
}

/**
 * The in-place wording for a term as matched (`text`, an alias maybe) for one audience: an entry
 * for the alias itself wins ("HL7 feed"), then the term's; the audience's override fields win
 * over the shared ones.
 */
export function inPlaceWording(term: string, text: string, audience: AudienceId): InPlaceWording | undefined {
  const all = inPlaceTable();
  const data = formsOf(text).map((f) => all.get(f)).find(Boolean) ?? all.get(term.toLowerCase());
  if (!data) return undefined;
  const raw = data[audience];
  const own = typeof raw === 'object' && raw !== null ? (raw as Override) : undefined;
  const noun = own?.noun ?? data.noun;
  if (noun === undefined) return undefined;
  // A plural or modifier written for another noun does not fit this audience's own noun.
  const shared = own?.noun === undefined || own.noun === data.noun;
  return {
    noun,
    plural: own?.plural ?? (shared ? data.plural : undefined),
    modifier: own?.modifier ?? (shared ? data.modifier : undefined),
  };
}

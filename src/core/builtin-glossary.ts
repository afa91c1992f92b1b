import { entriesFromData, type GlossaryEntry } from './glossary';

export const GLOSSARY_DOMAINS = ['clinical', 'it', 'admin_finance', 'regulatory'] as const;

/**
 * The glossary files that ship with Crosswalk, one per domain. esbuild bundles every
 * data/glossary/*.yaml this template matches, parsed at build time; tests load them through
 * test/setup/yaml-require.cjs.
 */
export const BUILTIN_GLOSSARY_FILES: Record<string, unknown> = loadFiles();

function loadFiles(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of GLOSSARY_DOMAINS) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a template require is how esbuild bundles a folder of data
      files[`data/glossary/${name}.yaml`] = require(`../../data/glossary/${name}.yaml`);
    } catch {
      // A domain file missing from a build leaves the glossary smaller, never the engine broken.
    }
  }
  return files;
}

let cached: GlossaryEntry[] | undefined;

export function builtinEntries(): GlossaryEntry[] {
  if (!cached) {
    cached = [];
    for (const [name, data] of Object.entries(BUILTIN_GLOSSARY_FILES)) cached.push(...entriesFromData(data, name).entries);
  }
  return cached;
}

/** Source titles and links cited by built-in terms, for hovers. */
export function builtinSources(): Map<string, { title: string; url?: string }> {
  const sources = new Map<string, { title: string; url?: string }>();
  for (const data of Object.values(BUILTIN_GLOSSARY_FILES)) {
    const map = (data as { sources?: Record<string, { title?: string; url?: string }> } | undefined)?.sources ?? {};
    for (const [key, value] of Object.entries(map)) if (value?.title) sources.set(key, { title: value.title, url: value.url ?? undefined });
  }
  return sources;
}

/**
 * The audiences the built-in glossary says know a term (case-insensitive), for "Add to team
 * glossary": an override lists them with the new one, so that no audience loses the term.
 */
export function knownAudiencesOf(term: string): string[] {
  const lower = term.toLowerCase();
  const entry = builtinEntries().find((e) => e.term.toLowerCase() === lower);
  return entry ? [...entry.familiarTo] : [];
}

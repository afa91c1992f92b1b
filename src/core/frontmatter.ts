import type { AudienceCatalog } from './audience';
import type { AudienceId } from './types';
import { MESSAGE_TYPE_IDS, resolveMessageType } from './message-types';
import { closest, parseYaml, rangeOfPath, type YamlProblem } from './yaml-problems';

export const FRONT_MATTER_KEYS = ['audience', 'allow', 'type', 'title', 'breachDetermined', 'sites'] as const;

/** The message types (data/message-types.yaml); the nine message types have checks of their own (message-parts). */
export const MESSAGE_TYPES: readonly string[] = MESSAGE_TYPE_IDS;

/** A site the draft is about, with its time zone when the front matter gives one. */
export interface Site {
  name: string;
  zone?: string;
}

export interface FrontMatter {
  audience?: AudienceId[];
  allow: string[];
  /** The message type's id (an alias or a near miss is read as the type it names). */
  type?: string;
  /** `breachDetermined: true`: counsel has decided the incident is a breach, so "breach" may be said. */
  breachDetermined?: boolean;
  /** `sites:`, for time zones: a list of names, of "Name (zone)", or of `{ name, zone }`. */
  sites?: Site[];
  /** Document offsets of the YAML between the fences, for edits that rewrite it. */
  yamlStart: number;
  yamlEnd: number;
  /** Problems with document offsets. */
  problems: YamlProblem[];
}

/**
 * Reads the front matter chunk (fences included) that starts at offset 0 of the document;
 * `audiences` resolves its `audience:`.
 */
export function readFrontMatter(chunk: string, audiences: AudienceCatalog): FrontMatter {
  // Lines end at LF, CRLF or a lone CR (src/core/chunks.ts split the chunk that way).
  const firstBreak = chunk.search(/\r\n?|\n/);
  const yamlStart = firstBreak === -1 ? chunk.length : firstBreak + (chunk.startsWith('\r\n', firstBreak) ? 2 : 1);
  const closing = Math.max(chunk.lastIndexOf('\n'), chunk.lastIndexOf('\r'));
  const yamlEnd = Math.max(yamlStart, closing + 1);
  const yamlText = chunk.slice(yamlStart, yamlEnd);
  const result: FrontMatter = { allow: [], yamlStart, yamlEnd, problems: [] };
  const parsed = parseYaml(yamlText);
  const shift = (p: YamlProblem): YamlProblem => ({ ...p, start: p.start + yamlStart, end: p.end + yamlStart });
  result.problems.push(...parsed.problems.map(shift));
  const value = parsed.value;
  if (value === undefined || value === null) return result;
  if (typeof value !== 'object' || Array.isArray(value)) {
    result.problems.push(shift({ message: 'Front matter should be a map of keys such as "audience: clinical".', start: 0, end: Math.max(1, yamlText.length), severity: 'warning' }));
    return result;
  }
  const data = value as Record<string, unknown>;
  const at = (path: string[], which: 'key' | 'value', message: string) => {
    const [start, end] = rangeOfPath(parsed.doc, path, which) ?? [0, 1];
    result.problems.push(shift({ message, start, end, severity: 'warning' }));
  };
  for (const key of Object.keys(data)) {
    if ((FRONT_MATTER_KEYS as readonly string[]).includes(key)) continue;
    // Other tools (static site generators) keep their own keys here: only near-misses are ours.
    const guess = closest(key, FRONT_MATTER_KEYS);
    if (guess && key.toLowerCase() !== guess) at([key], 'key', `Unknown front matter key "${key}"; did you mean "${guess}"? Crosswalk reads ${FRONT_MATTER_KEYS.join(', ')}.`);
  }
  if (data.audience !== undefined && data.audience !== null) {
    const resolved = audiences.resolve(data.audience);
    if (resolved.unknown.length) {
      at(['audience'], 'value', `Unknown audience ${resolved.unknown.map((u) => `"${u}"`).join(', ')}. Valid audiences: ${audiences.validNames.join(', ')}; checking with the default audience instead.`);
    }
    result.audience = resolved.audience;
  }
  if (data.allow !== undefined && data.allow !== null) {
    const allow = Array.isArray(data.allow) ? data.allow : typeof data.allow === 'string' ? data.allow.split(',') : undefined;
    if (!allow) at(['allow'], 'value', 'allow should be a list of terms, such as "allow: [UAT, go-live]".');
    else result.allow = allow.map((v) => String(v).trim()).filter(Boolean);
  }
  if (typeof data.type === 'string') {
    result.type = data.type;
    const { type, guess } = resolveMessageType(data.type);
    if (type) result.type = type.id;
    else if (guess) {
      // A near miss ("downtime_notise") would silently skip the checks for that type.
      at(['type'], 'value', `Unknown message type "${data.type}"; did you mean "${guess.id}"? Types: ${MESSAGE_TYPES.join(', ')}.`);
      result.type = guess.id;
    }
  }
  if (data.breachDetermined !== undefined && data.breachDetermined !== null) {
    if (typeof data.breachDetermined === 'boolean') result.breachDetermined = data.breachDetermined;
    else at(['breachDetermined'], 'value', 'breachDetermined should be true (counsel has decided this is a breach) or false.');
  }
  if (data.sites !== undefined && data.sites !== null) {
    const sites = readSites(data.sites);
    if (sites) result.sites = sites;
    else at(['sites'], 'value', 'sites should be a list such as "sites: [Boston (ET), Denver (MT)]" or of "{ name: Boston, zone: ET }".');
  }
  return result;
}

/** `[Boston (ET), Denver (MT)]`, `[{ name: Boston, zone: ET }]` or `{ Boston: ET }`. */
function readSites(value: unknown): Site[] | undefined {
  const one = (v: unknown): Site | undefined => {
    if (typeof v === 'string') {
      const m = /^(.*?)\s*\(([^()]{1,40})\)\s*$/.exec(v);
      return m ? { name: m[1], zone: m[2].trim() } : { name: v.trim() };
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const zone = o.zone ?? o.timeZone ?? o.timezone;
      if (typeof o.name === 'string') return { name: o.name, zone: typeof zone === 'string' ? zone : undefined };
    }
    return undefined;
  };
  if (Array.isArray(value)) {
    const sites = value.map(one);
    return sites.every((s): s is Site => !!s) ? sites : undefined;
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([name, zone]) => ({ name, zone: typeof zone === 'string' ? zone : undefined }));
  }
  return undefined;
}

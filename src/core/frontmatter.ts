import type { AudienceCatalog } from './audience';
import type { AudienceId } from './types';
import { closest, parseYaml, rangeOfPath, type YamlProblem } from './yaml-problems';

export const FRONT_MATTER_KEYS = ['audience', 'allow', 'type', 'title'] as const;

/** The message types of Crosswalk's templates; some have checks of their own (message-parts). */
export const MESSAGE_TYPES = [
  'downtime-notice', 'runbook', 'go-live', 'listening-session', 'traceability-matrix', 'moscow', 'rollout-plan',
  'incident-update', 'post-incident-review', 'raci', 'stakeholder-grid', 'adkar', 'executive-summary',
  'impact-datasheet', 'decision-log', 'star-story', 'breach-notice',
] as const;

export interface FrontMatter {
  audience?: AudienceId[];
  allow: string[];
  type?: string;
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
    if (!(MESSAGE_TYPES as readonly string[]).includes(data.type)) {
      // A near miss ("downtime_notice") would silently skip the checks for that type.
      const guess = closest(data.type.replace(/[_\s]+/g, '-'), MESSAGE_TYPES);
      if (guess) {
        at(['type'], 'value', `Unknown message type "${data.type}"; did you mean "${guess}"? Types: ${MESSAGE_TYPES.join(', ')}.`);
        result.type = guess;
      }
    }
  }
  return result;
}

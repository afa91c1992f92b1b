import { resolveAudience, VALID_AUDIENCE_NAMES } from './audience';
import type { RuleMeta, RuleOptionSchema } from './document';
import { AUDIENCES, type AudienceId, type AudienceLimits, type CrosswalkConfig, type RuleLevel } from './types';
import { closest, parseYaml, rangeOfPath, type YamlProblem } from './yaml-problems';

/**
 * Defaults drawn from ../shared/reference/guidance.md: clinical staff read fast and under stress
 * (grade 8, about 15 words a sentence), leadership at grade 10 at most, IT at grade 10-12 with
 * acronym-heavy prose forgiven (threshold 5/7, minWords 6); paragraphs of at most 150 words.
 */
export const DEFAULT_LIMITS: Record<AudienceId, AudienceLimits> = {
  clinical: { readability: { age: 13, threshold: 4 / 7, minWords: 5 }, sentenceWords: 20, paragraphWords: 150 },
  admin: { readability: { age: 14, threshold: 4 / 7, minWords: 5 }, sentenceWords: 25, paragraphWords: 150 },
  it: { readability: { age: 16, threshold: 5 / 7, minWords: 6 }, sentenceWords: 30, paragraphWords: 200 },
};

export const CONFIG_KEYS = ['audience', 'rules', 'audiences', 'glossaries', 'allow', 'placeholders'] as const;
const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error', 'hint'];
const LIMIT_KEYS = ['readability', 'sentenceWords', 'paragraphWords'];
const READABILITY_KEYS = ['age', 'threshold', 'minWords'];

/** Configuration with every default filled in, as rules use it. */
export interface ResolvedConfig {
  audience?: AudienceId[];
  rules: Record<string, RuleLevel>;
  /** Each rule's options from `rules: {id: {level, ...options}}`, validated against its schema. */
  options: Record<string, Record<string, unknown>>;
  limits: Record<AudienceId, AudienceLimits>;
  glossaries: string[];
  allow: string[];
  placeholders: RegExp[];
}

export interface ConfigProblem extends YamlProblem {
  /** The config file, when the problem is in one. */
  source?: string;
}

export interface ConfigResult {
  config: CrosswalkConfig;
  problems: ConfigProblem[];
}

/** Reads `.crosswalk.yaml` text: broken YAML or unknown keys give problems, never an exception. */
export function parseConfigText(text: string, rules: readonly (string | RuleMeta)[]): ConfigResult {
  const parsed = parseYaml(text);
  if (parsed.value === undefined || parsed.value === null) return { config: {}, problems: parsed.problems };
  return validateConfig(parsed.value, rules, parsed.doc);
}

/**
 * Keeps the valid parts of a config object and reports the rest; `doc` gives the ranges of the
 * problems when the config came from YAML text.
 */
export function validateConfig(value: unknown, rules: readonly (string | RuleMeta)[], doc?: Parameters<typeof rangeOfPath>[0]): ConfigResult {
  const metas = rules.map((r) => (typeof r === 'string' ? { id: r } as Pick<RuleMeta, 'id' | 'options'> : r));
  const ruleIds = metas.map((r) => r.id);
  const problems: ConfigProblem[] = [];
  const at = (path: (string | number)[], message: string, which: 'key' | 'value' = 'value', severity: 'error' | 'warning' = 'warning') => {
    const [start, end] = rangeOfPath(doc, path, which) ?? rangeOfPath(doc, path.slice(0, -1), 'key') ?? [0, 0];
    problems.push({ message, start, end: Math.max(end, start + 1), severity });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    at([], 'The Crosswalk config must be a map of settings (audience, rules, audiences, glossaries, allow, placeholders).', 'value', 'error');
    return { config: {}, problems };
  }
  const raw = value as Record<string, unknown>;
  const config: CrosswalkConfig = {};

  for (const key of Object.keys(raw)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, CONFIG_KEYS);
      at([key], `Unknown setting "${key}"${guess ? `; did you mean "${guess}"?` : ''} Valid settings: ${CONFIG_KEYS.join(', ')}.`, 'key');
    }
  }

  if (raw.audience !== undefined) {
    const resolved = resolveAudience(raw.audience);
    if (resolved.unknown.length) at(['audience'], `Unknown audience ${resolved.unknown.map((u) => `"${u}"`).join(', ')}. Valid audiences: ${VALID_AUDIENCE_NAMES.join(', ')}.`);
    if (resolved.audience) config.audience = resolved.audience;
  }

  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
      at(['rules'], 'rules must map rule ids to off, info, warning or error.');
    } else {
      config.rules = {};
      for (const [id, level] of Object.entries(raw.rules as Record<string, unknown>)) {
        if (!ruleIds.includes(id)) {
          const guess = closest(id, ruleIds);
          at(['rules', id], `Unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} Rules: ${ruleIds.join(', ')}.`, 'key');
          continue;
        }
        if (typeof level === 'object' && level !== null && !Array.isArray(level)) {
          // `placeholder: {level: error, patterns: [...]}`: a level and the rule's own options.
          const schema = metas.find((r) => r.id === id)?.options ?? {};
          const setting: Record<string, unknown> = {};
          for (const [name, optionValue] of Object.entries(level as Record<string, unknown>)) {
            if (name === 'level') {
              const normalisedLevel = normaliseLevel(optionValue);
              if (normalisedLevel) setting.level = normalisedLevel;
              else at(['rules', id, 'level'], `"${String(optionValue)}" is not a rule level; use off, info, warning or error.`);
              continue;
            }
            const option = schema[name];
            if (!option) {
              const names = ['level', ...Object.keys(schema)];
              const guess = closest(name, names);
              at(['rules', id, name], `Rule ${id} has no option "${name}"${guess ? `; did you mean "${guess}"?` : ''} Options: ${names.join(', ')}.`, 'key');
              continue;
            }
            const problem = optionProblem(optionValue, option);
            if (problem) at(['rules', id, name], `${id} option ${name}: ${problem}`);
            else if (id === 'placeholder' && name === 'patterns') setting[name] = checkedPatterns(optionValue as string[], (i, message) => at(['rules', id, name, i], message));
            else setting[name] = optionValue;
          }
          config.rules[id] = setting;
          continue;
        }
        const normalised = normaliseLevel(level);
        if (!normalised) {
          at(['rules', id], `"${String(level)}" is not a rule level; use off, info, warning or error.`);
          continue;
        }
        config.rules[id] = normalised;
      }
    }
  }

  if (raw.audiences !== undefined) {
    if (typeof raw.audiences !== 'object' || raw.audiences === null) {
      at(['audiences'], 'audiences must map clinical, admin or it to their targets.');
    } else {
      config.audiences = {};
      for (const [name, limits] of Object.entries(raw.audiences as Record<string, unknown>)) {
        if (!(AUDIENCES as readonly string[]).includes(name)) {
          at(['audiences', name], `Unknown audience "${name}" under audiences; use clinical, admin or it.`, 'key');
          continue;
        }
        const out: NonNullable<CrosswalkConfig['audiences']>[AudienceId] = {};
        const lim = (limits ?? {}) as Record<string, unknown>;
        for (const key of Object.keys(lim)) {
          if (!LIMIT_KEYS.includes(key)) at(['audiences', name, key], `Unknown target "${key}"; valid: ${LIMIT_KEYS.join(', ')}.`, 'key');
        }
        for (const key of ['sentenceWords', 'paragraphWords'] as const) {
          if (lim[key] === undefined) continue;
          if (typeof lim[key] === 'number' && lim[key] > 0) out[key] = lim[key];
          else at(['audiences', name, key], `${key} must be a positive number of words.`);
        }
        if (lim.readability !== undefined) {
          const r = (lim.readability ?? {}) as Record<string, unknown>;
          const readability: Partial<AudienceLimits['readability']> = {};
          for (const key of Object.keys(r)) {
            if (!READABILITY_KEYS.includes(key)) at(['audiences', name, 'readability', key], `Unknown readability target "${key}"; valid: ${READABILITY_KEYS.join(', ')}.`, 'key');
          }
          const age = r.age;
          if (age !== undefined) {
            if (typeof age === 'number' && age > 0) readability.age = age;
            else at(['audiences', name, 'readability', 'age'], 'age must be a reader age above 0 (13 is about US grade 8).');
          }
          const threshold = parseThreshold(r.threshold);
          if (r.threshold !== undefined) {
            if (threshold !== undefined) readability.threshold = threshold;
            else at(['audiences', name, 'readability', 'threshold'], 'threshold must be a share above 0 and at most 1, such as 0.57 or "4/7".');
          }
          const minWords = r.minWords;
          if (minWords !== undefined) {
            if (typeof minWords === 'number' && minWords >= 1) readability.minWords = minWords;
            else at(['audiences', name, 'readability', 'minWords'], 'minWords must be a whole number of at least 1.');
          }
          out.readability = readability;
        }
        config.audiences[name as AudienceId] = out;
      }
    }
  }

  for (const key of ['glossaries', 'allow', 'placeholders'] as const) {
    const list = raw[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) {
      at([key], `${key} must be a list of text values.`);
      continue;
    }
    if (key === 'placeholders') {
      config.placeholders = checkedPatterns(list as string[], (i, message) => at([key, i], message));
    } else {
      config[key] = list as string[];
    }
  }
  return { config, problems };
}

/** The patterns that compile; each one that does not is reported at its index. */
function checkedPatterns(list: string[], report: (index: number, message: string) => void): string[] {
  const valid: string[] = [];
  list.forEach((pattern, i) => {
    try {
      new RegExp(pattern, 'u');
      valid.push(pattern);
    } catch (error) {
      report(i, `Placeholder pattern is not a valid regular expression: ${(error as Error).message}`);
    }
  });
  return valid;
}

function normaliseLevel(level: unknown): RuleLevel | undefined {
  const normalised = level === false ? 'off' : String(level).toLowerCase();
  return (LEVELS as readonly string[]).includes(normalised) ? normalised as RuleLevel : undefined;
}

/** Why a value does not fit a rule option's schema, or undefined when it fits. */
function optionProblem(value: unknown, schema: RuleOptionSchema): string | undefined {
  if (schema.type === 'array') {
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be a list of text values.';
  }
  if (typeof value !== schema.type) return `must be a ${schema.type === 'string' ? 'text value' : schema.type}.`;
  if (schema.enum && !schema.enum.includes(value as string | number)) return `must be one of ${schema.enum.join(', ')}.`;
  if (schema.type === 'number' && schema.minimum !== undefined && (value as number) < schema.minimum) return `must be at least ${schema.minimum}.`;
  return undefined;
}

function parseThreshold(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    n = m ? Number(m[1]) / Number(m[2]) : Number(value);
  }
  return n !== undefined && Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined;
}

/** Fills defaults into a (validated) config. */
export function resolveConfig(config: CrosswalkConfig | undefined): ResolvedConfig {
  const limits = {} as Record<AudienceId, AudienceLimits>;
  for (const audience of AUDIENCES) {
    const base = DEFAULT_LIMITS[audience];
    const override = config?.audiences?.[audience];
    limits[audience] = {
      readability: { ...base.readability, ...override?.readability },
      sentenceWords: override?.sentenceWords ?? base.sentenceWords,
      paragraphWords: override?.paragraphWords ?? base.paragraphWords,
    };
  }
  const rules: Record<string, RuleLevel> = {};
  const options: Record<string, Record<string, unknown>> = {};
  for (const [id, setting] of Object.entries(config?.rules ?? {})) {
    if (typeof setting === 'string') {
      rules[id] = setting;
      continue;
    }
    const { level, ...rest } = setting;
    if (level) rules[id] = level;
    options[id] = rest;
  }
  const placeholderPatterns = options.placeholder?.patterns;
  const placeholders: RegExp[] = [];
  // The top-level `placeholders` key came first; `rules: {placeholder: {patterns}}` adds to it.
  for (const pattern of [...config?.placeholders ?? [], ...Array.isArray(placeholderPatterns) ? placeholderPatterns as string[] : []]) {
    try {
      placeholders.push(new RegExp(pattern, 'gu'));
    } catch {
      // Reported by validateConfig; an invalid pattern is simply not used.
    }
  }
  return {
    audience: config?.audience === undefined ? undefined : resolveAudience(config.audience).audience,
    rules,
    options,
    limits,
    glossaries: config?.glossaries ?? [],
    allow: config?.allow ?? [],
    placeholders,
  };
}

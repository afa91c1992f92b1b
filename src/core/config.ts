import { AudienceCatalog, applyTargets, parseThreshold } from './audience';
import type { RuleMeta, RuleOptionSchema } from './document';
import type { AudienceId, AudienceLimits, AudienceSettings, CrosswalkConfig, IgnoredFinding, RuleLevel } from './types';
import { compilePatterns } from './draft-files';
import { compileUserPattern, type PatternMatcher } from './user-pattern';
import { closest, parseYaml, rangeOfPath, type YamlProblem } from './yaml-problems';

export const CONFIG_KEYS = ['audience', 'rules', 'audiences', 'glossaries', 'allow', 'placeholders', 'files', 'ignore', 'organization', 'ignored'] as const;
const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error', 'hint'];
const LIMIT_KEYS = ['readability', 'sentenceWords', 'paragraphWords'];
const READABILITY_KEYS = ['age', 'grade', 'threshold', 'minWords'];
const TEAM_KEYS = ['extends', 'label', 'who', 'aliases', 'knows', 'domains'];
const NO_AUDIENCES = new AudienceCatalog([]);

/** Configuration with every default filled in, as rules use it. */
export interface ResolvedConfig {
  audience?: AudienceId[];
  rules: Record<string, RuleLevel>;
  /** Each rule's options from `rules: {id: {level, ...options}}`, validated against its schema. */
  options: Record<string, Record<string, unknown>>;
  limits: Record<AudienceId, AudienceLimits>;
  /** The audiences this config knows: the engine's, with the config's team audiences. */
  audiences: AudienceCatalog;
  glossaries: string[];
  allow: string[];
  /** Team patterns, compiled on RE2 (src/core/user-pattern.ts). */
  placeholders: PatternMatcher[];
  /** The organisation's own initials (`organization: {initials}`), which need no spelling out. */
  organizationInitials: string[];
  /** Findings left on purpose (`ignored:`, src/core/ignored.ts). */
  ignored: IgnoredFinding[];
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
export function parseConfigText(text: string, rules: readonly (string | RuleMeta)[], audiences: AudienceCatalog = NO_AUDIENCES): ConfigResult {
  const parsed = parseYaml(text);
  if (parsed.value === undefined || parsed.value === null) return { config: {}, problems: parsed.problems };
  const result = validateConfig(parsed.value, rules, parsed.doc, audiences);
  // A YAML error drops only the keys it touches (src/core/yaml-problems.ts): report it with the rest.
  return { config: result.config, problems: [...parsed.problems, ...result.problems] };
}

/**
 * Keeps the valid parts of a config object and reports the rest; `doc` gives the ranges of the
 * problems when the config came from YAML text.
 */
export function validateConfig(value: unknown, rules: readonly (string | RuleMeta)[], doc?: Parameters<typeof rangeOfPath>[0], audiences: AudienceCatalog = NO_AUDIENCES): ConfigResult {
  const metas = rules.map((r) => (typeof r === 'string' ? { id: r } as Pick<RuleMeta, 'id' | 'options'> : r));
  const ruleIds = metas.map((r) => r.id);
  const problems: ConfigProblem[] = [];
  const at = (path: (string | number)[], message: string, which: 'key' | 'value' = 'value', severity: 'error' | 'warning' = 'warning') => {
    const [start, end] = rangeOfPath(doc, path, which) ?? rangeOfPath(doc, path.slice(0, -1), 'key') ?? [0, 0];
    problems.push({ message, start, end: Math.max(end, start + 1), severity });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    at([], `The Crosswalk config must be a map of settings (${CONFIG_KEYS.join(', ')}).`, 'value', 'error');
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

  // `audience: pharmacy` may name a team audience defined below it: know them before resolving.
  const catalog = audiences.withTeamAudiences(teamAudiencesOf(raw.audiences, audiences));
  if (raw.audience !== undefined) {
    const resolved = catalog.resolve(raw.audience);
    if (resolved.unknown.length) at(['audience'], `Unknown audience ${resolved.unknown.map((u) => `"${u}"`).join(', ')}. Valid audiences: ${catalog.validNames.join(', ')}.`);
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
    if (typeof raw.audiences !== 'object' || raw.audiences === null || Array.isArray(raw.audiences)) {
      at(['audiences'], `audiences must map an audience (${audiences.ids.join(', ')}) or a team audience to its targets.`);
    } else {
      config.audiences = {};
      for (const [name, limits] of Object.entries(raw.audiences as Record<string, unknown>)) {
        const settings = audienceSettings(name, limits, audiences, (path, message, which) => at(['audiences', name, ...path], message, which));
        if (settings) config.audiences[name] = settings;
      }
    }
  }

  if (raw.organization !== undefined) {
    // `organization: {name, initials}`: the writer's own organisation; its initials need no spelling out.
    const org = raw.organization;
    if (!org || typeof org !== 'object' || Array.isArray(org)) at(['organization'], 'organization must be a map with a name and initials, such as {name: "Hospital Sisters Health System", initials: [HSHS]}.');
    else {
      const { name, initials, ...rest } = org as Record<string, unknown>;
      for (const key of Object.keys(rest)) at(['organization', key], `Unknown key "${key}" in organization: use name and initials.`, 'key');
      const out: { name?: string; initials?: string[] } = {};
      if (name !== undefined) {
        if (typeof name === 'string') out.name = name;
        else at(['organization', 'name'], 'organization name must be text.');
      }
      if (initials !== undefined) {
        const list = typeof initials === 'string' ? [initials] : initials;
        if (Array.isArray(list) && list.every((v) => typeof v === 'string')) out.initials = list as string[];
        else at(['organization', 'initials'], 'organization initials must be a list of text values, such as [HSHS].');
      }
      config.organization = out;
    }
  }

  if (raw.ignored !== undefined) config.ignored = ignoredEntries(raw.ignored, at);

  for (const key of ['glossaries', 'allow', 'placeholders', 'files', 'ignore'] as const) {
    const list = raw[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) {
      at([key], `${key} must be a list of text values.`);
      continue;
    }
    if (key === 'placeholders') {
      config.placeholders = checkedPatterns(list as string[], (i, message) => at([key, i], message));
    } else if (key === 'files' || key === 'ignore') {
      // Patterns that cannot be used are reported at their place; the others still apply.
      const { problems: refused } = compilePatterns(list as string[]);
      for (const p of refused) at([key, p.at], p.kept ? `${key}: pattern "${p.pattern}" may not say what you meant: ${p.message}.` : `${key}: pattern "${p.pattern}" is not used: ${p.message}`);
      config[key] = list as string[];
    } else {
      config[key] = list as string[];
    }
  }
  return { config, problems };
}

const IGNORED_KEYS = ['rule', 'file', 'text', 'context'];

/** `ignored:` entries ("Ignore here", src/core/ignored.ts): each valid one is kept, each other reported at its place. */
function ignoredEntries(raw: unknown, at: (path: (string | number)[], message: string, which?: 'key' | 'value') => void): IgnoredFinding[] {
  if (!Array.isArray(raw)) {
    at(['ignored'], 'ignored must be a list of findings, each {rule, file, text, context}, as "Ignore here" writes them.');
    return [];
  }
  const out: IgnoredFinding[] = [];
  raw.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      at(['ignored', i], 'Each ignored finding is a map of rule, file, text and context.');
      return;
    }
    const entry = item as Record<string, unknown>;
    for (const key of Object.keys(entry)) if (!IGNORED_KEYS.includes(key)) at(['ignored', i, key], `Unknown key "${key}" in an ignored finding; use ${IGNORED_KEYS.join(', ')}.`, 'key');
    const missing = ['rule', 'file', 'text'].filter((k) => typeof entry[k] !== 'string');
    if (missing.length || (entry.context !== undefined && typeof entry.context !== 'string')) {
      at(['ignored', i], `This ignored finding is not used: ${missing.length ? `${missing.join(', ')} must be text` : 'context must be text'}.`);
      return;
    }
    const context = entry.context as string | undefined;
    if (context !== undefined && !context.includes(entry.text as string)) {
      at(['ignored', i, 'context'], 'This ignored finding is not used: its context must contain its text.');
      return;
    }
    out.push({ rule: entry.rule as string, file: entry.file as string, text: entry.text as string, ...(context !== undefined ? { context } : {}) });
  });
  return out;
}

/** The patterns that compile on RE2; each one that does not is reported at its place in the config. */
function checkedPatterns(list: string[], report: (index: number, message: string) => void): string[] {
  const valid: string[] = [];
  list.forEach((pattern, i) => {
    const compiled = compileUserPattern(pattern);
    if ('error' in compiled) {
      report(i, `Placeholder pattern "${pattern.length > 60 ? `${pattern.slice(0, 60)}…` : pattern}" is not used: ${compiled.error}. Team patterns run on a linear-time engine (RE2), so that no pattern can freeze checking.`);
    } else valid.push(pattern);
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

/** The team audiences of a raw `audiences:` map that extend a known audience, unchecked otherwise. */
function teamAudiencesOf(raw: unknown, audiences: AudienceCatalog): Record<AudienceId, AudienceSettings> {
  const out: Record<AudienceId, AudienceSettings> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const settings = audienceSettings(name, value, audiences, () => undefined);
    if (settings?.extends) out[name] = settings;
  }
  return out;
}

/**
 * One entry under `audiences:`: targets for a built-in audience, or a team audience that
 * `extends` one. Problems go to `report` with their path under the entry.
 */
function audienceSettings(
  name: string,
  value: unknown,
  audiences: AudienceCatalog,
  report: (path: (string | number)[], message: string, which?: 'key' | 'value') => void,
): AudienceSettings | undefined {
  const builtIn = audiences.get(name) !== undefined;
  const lim = (value ?? {}) as Record<string, unknown>;
  if (!builtIn) {
    if (lim.extends === undefined) {
      const guess = closest(name, audiences.ids);
      report([], `Unknown audience "${name}" under audiences${guess ? `; did you mean "${guess}"?` : ';'} A team audience needs "extends:" naming the audience it starts from (${audiences.ids.join(', ')}).`, 'key');
      return undefined;
    }
    if (typeof lim.extends !== 'string' || audiences.get(lim.extends) === undefined || audiences.get(lim.extends)?.extends) {
      const guess = typeof lim.extends === 'string' ? closest(lim.extends, audiences.ids) : undefined;
      report(['extends'], `Team audience "${name}" extends "${String(lim.extends)}", which is not a built-in audience${guess ? `; did you mean "${guess}"?` : '.'} Use one of: ${audiences.ids.join(', ')}.`);
      return undefined;
    }
  }
  const out: AudienceSettings = {};
  const keys = builtIn ? LIMIT_KEYS : [...TEAM_KEYS, ...LIMIT_KEYS];
  for (const key of Object.keys(lim)) {
    if (!keys.includes(key)) {
      report([key], `Unknown target "${key}"; valid: ${keys.join(', ')}.`, 'key');
    }
  }
  if (!builtIn) {
    out.extends = lim.extends as string;
    for (const key of ['label', 'who'] as const) {
      if (lim[key] === undefined) continue;
      if (typeof lim[key] === 'string' && lim[key].trim()) out[key] = lim[key].trim();
      else report([key], `${key} must be a text value.`);
    }
    for (const key of ['aliases', 'knows', 'domains'] as const) {
      if (lim[key] === undefined) continue;
      if (Array.isArray(lim[key]) && lim[key].every((v) => typeof v === 'string')) out[key] = lim[key] as string[];
      else report([key], `${key} must be a list of text values.`);
    }
  }
  for (const key of ['sentenceWords', 'paragraphWords'] as const) {
    if (lim[key] === undefined) continue;
    if (typeof lim[key] === 'number' && lim[key] > 0) out[key] = lim[key];
    else report([key], `${key} must be a positive number of words.`);
  }
  if (lim.readability !== undefined) {
    const r = (lim.readability ?? {}) as Record<string, unknown>;
    const readability: Partial<AudienceLimits['readability']> = {};
    for (const key of Object.keys(r)) {
      if (!READABILITY_KEYS.includes(key)) report(['readability', key], `Unknown readability target "${key}"; valid: ${READABILITY_KEYS.join(', ')}.`, 'key');
    }
    const age = r.age;
    if (age !== undefined) {
      if (typeof age === 'number' && age > 0) readability.age = age;
      else report(['readability', 'age'], 'age must be a reader age above 0 (13 is about US grade 8).');
    }
    // A US school grade, as plain-language guidance states targets; reader age is grade plus 5.
    const grade = r.grade;
    if (grade !== undefined) {
      if (typeof grade === 'number' && grade > 0) readability.age = grade + 5;
      else report(['readability', 'grade'], 'grade must be a US school grade above 0 (grade 8 is reader age 13).');
    }
    const threshold = parseThreshold(r.threshold);
    if (r.threshold !== undefined) {
      if (threshold !== undefined) readability.threshold = threshold;
      else report(['readability', 'threshold'], 'threshold must be a share above 0 and at most 1, such as 0.57 or "4/7".');
    }
    const minWords = r.minWords;
    if (minWords !== undefined) {
      if (typeof minWords === 'number' && minWords >= 1) readability.minWords = minWords;
      else report(['readability', 'minWords'], 'minWords must be a whole number of at least 1.');
    }
    out.readability = readability;
  }
  return out;
}

/** Fills defaults into a (validated) config; `audiences` are the engine's built-in audiences. */
export function resolveConfig(config: CrosswalkConfig | undefined, audiences: AudienceCatalog = NO_AUDIENCES): ResolvedConfig {
  const catalog = audiences.withTeamAudiences(config?.audiences);
  const limits: Record<AudienceId, AudienceLimits> = {};
  for (const def of catalog.list) limits[def.id] = applyTargets(def.limits, config?.audiences?.[def.id]);
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
  const placeholders: PatternMatcher[] = [];
  // The top-level `placeholders` key came first; `rules: {placeholder: {patterns}}` adds to it.
  for (const pattern of [...config?.placeholders ?? [], ...Array.isArray(placeholderPatterns) ? placeholderPatterns as string[] : []]) {
    // An invalid or refused pattern is reported by validateConfig and simply not used here.
    const compiled = compileUserPattern(pattern);
    if (!('error' in compiled)) placeholders.push(compiled);
  }
  return {
    audience: config?.audience === undefined ? undefined : catalog.resolve(config.audience).audience,
    rules,
    options,
    limits,
    audiences: catalog,
    glossaries: config?.glossaries ?? [],
    allow: config?.allow ?? [],
    placeholders,
    organizationInitials: config?.organization?.initials ?? [],
    ignored: config?.ignored ?? [],
  };
}

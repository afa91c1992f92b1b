import type { AudienceId, AudienceLimits, AudienceSettings, CrosswalkConfig } from './types';
import type { YamlProblem } from './yaml-problems';

/** One audience as the engine uses it: from data/audiences.yaml, or a team's from `.crosswalk.yaml`. */
export interface AudienceDef {
  id: AudienceId;
  /** As it reads in a finding: "<label> readers". */
  label: string;
  /** As it reads in the report, the status item and pickers. */
  title: string;
  /** Who they are, in hovers: "Known to: clinical staff, IT". */
  readers: string;
  /** Who these readers are, for pickers. */
  who: string;
  /** Whether `all` (and a draft that names no audience) includes it. */
  inAll: boolean;
  aliases: string[];
  limits: AudienceLimits;
  /** Glossary domains whose every term it knows, beyond each term's `familiar_to`. */
  domains: string[];
  /** Glossary terms it knows beyond what its parent knows (team audiences). */
  knows: string[];
  /** The built-in audience a team audience starts from. */
  extends?: AudienceId;
}

export interface AudienceResolution {
  audience?: AudienceId[];
  /** Names that were not understood, for a finding at their place. */
  unknown: string[];
}

const ALL_NAMES = ['all', 'everyone', 'everybody', 'broad', 'all staff', 'general'];
const normalise = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The audiences one engine (and one config) knows: every place that lists, names, labels or
 * resolves audiences asks this, so that an audience added to data/audiences.yaml or a team's
 * `.crosswalk.yaml` works everywhere.
 */
export class AudienceCatalog {
  readonly list: readonly AudienceDef[];
  /** Every audience id, built-in first, in the order the data gives them. */
  readonly ids: AudienceId[];
  /** What `all` means: the audiences a broad message must work for. */
  readonly all: AudienceId[];
  private readonly byName = new Map<string, AudienceId | 'all'>();
  private readonly byId = new Map<AudienceId, AudienceDef>();

  constructor(defs: readonly AudienceDef[]) {
    this.list = defs;
    this.ids = defs.map((d) => d.id);
    this.all = defs.filter((d) => d.inAll).map((d) => d.id);
    for (const name of ALL_NAMES) this.byName.set(name, 'all');
    for (const def of defs) {
      this.byId.set(def.id, def);
      this.byName.set(normalise(def.id), def.id);
    }
    // Ids win over aliases: a team audience "pharmacy" outranks clinical's alias "pharmacy".
    for (const def of defs) for (const alias of def.aliases) if (!this.byName.has(normalise(alias))) this.byName.set(normalise(alias), def.id);
  }

  get(id: AudienceId): AudienceDef | undefined {
    return this.byId.get(id);
  }

  /**
   * The names a writer may use, for completion and for error messages: the audiences of `all`,
   * then `all` (which means them), then the others (patients, a team's).
   */
  get validNames(): string[] {
    return [...this.all, 'all', ...this.ids.filter((id) => !this.all.includes(id))];
  }

  /** Resolves one audience name or alias, case-insensitively; undefined when unknown. */
  resolveName(name: string): AudienceId[] | undefined {
    const id = this.byName.get(normalise(name));
    if (!id) return undefined;
    return id === 'all' ? [...this.all] : [id];
  }

  /** Resolves a value from front matter, config or options: one name, a comma list or an array. */
  resolve(value: unknown): AudienceResolution {
    const names: string[] = [];
    if (typeof value === 'string') names.push(...value.split(',').map((s) => s.trim()).filter(Boolean));
    else if (Array.isArray(value)) for (const v of value) names.push(String(v));
    else if (value !== undefined && value !== null) names.push(String(value));
    const found = new Set<AudienceId>();
    const unknown: string[] = [];
    for (const name of names) {
      const ids = this.resolveName(name);
      if (ids) ids.forEach((id) => found.add(id));
      else unknown.push(name);
    }
    return { audience: found.size ? this.ids.filter((a) => found.has(a)) : undefined, unknown };
  }

  label(id: AudienceId): string {
    return this.byId.get(id)?.label ?? id;
  }

  title(id: AudienceId): string {
    return this.byId.get(id)?.title ?? id;
  }

  readers(id: AudienceId): string {
    return this.byId.get(id)?.readers ?? id;
  }

  /** True when `audience` is exactly what `all` means. */
  isAll(audience: readonly AudienceId[]): boolean {
    return audience.length === this.all.length && this.all.every((a) => audience.includes(a));
  }

  /** "clinical and IT readers", or "all readers" for exactly the audiences of `all`. */
  describe(audience: readonly AudienceId[]): string {
    if (audience.length > 1 && this.isAll(audience)) return 'all readers';
    return joinWords(audience.map((a) => this.label(a))) + ' readers';
  }

  /**
   * This catalog with the team audiences of a config added (`audiences: {pharmacy: {extends:
   * clinical, ...}}`); entries named for a built-in audience only change its targets, which
   * `resolveConfig` applies.
   */
  withTeamAudiences(audiences: CrosswalkConfig['audiences']): AudienceCatalog {
    const team: AudienceDef[] = [];
    for (const [id, settings] of Object.entries(audiences ?? {})) {
      if (this.byId.has(id) || !settings?.extends) continue;
      const parent = this.byId.get(settings.extends);
      if (!parent) continue;
      team.push(teamAudience(id, settings, parent));
    }
    return team.length ? new AudienceCatalog([...this.list, ...team]) : this;
  }
}

function teamAudience(id: AudienceId, settings: AudienceSettings, parent: AudienceDef): AudienceDef {
  return {
    id,
    label: settings.label ?? id,
    title: settings.label ?? id,
    readers: settings.label ?? id,
    who: settings.who ?? `${parent.who} (${settings.label ?? id})`,
    inAll: false,
    aliases: settings.aliases ?? [],
    limits: applyTargets(parent.limits, settings),
    domains: [...parent.domains, ...settings.domains ?? []],
    knows: [...parent.knows, ...settings.knows ?? []],
    extends: parent.id,
  };
}

/** Limits with a config entry's targets over them. */
export function applyTargets(base: AudienceLimits, settings: AudienceSettings | undefined): AudienceLimits {
  return {
    readability: { ...base.readability, ...settings?.readability },
    sentenceWords: settings?.sentenceWords ?? base.sentenceWords,
    paragraphWords: settings?.paragraphWords ?? base.paragraphWords,
  };
}

/** Reads data/audiences.yaml (already parsed); problems name the entry, never throw. */
export function audiencesFromData(data: unknown, origin = 'data/audiences.yaml'): { audiences: AudienceDef[]; problems: YamlProblem[] } {
  const problems: YamlProblem[] = [];
  const list = data && typeof data === 'object' ? (data as { audiences?: unknown }).audiences : undefined;
  const audiences: AudienceDef[] = [];
  if (!Array.isArray(list)) return { audiences, problems: [{ message: `${origin} has no "audiences:" list.`, start: 0, end: 0, severity: 'error' }] };
  list.forEach((raw: Record<string, unknown>, i) => {
    const id = typeof raw?.id === 'string' ? raw.id : undefined;
    const r = (raw?.readability ?? {}) as Record<string, unknown>;
    const threshold = parseThreshold(r.threshold);
    if (!id || typeof r.age !== 'number' || threshold === undefined || typeof r.minWords !== 'number' || typeof raw.sentenceWords !== 'number' || typeof raw.paragraphWords !== 'number') {
      problems.push({ message: `Audience ${i + 1} in ${origin} lacks an id or a target (see data/schema/audiences.schema.json).`, start: 0, end: 0, severity: 'error' });
      return;
    }
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
    audiences.push({
      id,
      label: typeof raw.label === 'string' ? raw.label : id,
      title: typeof raw.title === 'string' ? raw.title : id,
      readers: typeof raw.readers === 'string' ? raw.readers : id,
      who: typeof raw.who === 'string' ? raw.who : '',
      inAll: raw.in_all === true,
      aliases: strings(raw.aliases),
      limits: { readability: { age: r.age, threshold, minWords: r.minWords }, sentenceWords: raw.sentenceWords, paragraphWords: raw.paragraphWords },
      domains: strings(raw.domains),
      knows: [],
    });
  });
  return { audiences, problems };
}

export function parseThreshold(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    n = m ? Number(m[1]) / Number(m[2]) : Number(value);
  }
  return n !== undefined && Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined;
}

export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

import { AUDIENCES, type AudienceId } from './types';

const ALIASES: Record<string, AudienceId | 'all'> = {
  clinical: 'clinical', clinician: 'clinical', clinicians: 'clinical', clinic: 'clinical',
  nursing: 'clinical', nurse: 'clinical', nurses: 'clinical', physician: 'clinical',
  physicians: 'clinical', doctor: 'clinical', doctors: 'clinical', providers: 'clinical',
  provider: 'clinical', pharmacy: 'clinical', pharmacists: 'clinical', pharmacist: 'clinical',
  therapists: 'clinical', therapist: 'clinical', 'clinical staff': 'clinical', medical: 'clinical',
  admin: 'admin', administrative: 'admin', administration: 'admin', administrators: 'admin',
  administrator: 'admin', leadership: 'admin', leaders: 'admin', executive: 'admin',
  executives: 'admin', exec: 'admin', execs: 'admin', finance: 'admin', financial: 'admin',
  operations: 'admin', ops: 'admin', legal: 'admin', compliance: 'admin', management: 'admin',
  business: 'admin', 'c-suite': 'admin', board: 'admin',
  it: 'it', tech: 'it', technical: 'it', technology: 'it', developers: 'it', developer: 'it',
  engineering: 'it', engineers: 'it', infrastructure: 'it', security: 'it', analysts: 'it',
  informatics: 'it', 'information technology': 'it', devops: 'it',
  all: 'all', everyone: 'all', everybody: 'all', broad: 'all', 'all staff': 'all', general: 'all',
};

export const AUDIENCE_LABELS: Record<AudienceId, string> = {
  clinical: 'clinical',
  admin: 'administrative',
  it: 'IT',
};

/** The names a writer may use, for completion and for error messages. */
export const VALID_AUDIENCE_NAMES = ['clinical', 'admin', 'it', 'all'];

/** Resolves one audience name or alias, case-insensitively; undefined when unknown. */
export function resolveAudienceName(name: string): AudienceId[] | undefined {
  const id = ALIASES[name.trim().toLowerCase().replace(/\s+/g, ' ')];
  if (!id) return undefined;
  return id === 'all' ? [...AUDIENCES] : [id];
}

export interface AudienceResolution {
  audience?: AudienceId[];
  /** Names that were not understood, for a finding at their place. */
  unknown: string[];
}

/** Resolves a value from front matter, config or options: one name, a comma list or an array. */
export function resolveAudience(value: unknown): AudienceResolution {
  const names: string[] = [];
  if (typeof value === 'string') names.push(...value.split(',').map((s) => s.trim()).filter(Boolean));
  else if (Array.isArray(value)) for (const v of value) names.push(String(v));
  else if (value !== undefined && value !== null) names.push(String(value));
  const found = new Set<AudienceId>();
  const unknown: string[] = [];
  for (const name of names) {
    const ids = resolveAudienceName(name);
    if (ids) ids.forEach((id) => found.add(id));
    else unknown.push(name);
  }
  return { audience: found.size ? AUDIENCES.filter((a) => found.has(a)) : undefined, unknown };
}

export function describeAudience(audience: readonly AudienceId[]): string {
  if (audience.length === AUDIENCES.length) return 'all readers';
  return joinWords(audience.map((a) => AUDIENCE_LABELS[a])) + ' readers';
}

export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

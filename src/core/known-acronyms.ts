import data from '../../data/common-acronyms.yaml';

/** Acronyms every reader knows, which need no expansion (data/common-acronyms.yaml). */
export interface KnownAcronyms {
  all: Set<string>;
  states: Set<string>;
}

let cached: KnownAcronyms | undefined;

export function knownAcronyms(): KnownAcronyms {
  if (cached) return cached;
  const lists = (data ?? {}) as Record<string, unknown>;
  const all = new Set<string>();
  const states = new Set<string>();
  for (const [key, value] of Object.entries(lists)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item !== 'string') continue;
      if (key === 'states') states.add(item);
      else all.add(item);
    }
  }
  cached = { all, states };
  return cached;
}

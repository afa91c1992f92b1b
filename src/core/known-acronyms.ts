import data from '../../data/common-acronyms.yaml';

/**
 * Acronyms every reader knows, which need no expansion (data/common-acronyms.yaml). Months,
 * weekdays, states and time zones pass only in their own setting: MAR is also the medication
 * administration record, PT physical therapy, DC discharge.
 */
export interface KnownAcronyms {
  /** Pass anywhere: `known` and `roman`. */
  all: Set<string>;
  states: Set<string>;
  dates: Set<string>;
  zones: Set<string>;
  /** Acronyms one audience knows (`audiences:`), by audience id: they pass only for it. */
  byAudience: Map<string, Set<string>>;
}

let cached: KnownAcronyms | undefined;

export function knownAcronyms(): KnownAcronyms {
  if (cached) return cached;
  const lists = (data ?? {}) as Record<string, unknown>;
  const list = (key: string) => new Set((Array.isArray(lists[key]) ? lists[key] as unknown[] : []).filter((v): v is string => typeof v === 'string'));
  cached = {
    all: new Set([...list('known'), ...list('roman')]),
    states: list('states'),
    dates: new Set([...list('months'), ...list('weekdays')]),
    zones: list('time_zones'),
    byAudience: new Map(),
  };
  const audiences = lists.audiences && typeof lists.audiences === 'object' ? lists.audiences as Record<string, unknown> : {};
  for (const [audience, values] of Object.entries(audiences)) {
    if (Array.isArray(values)) cached.byAudience.set(audience, new Set(values.filter((v): v is string => typeof v === 'string')));
  }
  return cached;
}

/** True when every one of these audiences knows the acronym from the `audiences:` lists. */
export function knownToAudiences(known: KnownAcronyms, acronym: string, audiences: readonly string[]): boolean {
  return audiences.length > 0 && audiences.every((a) => known.byAudience.get(a)?.has(acronym) === true);
}

/** True when an acronym is one every reader knows, in the setting where it stands. */
export function isKnownAcronym(known: KnownAcronyms, acronym: string, text: string, start: number): boolean {
  return known.all.has(acronym) || inOwnSetting(known, acronym, text, start);
}

/** A month, weekday, state or time zone standing where one would: "17 MAR", "Dover, DE", "3 p.m. PT". */
export function inOwnSetting(known: KnownAcronyms, acronym: string, text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(start + acronym.length, start + acronym.length + 30);
  // "Boston, MA 02115" or "Portland, OR": a state after a place name or before a ZIP code.
  if (known.states.has(acronym) && (/[A-Z][\p{L}.]+,\s*$/u.test(before) || /^\s*\d{5}/.test(after))) return true;
  // "MAR 14", "14-MAR-2027", "MON, JAN 12", "SAT 3/9".
  // A date word before another only ("MON, JAN"): "MAR ADT" is the record and the admission feed,
  // and "MAR MAR MAR" three uses of the record, which a fix to one must not turn into a date.
  const next = /^[\s,]+([A-Z]{3})\b/.exec(after)?.[1];
  if (known.dates.has(acronym) && (/^[\s,.-]*\d/.test(after) || /\d[\s-]*$/.test(before) || (next !== undefined && known.dates.has(next) && next !== acronym))) return true;
  // "3 p.m. PT", "14:00 UTC", "9 AM EST".
  if (known.zones.has(acronym) && /(\d|[ap]\.?m\.?|[AP]M)\s*$/.test(before)) return true;
  return false;
}

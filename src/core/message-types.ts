/**
 * The message types of front matter `type:` and what each must say (data/message-types.yaml), and
 * what each audience cares about (data/interests.yaml). esbuild bundles both as JSON; tests load
 * them through test/setup/yaml-require.cjs.
 */
import typesData from '../../data/message-types.yaml';
import interestsData from '../../data/interests.yaml';
import type { Cue } from './cues';

import { closest } from './yaml-problems';

export interface MessagePart {
  id: string;
  /** What is missing, as a finding says it: "whom to contact". */
  name: string;
  /** The audiences the part is for (built-in ids; a team audience counts as its parent); every audience when left out. */
  audiences?: string[];
  /** The section heading and the blank the quick fix inserts. */
  heading: string;
  blank: string;
  place?: 'opening';
  headings?: string[];
  why: { default: string } & Partial<Record<string, string>>;
  cues: Cue[];
}

export interface MessageType {
  id: string;
  label: string;
  aliases: string[];
  source?: string;
  /** Whether the interests rule reads drafts of this type (data/interests.yaml; see `interestsFor`). */
  interests: boolean;
  /**
   * The audience interests this type checks, by id, when it checks only some (a breach notice's
   * parts already ask what to do and whom to call); every interest of the audience when left out.
   */
  interestIds?: string[];
  blameFree: boolean;
  breachWord: boolean;
  maxWords?: number;
  maxWordsName?: string;
  maxWordsWhy?: string;
  entries?: { heading?: string[]; column?: string[] };
  parts: MessagePart[];
}

export interface Interest {
  id: string;
  name: string;
  question: string;
  /** The section heading and the blank that a template or the quick fix adds for it. */
  heading: string;
  blank: string;
  cues: Cue[];
  /** Set for an interest of a message type's readers (data/interests.yaml `messageTypes:`), not of one audience. */
  forType?: string;
}

interface TypesFile {
  types?: (Omit<Partial<MessageType>, 'interests'> & { interests?: boolean | string[] })[];
}

function load(): MessageType[] {
  const raw = ((typesData ?? {}) as TypesFile).types ?? [];
  return raw.filter((t): t is NonNullable<TypesFile['types']>[number] & { id: string } => typeof t?.id === 'string').map((t) => ({
    id: t.id,
    label: t.label ?? t.id.replace(/-/g, ' '),
    aliases: t.aliases ?? [],
    source: t.source,
    interests: t.interests === true || Array.isArray(t.interests) || (TYPE_INTERESTS[t.id]?.length ?? 0) > 0,
    interestIds: Array.isArray(t.interests) ? t.interests : t.interests === true ? undefined : [],
    blameFree: t.blameFree === true,
    breachWord: t.breachWord === true,
    maxWords: t.maxWords,
    maxWordsName: t.maxWordsName,
    maxWordsWhy: t.maxWordsWhy,
    entries: t.entries,
    parts: t.parts ?? [],
  }));
}

/**
 * What the readers of one message type care about whatever their audience (data/interests.yaml
 * `messageTypes:`): a breach notice's reader, nurse or patient, asks whether their information
 * was misused.
 */
const TYPE_INTERESTS: Readonly<Partial<Record<string, readonly Interest[]>>> = Object.fromEntries(
  Object.entries(((interestsData ?? {}) as { messageTypes?: Record<string, Interest[]> }).messageTypes ?? {}).map(([id, list]) => [id, (list ?? []).map((i) => ({ ...i, forType: id }))]),
);

export const MESSAGE_TYPE_LIST: readonly MessageType[] = load();
const BY_ID = new Map(MESSAGE_TYPE_LIST.map((t) => [t.id, t]));
const BY_ALIAS = new Map(MESSAGE_TYPE_LIST.flatMap((t) => t.aliases.map((a) => [a, t] as const)));

/** Every type id, in the order of the data file. */
export const MESSAGE_TYPE_IDS: readonly string[] = MESSAGE_TYPE_LIST.map((t) => t.id);

const normalise = (name: string) => name.trim().toLowerCase().replace(/[_\s]+/g, '-');

/**
 * What a front matter `type:` names: a type by id or alias ("postmortem" is a post-incident
 * review), or, for a near miss, the type it most likely means.
 */
export function resolveMessageType(name: string): { type?: MessageType; guess?: MessageType } {
  const exact = name.trim().toLowerCase();
  const type = BY_ID.get(exact) ?? BY_ALIAS.get(exact);
  if (type) return { type };
  // "downtime_notice", "Post Incident Review": near misses get a did-you-mean, and their checks.
  const key = normalise(name);
  const guessId = BY_ID.has(key) || BY_ALIAS.has(key) ? key : closest(key, [...BY_ID.keys(), ...BY_ALIAS.keys()]);
  const guess = guessId ? (BY_ID.get(guessId) ?? BY_ALIAS.get(guessId)) : undefined;
  return { guess };
}

/** The type a resolved front matter `type:` holds (always an id once read). */
export function messageType(id: string | undefined): MessageType | undefined {
  return id === undefined ? undefined : BY_ID.get(id);
}

/** What each audience cares about, in the order of data/interests.yaml; an audience it does not list has none. */
export const AUDIENCE_INTERESTS: Readonly<Partial<Record<string, readonly Interest[]>>> =
  ((interestsData ?? {}) as { audiences?: Record<string, Interest[]> }).audiences ?? {};

/**
 * The interests the interests rule checks in a draft of `type` for `audience` (a built-in id; a
 * team audience passes the one it extends): the audience's own (all of them, or those the type
 * lists), then the type's own.
 */
export function interestsFor(type: MessageType | undefined, audience: string): readonly Interest[] {
  if (!type?.interests) return [];
  const own = AUDIENCE_INTERESTS[audience] ?? [];
  const ids = type.interestIds;
  return [...(ids ? own.filter((i) => ids.includes(i.id)) : own), ...(TYPE_INTERESTS[type.id] ?? [])];
}

/**
 * Recognisers for the parts of a message, by meaning rather than one keyword (data/message-types.yaml
 * describes the cues). Each works on one unit of a draft: a sentence, a heading or a table row.
 * A contact is a person, role or desk together with a number, extension, pager, email or link;
 * a time is a date or a clock time, never "hours"; an instruction is addressed to the reader.
 * Every pattern here is bounded and has no nested repetition, so matching stays linear.
 */
import data from '../../data/message-types.yaml';

/** A cue as data/message-types.yaml and data/interests.yaml write it. */
export interface Cue {
  phrase?: string[];
  near?: string[];
  under?: string[];
  time?: true;
  clock?: true;
  range?: true;
  duration?: true;
  contact?: true;
  instruction?: true;
  money?: true;
  tollFree?: true;
  email?: true;
  link?: true;
  postal?: true;
  in?: 'heading' | 'opening';
  count?: number;
  alsoAny?: Cue[];
}

/** One place a part may stand. `text` is prose as the reader sees it; `raw` is the Markdown source. */
export interface CueUnit {
  text: string;
  raw: string;
  kind: 'sentence' | 'heading' | 'row';
  /** Texts of the headings whose sections hold this unit, the nearest last. */
  headings: string[];
  opening: boolean;
  /** A heading with nothing under it: it names a part without giving it. */
  empty?: boolean;
}

interface Vocabulary {
  imperatives: string[];
  contactWho: string[];
  channels: string[];
}

const vocabulary = ((data as { vocabulary?: Vocabulary } | undefined)?.vocabulary) ?? { imperatives: [], contactWho: [], channels: [] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORD = /[\p{L}\p{N}]/u;

/** One phrase as a pattern: case is ignored, spaces stretch, a trailing `*` takes any ending. */
function phraseSource(phrase: string): string {
  const open = phrase.endsWith('*');
  const body = open ? phrase.slice(0, -1) : phrase;
  let source = body.split(/\s+/).map((w) => escape(w).replace(/['’]/g, "['’]")).join('\\s+');
  if (WORD.test(body[0] ?? '')) source = `(?<![\\p{L}\\p{N}])${source}`;
  if (open) source += "[\\p{L}\\p{N}'’-]*";
  else if (WORD.test(body[body.length - 1] ?? '')) source += '(?![\\p{L}\\p{N}])';
  return source;
}

const compiled = new Map<string, RegExp>();

/** A pattern that finds any of the phrases (compiled once per list). */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const key = phrases.join('\u0000');
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(phrases.map(phraseSource).join('|'), 'iu');
    compiled.set(key, re);
  }
  return re;
}

export function hasPhrase(text: string, phrases: readonly string[] | undefined): boolean {
  return !!phrases && phrases.length > 0 && phrasePattern(phrases).test(text);
}

// Times and dates.
const MONTH = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const MONTH_UPPER = MONTH.toUpperCase().replace(/\(\?:/g, '(?:');
const TIME_PATTERNS: RegExp[] = [
  // 10 p.m., 7:40 a.m., 9 AM
  /(?<![\d:])(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?:[ap]\.\s?m\.?|[ap]m(?![\p{L}])|[AP]M(?![\p{L}]))/giu,
  // 14:00, 07:30
  /(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])/g,
  // 0200 hours
  /(?<!\d)(?:[01]\d|2[0-3])[0-5]\d\s?(?:hours|hrs|h)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:noon|midnight|midday)(?![\p{L}])/giu,
  // March 14, Jan. 5th, MAR 14
  new RegExp(`(?<![\\p{L}])(?:${MONTH}|${MONTH_UPPER})\\.?\\s\\d{1,2}(?:st|nd|rd|th)?(?!\\d)`, 'gu'),
  // 14 March
  new RegExp(`(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?\\s(?:${MONTH}|${MONTH_UPPER})(?![\\p{L}])`, 'gu'),
  // 2027-01-16
  /(?<!\d)\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)/g,
  // 1/16/2027, 3/14 (month and day checked below)
  /(?<![\d/])(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?:\/(?:\d{4}|\d{2}))?(?![\d/])/g,
  /(?<![\p{L}])(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?![\p{L}])/gu,
  /(?<![\p{L}])(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|weekend))(?![\p{L}])/giu,
];

/** Every date or clock time in a text, in order. */
export function timesIn(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const pattern of TIME_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push({ start: m.index, end: m.index + m[0].length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop matches inside a longer one ("10" in "10 p.m.").
  return found.filter((t, i) => !found.some((o, j) => j !== i && o.start <= t.start && o.end >= t.end && (o.end - o.start > t.end - t.start || j < i)));
}

export const hasTime = (text: string) => timesIn(text).length > 0;

/** A clock time ("10 p.m.", "14:00", "noon"), not only a date. */
export const hasClock = (text: string) => TIME_PATTERNS.slice(0, 4).some((p) => {
  p.lastIndex = 0;
  return p.test(text);
});

const RANGE_WORD = /^\s*(?:-|–|—|to|until|till|through|thru)\s*$/i;
const BARE_RANGE = /(?<![\d:])(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?:-|–|—|to)\s?(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?[ap]\.?\s?m/i;

/** "1 a.m. to 5 a.m.", "10 p.m. until 2 a.m.", "1-5 a.m.", "March 1 – March 5". */
export function hasRange(text: string): boolean {
  if (BARE_RANGE.test(text)) return true;
  const times = timesIn(text);
  for (let i = 0; i + 1 < times.length; i++) {
    const between = text.slice(times[i].end, times[i + 1].start);
    if (between.length <= 40 && (RANGE_WORD.test(between) || /(?:^|[\s,])(?:to|until|till|through|-|–|—)\s(?:\S+\s){0,4}$/i.test(between) && !/[.;]/.test(between))) return true;
  }
  return false;
}

// "A few hours", "several days": no length a reader can plan around.
const DURATION = /(?<![\p{L}\p{N}])(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|ninety|half an?)(?:\s|-)(?:and a half\s)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)(?![\p{L}])/iu;
export const hasDuration = (text: string) => DURATION.test(text);

// Contacts: a channel in the source (emails and links are blanked in prose) and someone to reach.
const PHONE = /(?<!\d)(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)/;
const SHORT_PHONE = /(?<![\d-])\d{3}-\d{4}(?![\d-])/;
const EXTENSION = /(?<![\p{L}])(?:ext\.?|extension|x)\s?#?:?\s?\d[\d-]{1,8}\d(?!\d)/iu;
const DIAL = /(?<![\p{L}])(?:call|dial|page|phone|text|pager|beeper|at|on)\s(?:#|no\.?\s|number\s)?:?\s?\d[\d-]{2,8}\d(?![\d:])/iu;
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/;
const LINK = /https?:\/\/|(?<![\p{L}])www\.|\]\([^()\s]{1,500}\)/u;
const TOLL_FREE = /(?<!\d)(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)/;
const POSTAL = /(?<![\p{L}\p{N}])(?:P\.?\s?O\.?\s(?:Box|BOX)\s\d{1,6}|\d{1,6}\s(?:[A-Z][\p{L}.'-]{0,20}\s){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Square|Sq)(?![\p{L}])|[A-Z]{2}\s\d{5}(?:-\d{4})?(?!\d))/u;
const PERSON = /(?<![\p{L}])(?:(?:Dr|Mr|Mrs|Ms|Mx)\.?\s[A-Z][\p{L}'-]+|[A-Z][a-z]+\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\p{L}])/u;
const MONEY = /\$\s?\d|(?<![\p{L}])(?:USD|US\$)\s?\d|\d[\d,]*(?:\.\d+)?\s(?:dollars|USD)(?![\p{L}])/u;

export const hasEmail = (raw: string) => EMAIL.test(raw);
export const hasLink = (raw: string) => LINK.test(raw);
export const hasTollFree = (raw: string) => TOLL_FREE.test(raw) || (/toll[- ]free/i.test(raw) && PHONE.test(raw));
export const hasPostal = (raw: string) => POSTAL.test(raw);
export const hasMoney = (text: string) => MONEY.test(text);

/** A way to reach someone: a number, an extension, a pager, an email, a link, a named channel. */
export function hasChannel(raw: string, text: string): boolean {
  return PHONE.test(raw) || SHORT_PHONE.test(raw) || EXTENSION.test(raw) || DIAL.test(raw) || EMAIL.test(raw) || LINK.test(raw) || hasPhrase(text, vocabulary.channels);
}

/** The IT department, written in capitals: "when it is back" names no one. */
const IT_DESK = /(?<![\p{L}])IT(?![\p{L}])/u;

/** A person, role or desk: "the help desk", "Dana Lee", "your charge nurse", "us", "IT". */
export function hasSomeone(text: string): boolean {
  return hasPhrase(text, vocabulary.contactWho) || PERSON.test(text) || IT_DESK.test(text);
}

/** "call results to the unit" has no number; "call the help desk at extension 4357" has both. */
export function hasContact(unit: Pick<CueUnit, 'text' | 'raw'>): boolean {
  return hasChannel(unit.raw, unit.text) && hasSomeone(unit.text);
}

const LEAD_IN = /^(?:please|then|also|now|first|next|finally|instead|so|and|or|just|always|only)[,:]?\s+/i;
const CLAUSE = /^(?:if|when|whenever|for|until|before|after|during|to|once|while|from|in|on|at|by|as soon as|starting|beginning)\b[^,.;:!?]{0,120},\s*/i;
const ADDRESSED = /(?<![\p{L}])(?:you|staff|everyone|all staff|nurses|clinicians|providers|physicians|users|teams?|managers|leaders)\s(?:should|must|need to|have to|will need to|are asked to|may want to|can)\s/iu;
const NEGATIVE = /^(?:do not|don['’]t|never|please do not|please don['’]t)\s\p{L}/iu;

/** A sentence addressed to the reader: an imperative ("Use the paper forms"), "you should ...", "please ...". */
export function isInstruction(text: string): boolean {
  let rest = text.trim().replace(/^[*_\s]+/, '');
  // A bold label ("Sign up:", "Step 1:") is read past.
  const label = /^[^.!?:]{1,40}:\s+(?=\S)/.exec(rest);
  if (label && !/\s(?:should|must)\s/i.test(label[0])) {
    const after = rest.slice(label[0].length);
    if (startsImperative(after)) return true;
  }
  if (ADDRESSED.test(rest) || /(?<![\p{L}])please\s\p{L}/iu.test(rest)) return true;
  for (let i = 0; i < 3; i++) {
    const lead = LEAD_IN.exec(rest) ?? CLAUSE.exec(rest);
    if (!lead) break;
    rest = rest.slice(lead[0].length);
  }
  return startsImperative(rest);
}

const IMPERATIVE = new Set(vocabulary.imperatives.map((v) => v.toLowerCase()));

function startsImperative(text: string): boolean {
  if (NEGATIVE.test(text)) return true;
  const m = /^(\p{L}+)(?:\s+(\p{L}+))?/u.exec(text);
  if (!m) return false;
  // "Update 2", "Step 3", "Phase 1": labels.
  if (/^\s*\d/.test(text.slice(m[1].length)) ) return false;
  const first = m[1].toLowerCase();
  const pair = m[2] ? `${first} ${m[2].toLowerCase()}` : '';
  if (!IMPERATIVE.has(first) && !IMPERATIVE.has(pair)) return false;
  // "Use of paper forms is ...", "Orders are held", "Call volumes rose": nouns, not commands.
  const next = m[2]?.toLowerCase();
  return !next || !['of', 'is', 'are', 'was', 'were', 'has', 'have', 'will', 'volumes', 'volume', 'times', 'rates', 'levels'].includes(next);
}

/** Whether one cue's conditions, other than `count` and `alsoAny`, all hold in one unit. */
export function holds(cue: Cue, unit: CueUnit): boolean {
  if (unit.kind === 'heading' && unit.empty) return false;
  if (cue.in === 'heading' && unit.kind !== 'heading') return false;
  if (cue.in === 'opening' && !unit.opening) return false;
  if (cue.under && !unit.headings.some((h) => hasPhrase(h, cue.under))) return false;
  if (cue.phrase && !hasPhrase(unit.text, cue.phrase)) return false;
  if (cue.near && !hasPhrase(unit.text, cue.near)) return false;
  if (cue.time && !hasTime(unit.text)) return false;
  if (cue.range && !hasRange(unit.text)) return false;
  if (cue.duration && !hasDuration(unit.text)) return false;
  if (cue.money && !hasMoney(unit.text)) return false;
  if (cue.tollFree && !hasTollFree(unit.raw)) return false;
  if (cue.email && !hasEmail(unit.raw)) return false;
  if (cue.link && !hasLink(unit.raw)) return false;
  if (cue.postal && !hasPostal(unit.raw)) return false;
  if (cue.contact && !hasContact(unit)) return false;
  // A heading labels a section ("Update 2", "Training"); it instructs no one.
  if (cue.instruction && (unit.kind === 'heading' || !isInstruction(unit.text))) return false;
  if (cue.clock && !hasClock(unit.text)) return false;
  return true;
}

/** The first unit where a cue holds (with its `count` and `alsoAny`), or undefined. */
export function findCue<U extends CueUnit>(cue: Cue, units: readonly U[]): U | undefined {
  const need = cue.count ?? 1;
  let first: U | undefined;
  let seen = 0;
  for (const unit of units) {
    if (!holds(cue, unit)) continue;
    first ??= unit;
    if (++seen >= need) break;
  }
  if (!first || seen < need) return undefined;
  if (cue.alsoAny && !cue.alsoAny.some((other) => findCue(other, units))) return undefined;
  return first;
}

export function findAnyCue<U extends CueUnit>(cues: readonly Cue[], units: readonly U[]): U | undefined {
  for (const cue of cues) {
    const found = findCue(cue, units);
    if (found) return found;
  }
  return undefined;
}

import { docRange, type PlacedBlock, type PreparedDocument, type RawFinding, type Rule } from '../core/document';
import type { Steps } from '../core/steps';
import type { AudienceId } from '../core/types';
import { sentenceAt } from './wording';
import { firstAtOrAfter, partitionPoint } from '../core/sorted-search';

/**
 * Dates and times readers act on (guidance.md check 5): a weekday that does not match its date,
 * a 12-hour time with no a.m. or p.m., 12- and 24-hour times in one draft, a time with no time
 * zone where the front matter lists sites in several zones, and an end before its start.
 */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(Sun|Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?)(?:day)?\\.?';
const YEAR = /(?<!\d)(20\d{2})(?!\d)/g;

/** A clock time: its hour and minute, whether it has a.m./p.m., and whether it reads as 24-hour. */
const CLOCK = /(?<![\d:.$/]|\p{L}-)(\d{1,2})(?::([0-5]\d))?(\s?(?:[ap]\.\s?m\.?|[ap]m(?![\p{L}])|[AP]M(?![\p{L}])|[AP]\.M\.?))?(?![\d:])/giu;
const ZONE = /^\s?(?:\(?(?:[ECMP][SD]?T|AK[SD]?T|H[SD]?T|UTC|GMT|Z|Eastern|Central|Mountain|Pacific|Alaska|Hawaii)(?:\s(?:time|Time))?\)?)(?![\p{L}])/u;

interface Clock {
  block: PlacedBlock;
  start: number;
  end: number;
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
  style: '12' | '24' | 'ambiguous';
  zoned: boolean;
}

export const dateCheck: Rule = {
  id: 'date-check',
  title: 'Dates and times',
  description: 'A weekday that does not match its date, a time without a.m./p.m. or time zone, mixed 12- and 24-hour times, an end before its start.',
  defaultSeverity: 'warning',
  // Steps between blocks (src/core/steps.ts): a 5 MB draft's passes do not hold up the editor.
  *check(doc) {
    const findings: RawFinding[] = [];
    const blocks = [...doc.blocks].sort((a, b) => a.chunkStart + a.analysis.start - (b.chunkStart + b.analysis.start));
    yield;
    const dates = yield* datesOf(doc, blocks);
    const clocks: Clock[] = [];
    const clocksOf = new Map<PlacedBlock, Clock[]>();
    let n = 0;
    for (const block of blocks) {
      if ((++n & 255) === 0) yield;
      findings.push(...weekdays(block, dates.get(block) ?? []));
      const own = clocksIn(block);
      clocksOf.set(block, own);
      clocks.push(...own);
    }
    yield;
    findings.push(...clockFindings(doc, clocks));
    const ranges: RawFinding[] = [];
    for (const block of blocks) {
      if ((++n & 255) === 0) yield;
      ranges.push(...reversedRanges(block, clocksOf.get(block) ?? []));
    }
    findings.push(...ranges);
    // An end before its start across the sentences, lines or table rows of one section.
    const moments: Moments = { dates, clocks: clocksOf, tokens: new Map() };
    const found = new Set<string>();
    const across = yield* sectionRanges(doc, blocks, moments);
    yield;
    for (const f of [...across, ...(yield* tableRanges(doc, blocks, moments))]) {
      if (ranges.some((g) => g.start < f.end && f.start < g.end)) continue;
      // One end read twice (a range in a row with Start and End columns) is one finding.
      const key = `${f.start}:${f.end}`;
      if (found.has(key)) continue;
      found.add(key);
      findings.push(f);
    }
    yield;
    return findings.sort((a, b) => a.start - b.start);
  },
};

/** A written date: its weekday, its day of the year (when written) and the year it is read in. */
interface DateMention {
  start: number;
  end: number;
  /** The written weekday name, as written. */
  weekdayText?: string;
  month?: number;
  day?: number;
  year?: number;
  /** Whether the year was written (not inferred from the dates around it). */
  yearWritten: boolean;
}

const DATE_ALTS = `(?:(${MONTH})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s(${MONTH})(?:,?\\s(\\d{4}))?|(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?|(\\d{4})-(\\d{2})-(\\d{2}))`;
/** A date with or without its weekday, or a weekday alone. */
const DATE_MENTION = new RegExp(`(?<![\\p{L}\\d/.])(?:${WEEKDAY}(?:,?\\s${DATE_ALTS})?|${DATE_ALTS})(?![\\d/]|\\.\\d)`, 'gu');

/**
 * The dates of each block, in document order. A date written without its year takes the year of
 * the date before it (rolling into the next year from October-December to January-March, as a
 * freeze "from Monday, December 28, 2026 to Monday, January 4" does), or the draft's only year.
 */
function* datesOf(doc: PreparedDocument, blocks: PlacedBlock[]): Steps<Map<PlacedBlock, DateMention[]>> {
  const year = yield* onlyYear(doc);
  const out = new Map<PlacedBlock, DateMention[]>();
  let last: { year: number; month: number; day: number } | undefined;
  let n = 0;
  for (const block of blocks) {
    if ((++n & 255) === 0) yield;
    const text = block.analysis.text;
    const list: DateMention[] = [];
    DATE_MENTION.lastIndex = 0;
    for (let m = DATE_MENTION.exec(text); m; m = DATE_MENTION.exec(text)) {
      const g = m.slice(1);
      // Groups: weekday, then the date alternatives twice (after a weekday, and alone).
      const weekdayText = g[0];
      const date = weekdayText ? g.slice(1, 13) : g.slice(13, 25);
      let month: number | undefined, day: number | undefined, written: number | undefined;
      if (date[0]) [month, day, written] = [monthIndex(date[0]), Number(date[1]), date[2] ? Number(date[2]) : undefined];
      else if (date[3]) [month, day, written] = [monthIndex(date[4]), Number(date[3]), date[5] ? Number(date[5]) : undefined];
      else if (date[6]) [month, day, written] = [Number(date[6]) - 1, Number(date[7]), date[8] ? fullYear(date[8]) : undefined];
      else if (date[9]) [month, day, written] = [Number(date[10]) - 1, Number(date[11]), Number(date[9])];
      if (month !== undefined && (month < 0 || month > 11 || !day || day > 31)) continue;
      // "May" alone, "Sat" alone: a weekday needs its full name or a date to count.
      if (month === undefined && weekdayText && !/day\.?$/i.test(m[0])) continue;
      let inferred = written;
      if (month !== undefined && inferred === undefined) {
        inferred = last ? nearestYear(last, month, day ?? 1) : year;
      }
      if (month !== undefined && inferred !== undefined) last = { year: inferred, month, day: day ?? 1 };
      list.push({ start: m.index, end: m.index + m[0].length, weekdayText, month, day, year: inferred, yearWritten: written !== undefined });
    }
    out.set(block, list);
  }
  return out;
}

/** The year that puts a month and day nearest the date before it (December 28, 2026, then January 4: 2027). */
function nearestYear(last: { year: number; month: number; day: number }, month: number, day: number): number {
  const before = Date.UTC(last.year, last.month, last.day);
  let best = last.year;
  for (const y of [last.year - 1, last.year + 1]) if (Math.abs(Date.UTC(y, month, day) - before) < Math.abs(Date.UTC(best, month, day) - before)) best = y;
  return best;
}

/** The year of a draft whose dates all share one, for dates written without it. */
function* onlyYear(doc: PreparedDocument): Steps<number | undefined> {
  const years = new Set<string>();
  let n = 0;
  for (const b of doc.blocks) {
    if ((++n & 255) === 0) yield;
    for (const m of b.analysis.text.matchAll(YEAR)) years.add(m[1]);
  }
  return years.size === 1 ? Number([...years][0]) : undefined;
}

function weekdays(block: PlacedBlock, dates: DateMention[]): RawFinding[] {
  const text = block.analysis.text;
  const out: RawFinding[] = [];
  for (const d of dates) {
    if (!d.weekdayText || d.month === undefined || d.day === undefined || d.year === undefined) continue;
    const { month, day, year } = d;
    const written = d.weekdayText;
    const whole = text.slice(d.start, d.end);
    const date = new Date(Date.UTC(year, month, day));
    if (date.getUTCMonth() !== month) {
      out.push({ ...docRange(block, d.start, d.end), message: `"${whole}" is not a date: ${MONTH_NAMES[month]} has no day ${day}.`, audience: block.audience, term: whole });
      continue;
    }
    const actual = WEEKDAYS[date.getUTCDay()];
    if (actual.toLowerCase().startsWith(written.toLowerCase().slice(0, 3))) continue;
    const weekdayText = /^[\p{L}.]+/u.exec(whole)?.[0] ?? written;
    const bare = weekdayText.replace(/\.$/, '');
    const replacement = bare.length < 6 ? `${actual.slice(0, bare.length)}${weekdayText.endsWith('.') ? '.' : ''}` : actual;
    out.push({
      ...docRange(block, d.start, d.start + weekdayText.length),
      message: `${dateWords(month, day, year)} is a ${actual}, not a ${fullWeekday(written)}${d.yearWritten ? '' : ` (reading it as ${year})`}: check which one is right before readers plan around it.`,
      audience: block.audience,
      term: whole,
      fixes: [{ title: `Change to "${replacement}"`, kind: 'replace', edits: [{ ...docRange(block, d.start, d.start + weekdayText.length), newText: replacement }] }],
      data: { weekday: actual },
    });
  }
  return out;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase());
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const dateWords = (month: number, day: number, year: number) => `${MONTH_NAMES[month]} ${day}, ${year}`;
const fullWeekday = (written: string) => WEEKDAYS.find((w) => w.toLowerCase().startsWith(written.toLowerCase().slice(0, 3))) ?? written;

function clocksIn(block: PlacedBlock): Clock[] {
  const text = block.analysis.text;
  const out: Clock[] = [];
  CLOCK.lastIndex = 0;
  for (let m = CLOCK.exec(text); m; m = CLOCK.exec(text)) {
    const hour = Number(m[1]);
    const minute = m[2] ? Number(m[2]) : 0;
    const marker = m[3]?.trim().toLowerCase().replace(/[.\s]/g, '');
    // A bare number is a time only with a.m./p.m. ("at 3" is too vague to call a time).
    if (!m[2] && !marker) continue;
    // "a 1:10 ratio", "a 1:30 hour block" are not times; nor are "room 10:30", "INC-10:22", "verse 3:16".
    if (!marker && /^\s?(?:ratio|hours?|hrs?|minutes?|mins?)(?![\p{L}])/iu.test(text.slice(m.index + m[0].length, m.index + m[0].length + 9))) continue;
    if (!marker && /(?<![\p{L}])(?:room|rm|bed|order|ticket|case|version|ver|v|chapter|section|verse|psalm|id|no\.?|number|#)\s?$/iu.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    if (hour > 24 || (marker && (hour === 0 || hour > 12))) continue;
    let style: Clock['style'];
    if (marker) style = '12';
    else if (hour >= 13 || hour === 0 || m[1].length === 2 && m[1].startsWith('0')) style = '24';
    else style = followedByMeridiem(text, m.index + m[0].length) ? '12' : 'ambiguous';
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    out.push({
      block, start: m.index, end: m.index + m[0].length, hour, minute,
      meridiem: marker ? (marker.startsWith('a') ? 'am' : 'pm') : undefined,
      style, zoned: ZONE.test(after),
    });
  }
  return out;
}

/** "1:00 to 5:00 a.m.": the first time shares the second one's a.m. */
function followedByMeridiem(text: string, at: number): boolean {
  return /^\s?(?:-|–|—|to|until)\s?\d{1,2}(?::[0-5]\d)?\s?[ap]\.?\s?m/i.test(text.slice(at, at + 24));
}

function clockFindings(doc: PreparedDocument, clocks: Clock[]): RawFinding[] {
  const out: RawFinding[] = [];
  const twelve = clocks.filter((c) => c.style === '12');
  const twentyFour = clocks.filter((c) => c.style === '24');
  for (const c of clocks.filter((k) => k.style === 'ambiguous')) {
    if (twentyFour.length && !twelve.length) continue; // read as a 24-hour time, like the rest of the draft
    const written = c.block.analysis.text.slice(c.start, c.end);
    out.push({
      ...docRange(c.block, c.start, c.end),
      message: `"${written}" could be morning or evening: add a.m. or p.m.${c.hour === 12 ? '' : ` (or write ${String(c.hour + 12)}:${String(c.minute).padStart(2, '0')} for the evening)`}.`,
      audience: c.block.audience,
      term: written,
      fixes: [
        { title: `Change to "${written} a.m."`, kind: 'insert', edits: [{ ...docRange(c.block, c.end, c.end), newText: ' a.m.' }] },
        { title: `Change to "${written} p.m."`, kind: 'insert', edits: [{ ...docRange(c.block, c.end, c.end), newText: ' p.m.' }] },
      ],
    });
  }
  if (twelve.length && twentyFour.length) {
    // The fewer style is the odd one out; on a tie, IT-only drafts keep the 24-hour clock.
    const itOnly = doc.audience.length === 1 && doc.audience[0] === 'it';
    const odd = twelve.length < twentyFour.length || (twelve.length === twentyFour.length && itOnly) ? twelve : twentyFour;
    const usual = odd === twelve ? '24-hour' : 'a.m./p.m.';
    for (const c of odd) {
      const written = c.block.analysis.text.slice(c.start, c.end);
      const converted = odd === twelve ? to24(c) : to12(c);
      out.push({
        ...docRange(c.block, c.start, c.end),
        message: `"${written}" mixes clocks: the rest of this draft uses ${usual} times. One style is read faster and misread less.`,
        audience: c.block.audience,
        term: written,
        fixes: [{ title: `Change to "${converted}"`, kind: 'replace', edits: [{ ...docRange(c.block, c.start, c.end), newText: converted }] }],
      });
    }
  }
  const zoneNames = new Map<string, string>();
  for (const site of doc.frontMatter?.sites ?? []) if (site.zone?.trim()) zoneNames.set(site.zone.trim().toLowerCase(), site.zone.trim());
  const zones = [...zoneNames.values()];
  if (zones.length > 1) {
    for (const c of clocks) {
      if (c.zoned || c.style === 'ambiguous' && twelve.length) continue;
      const written = c.block.analysis.text.slice(c.start, c.end);
      out.push({
        ...docRange(c.block, c.start, c.end),
        message: `"${written}" has no time zone, and this draft's sites are in ${zones.length} time zones (${zones.join(', ')}): say which zone.`,
        audience: c.block.audience,
        term: written,
      });
    }
  }
  return out;
}

const minutesOf = (c: Clock) => (c.style === '12' ? ((c.hour % 12) + (c.meridiem === 'pm' ? 12 : 0)) * 60 + c.minute : (c.hour % 24) * 60 + c.minute);
const to24 = (c: Clock) => `${String(Math.floor(minutesOf(c) / 60)).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
function to12(c: Clock): string {
  const h = c.hour % 12 === 0 ? 12 : c.hour % 12;
  const meridiem = c.hour % 24 < 12 ? 'a.m.' : 'p.m.';
  return c.minute ? `${h}:${String(c.minute).padStart(2, '0')} ${meridiem}` : `${h} ${meridiem}`;
}

/**
 * "from 5 p.m. to 3 p.m.": a range whose end comes before its start. A range that crosses
 * midnight ("10 p.m. to 2 a.m.") is how downtimes are written, so only an end that would make
 * the window last more than 12 hours overnight is questioned.
 */
function reversedRanges(block: PlacedBlock, clocks: Clock[]): RawFinding[] {
  const text = block.analysis.text;
  const out: RawFinding[] = [];
  for (let i = 0; i + 1 < clocks.length; i++) {
    const a = clocks[i];
    const b = clocks[i + 1];
    if (a.style === 'ambiguous' && !followedByMeridiem(text, a.end)) continue;
    if (b.style === 'ambiguous') continue;
    const between = text.slice(a.end, b.start);
    if (!/^\s?(?:-|–|—|to|until|till|through)\s?$/i.test(between)) continue;
    const start = a.style === 'ambiguous' ? { ...a, style: '12' as const, meridiem: b.meridiem } : a;
    const from = minutesOf(start);
    const to = minutesOf(b);
    if (to >= from || to + 24 * 60 - from <= 12 * 60) continue;
    out.push({
      ...docRange(block, a.start, b.end),
      message: `"${text.slice(a.start, b.end)}" ends before it starts: check the times.`,
      audience: block.audience,
      term: text.slice(a.start, b.end),
    });
  }
  return out;
}

/** A start or an end as a reader takes it: a day (date or weekday), a clock time, or both. */
interface Moment {
  date?: DateMention;
  clock?: Clock;
  /** Document offsets of what was read. */
  start: number;
  end: number;
  /** Where what was read ends in its block's prose. */
  proseEnd: number;
  text: string;
}

interface Moments {
  dates: Map<PlacedBlock, DateMention[]>;
  clocks: Map<PlacedBlock, Clock[]>;
  /** Each block's dates and times in order, filled as blocks are read (for this check only: years depend on the draft). */
  tokens: Map<PlacedBlock, Token[]>;
}

const START_CUE = /(?<![\p{L}])(?:(?:planned\s|expected\s)?start(?:s|ing)?(?:\s(?:date|time))?|begin(?:s|ning)?|from|opens?|goes down|down from)(?![\p{L}])/giu;
const END_CUE = /(?<![\p{L}])(?:(?:planned\s|expected\s)?end(?:s|ing)?(?:\s(?:date|time))?|until|till|through|thru|closes?|finish(?:es)?|(?:comes?\s|be\s|is\s|are\s)?back(?:\s(?:up|online|on))?\s(?:at|by)|restored(?:\s(?:at|by))?)(?![\p{L}])/giu;
/** What may stand between a cue and its moment: "Start: at", "ends on", "until about". */
const GAP = /^[\s:,–—-]*(?:(?:at|on|by|is|are|will be|of|about|around|approximately|roughly|no later than)\s+){0,2}$/i;
const JOIN = /^[\s,]*(?:(?:at|on|from)\s+)?$/i;
const RANGE_TO = /^\s?(?:-|–|—|to)\s?$/i;

interface Token {
  start: number;
  end: number;
  date?: DateMention;
  clock?: Clock;
}

/** A block's dates and clock times in order, read once per block. */
function tokensOf(block: PlacedBlock, moments: Moments): Token[] {
  let tokens = moments.tokens.get(block);
  if (!tokens) {
    tokens = [
      ...(moments.dates.get(block) ?? []).map((d): Token => ({ start: d.start, end: d.end, date: d })),
      ...(moments.clocks.get(block) ?? []).map((c): Token => ({ start: c.start, end: c.end, clock: c })),
    ].sort((a, b) => a.start - b.start);
    moments.tokens.set(block, tokens);
  }
  return tokens;
}

/** The moment that starts at prose offset `at` of a block (after a cue): a date, a time, or one of each. */
function momentAt(block: PlacedBlock, moments: Moments, at: number, gap: RegExp = GAP): Moment | undefined {
  const text = block.analysis.text;
  const tokens = tokensOf(block, moments);
  // The first token at or after `at`, by binary search: a long paragraph of cues stays linear.
  const lo = partitionPoint(tokens.length, (i) => tokens[i].start < at);
  const first = tokens[lo];
  if (!first || first.start - at > 40 || !gap.test(text.slice(at, first.start))) return undefined;
  let date = first.date;
  let clock = first.clock;
  let end = first.end;
  const second = tokens[lo + 1];
  if (second && second.start - end <= 8 && JOIN.test(text.slice(end, second.start)) && (date ? second.clock : second.date)) {
    date ??= second.date;
    clock ??= second.clock;
    end = second.end;
  }
  const range = docRange(block, first.start, end);
  return { date, clock, ...range, proseEnd: end, text: text.slice(first.start, end) };
}

interface Anchor {
  kind: 'start' | 'end';
  /** Where the cue stands, to order the anchors of a section. */
  at: number;
  moment: Moment;
  block?: PlacedBlock;
  /**
   * The sentence, list item or table row the moment stands in: a start and its end written
   * there are read as one window, whatever else the section holds.
   */
  unit?: string;
}

/**
 * True when the block is a list item's text: its line opens with a list marker ("- ", "1. "). A
 * list item is one window's line ("- Phase 2: Sunday 22:00. It ends Saturday 20:00."), so its
 * sentences are one unit. Only the few characters before the block are read.
 */
function isListItem(doc: PreparedDocument, block: PlacedBlock): boolean {
  const at = block.chunkStart + block.analysis.start;
  let i = at;
  while (i > 0 && at - i < 24 && doc.text[i - 1] !== '\n') i--;
  if (i > 0 && doc.text[i - 1] !== '\n') return false;
  return /^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$/.test(doc.text.slice(i, at));
}

function anchorsIn(block: PlacedBlock, moments: Moments, listItem = false): Anchor[] {
  const text = block.analysis.text;
  const out: Anchor[] = [];
  for (const [kind, cue] of [['start', START_CUE], ['end', END_CUE]] as const) {
    cue.lastIndex = 0;
    for (let m = cue.exec(text); m; m = cue.exec(text)) {
      const moment = momentAt(block, moments, m.index + m[0].length);
      if (!moment) continue;
      out.push({ kind, at: block.chunkStart + block.analysis.map[m.index], moment, block });
      // "from June 12 to June 10": the end of a range needs no cue of its own.
      if (kind === 'start') {
        const proseEnd = moment.proseEnd;
        const to = /^\s?(?:-|–|—|to)\s?/i.exec(text.slice(proseEnd, proseEnd + 4));
        const after = to && momentAt(block, moments, proseEnd + to[0].length, /^$/);
        if (to && after && RANGE_TO.test(to[0])) out.push({ kind: 'end', at: after.start, moment: after, block });
      }
    }
  }
  // "Phase 1: Saturday 22:00 to Sunday 02:00": a range needs no cue; it is a start and its end.
  const tokens = tokensOf(block, moments);
  for (let i = 0; i < tokens.length; ) {
    const start = momentAt(block, moments, tokens[i].start, /^$/);
    // A moment of two tokens ("Saturday 22:00") is read once.
    i += start && start.proseEnd > tokens[i].end ? 2 : 1;
    if (!start) continue;
    const to = /^\s?(?:-|–|—|to)\s?/i.exec(text.slice(start.proseEnd, start.proseEnd + 4));
    const end = to && momentAt(block, moments, start.proseEnd + to[0].length, /^$/);
    if (!to || !end || !RANGE_TO.test(to[0])) continue;
    out.push({ kind: 'start', at: start.start, moment: start, block }, { kind: 'end', at: end.start, moment: end, block });
  }
  // A range after a cue ("from June 12 to June 10") is found both ways: once is enough.
  const seen = new Set<string>();
  const unique = out.filter((a) => {
    const key = `${a.kind}:${a.moment.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const blockKey = block.chunkStart + block.analysis.start;
  for (const a of unique) a.unit = listItem ? `${blockKey}` : `${blockKey}:${sentenceAt(block.analysis, a.moment.proseEnd - 1).start}`;
  return unique.sort((a, b) => a.at - b.at);
}

/**
 * The starts and ends of one sentence, list item or table row, paired by proximity: each start
 * with the end right after it, when they alternate (start, end, start, end). Anything else
 * (two starts, then an end) is left unpaired, for the section to read or leave alone.
 */
function pairWithin(anchors: Anchor[]): { pairs: [Anchor, Anchor][]; rest: Anchor[] } {
  const byUnit = new Map<string, Anchor[]>();
  for (const a of anchors) {
    const key = a.unit ?? '';
    const list = byUnit.get(key);
    if (list) list.push(a);
    else byUnit.set(key, [a]);
  }
  const pairs: [Anchor, Anchor][] = [];
  const rest: Anchor[] = [];
  for (const list of byUnit.values()) {
    list.sort((a, b) => a.at - b.at);
    const alternates = list.length % 2 === 0 && list.every((a, i) => a.kind === (i % 2 === 0 ? 'start' : 'end'));
    if (!alternates) {
      rest.push(...list);
      continue;
    }
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
  }
  return { pairs, rest: rest.sort((a, b) => a.at - b.at) };
}

/**
 * "Start: Saturday 10 p.m." ... "End: Saturday 8 p.m.": within one section (the text under one
 * heading), starts and ends that come in the wrong order. A start and an end written together in
 * one sentence or list item ("Phase 1: Saturday 22:00 to Sunday 02:00; Phase 2: ...") are one
 * window, paired by proximity (`pairWithin`). What is left is paired only when it is one start
 * and one end: a section with several (phases, sites) on separate lines is left alone, since
 * which end belongs to which start would be a guess.
 */
function* sectionRanges(doc: PreparedDocument, blocks: PlacedBlock[], moments: Moments): Steps<RawFinding[]> {
  const out: RawFinding[] = [];
  let section: Anchor[] = [];
  const push = (s: Anchor, e: Anchor) => {
    const finding = compare(s.moment, e.moment, e.block?.audience ?? doc.audience);
    if (finding) out.push(finding);
  };
  const close = () => {
    const { pairs, rest } = pairWithin(section);
    for (const [s, e] of pairs) push(s, e);
    const starts = rest.filter((a) => a.kind === 'start');
    const ends = rest.filter((a) => a.kind === 'end');
    if (starts.length === 1 && ends.length === 1 && starts[0].at < ends[0].at) push(starts[0], ends[0]);
    section = [];
  };
  let n = 0;
  for (const block of blocks) {
    if ((++n & 255) === 0) yield;
    if (block.analysis.kind === 'heading') close();
    if (block.analysis.kind === 'tableCell') continue;
    section.push(...anchorsIn(block, moments, isListItem(doc, block)));
  }
  close();
  // A table whose rows are labels ("Start | Saturday 10 p.m.") is read like lines of its section.
  return out;
}

const START_NAME = /^(?:planned\s|expected\s|scheduled\s)?(?:start|starts|begins?|from|opens?)(?:\s(?:date|time|date and time))?:?$/i;
const END_NAME = /^(?:planned\s|expected\s|scheduled\s)?(?:end|ends|until|to|finish|finishes|closes?|back(?:\sup|\sonline)?|restored)(?:\s(?:date|time|date and time|by))?:?$/i;

/**
 * Tables: a row's Start and End columns ("| Boston | June 12, 10 p.m. | June 12, 8 p.m. |"), and
 * rows labelled Start and End ("| Start | Saturday 10 p.m. |") under one heading.
 */
function* tableRanges(doc: PreparedDocument, blocks: PlacedBlock[], moments: Moments): Steps<RawFinding[]> {
  const out: RawFinding[] = [];
  let n = 0;
  // A cell block starts at its leading pipe; its first prose character lies inside the trimmed
  // cell. Cells are found by binary search over where their prose starts, so long tables stay linear.
  const cells = blocks.filter((b) => b.analysis.kind === 'tableCell' && b.analysis.text.trim());
  yield;
  const starts = cells.map((b) => b.chunkStart + b.analysis.map[0]);
  yield;
  const cellAt = (from: number, to: number) => {
    const lo = firstAtOrAfter(starts, from);
    return lo < starts.length && starts[lo] <= to ? cells[lo] : undefined;
  };
  const momentOf = (block: PlacedBlock | undefined) => (block ? momentAt(block, moments, 0, /^\s*$/) : undefined);
  for (const chunk of doc.chunks) {
    if ((++n & 255) === 0) yield;
    for (const table of chunk.analysis.tables) {
      if ((++n & 255) === 0) yield;
      const [header, ...rows] = table.rows;
      if (!header) continue;
      const names = header.cells.map((c) => c.text.replace(/[*_`]/g, '').trim());
      const from = names.findIndex((n) => START_NAME.test(n));
      const to = names.findIndex((n) => END_NAME.test(n));
      const labelled: Anchor[] = [];
      for (const row of [header, ...rows]) {
        const cell = (i: number) => row.cells[i] && cellAt(chunk.start + row.cells[i].start, chunk.start + row.cells[i].end);
        if (row !== header && from >= 0 && to >= 0) {
          const start = momentOf(cell(from));
          const end = momentOf(cell(to));
          const block = cell(to);
          if (start && end && block) {
            const finding = compare(start, end, block.audience);
            if (finding) out.push(finding);
          }
        }
        // A row's own windows ("| Phase 2 | Sunday 22:00 to Sunday 20:00 |"), start and end in one row.
        if (row !== header) {
          const own = row.cells.flatMap((_c, i) => {
            const block = cell(i);
            return block ? anchorsIn(block, moments).map((a) => ({ ...a, unit: `${row.start}` })) : [];
          });
          for (const [s, e] of pairWithin(own).pairs) {
            const finding = compare(s.moment, e.moment, e.block?.audience ?? doc.audience);
            if (finding) out.push(finding);
          }
        }
        const label = row.cells[0]?.text.replace(/[*_`]/g, '').trim() ?? '';
        const kind = START_NAME.test(label) ? 'start' : END_NAME.test(label) ? 'end' : undefined;
        const value = kind && row.cells.slice(1).map((_c, i) => momentOf(cell(i + 1))).find(Boolean);
        if (kind && value) labelled.push({ kind, at: chunk.start + row.start, moment: value, block: cell(1) });
      }
      const starts = labelled.filter((a) => a.kind === 'start');
      const ends = labelled.filter((a) => a.kind === 'end');
      if (starts.length === 1 && ends.length === 1 && starts[0].at < ends[0].at) {
        const finding = compare(starts[0].moment, ends[0].moment, ends[0].block?.audience ?? doc.audience);
        if (finding) out.push(finding);
      }
    }
  }
  return out;
}

const ordinal = (d: DateMention) => (d.year !== undefined && d.month !== undefined && d.day !== undefined ? Date.UTC(d.year, d.month, d.day) / 86_400_000 : undefined);
function weekdayOf(d: DateMention | undefined): number | undefined {
  if (!d) return undefined;
  if (d.weekdayText) return WEEKDAYS.findIndex((w) => w.toLowerCase().startsWith(d.weekdayText?.toLowerCase().slice(0, 3) ?? ''));
  const o = ordinal(d);
  return o === undefined ? undefined : new Date(o * 86_400_000).getUTCDay();
}

/**
 * Days from a start's day to an end's day: exact for two dates, the days forward for two weekdays
 * (Saturday to Sunday is one day on), `same` when the end gives only a time (read as the start's
 * day or the night after it), undefined when they cannot be compared.
 */
function dayDiff(s: Moment, e: Moment): number | 'same' | undefined {
  if (!e.date) return e.clock ? 'same' : undefined;
  if (!s.date) return undefined;
  const [a, b] = [s.date, e.date];
  if (a.month !== undefined && b.month !== undefined && a.day !== undefined && b.day !== undefined) {
    const [oa, ob] = [ordinal(a), ordinal(b)];
    if (oa !== undefined && ob !== undefined && (a.year === b.year || a.yearWritten && b.yearWritten)) return ob - oa;
    // Years not known: within the year, or from December into January.
    let diff = (b.month * 31 + b.day) - (a.month * 31 + a.day);
    if (diff < -180) diff += 372;
    return diff;
  }
  const [wa, wb] = [weekdayOf(a), weekdayOf(b)];
  if (wa === undefined || wb === undefined || wa < 0 || wb < 0) return undefined;
  return (wb - wa + 7) % 7;
}

function compare(s: Moment, e: Moment, audience: AudienceId[]): RawFinding | undefined {
  const diff = dayDiff(s, e);
  if (diff === undefined) return undefined;
  let reversed = typeof diff === 'number' && diff < 0;
  const clocks = s.clock && e.clock && s.clock.style !== 'ambiguous' && e.clock.style !== 'ambiguous';
  if (!reversed && clocks && s.clock && e.clock) {
    const from = minutesOf(s.clock);
    const to = minutesOf(e.clock);
    // A window that ends after midnight ("Start: 10 p.m.", "End: 2 a.m.") is read as overnight.
    if (diff === 0) reversed = to < from;
    else if (diff === 'same') reversed = to < from && to + 24 * 60 - from > 12 * 60;
  }
  if (!reversed) return undefined;
  return {
    start: e.start,
    end: e.end,
    message: `The end, "${e.text}", comes before the start, "${s.text}": readers cannot plan around a window that ends before it starts. Check the dates and times.`,
    audience,
    term: e.text,
  };
}

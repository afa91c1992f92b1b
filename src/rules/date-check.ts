import { docRange, type PlacedBlock, type PreparedDocument, type RawFinding, type Rule } from '../core/document';

/**
 * Dates and times readers act on (guidance.md check 5): a weekday that does not match its date,
 * a 12-hour time with no a.m. or p.m., 12- and 24-hour times in one draft, a time with no time
 * zone where the front matter lists sites in several zones, and an end before its start.
 */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(Sun|Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?)(?:day)?\\.?';
/** "Monday, June 10, 2025", "Mon June 10", "Monday 10 June 2025", "Monday, 6/10/2025", "Monday 2025-06-10". */
const WEEKDAY_DATE = new RegExp(
  `(?<![\\p{L}])${WEEKDAY},?\\s(?:(${MONTH})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s(${MONTH})(?:,?\\s(\\d{4}))?|(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?|(\\d{4})-(\\d{2})-(\\d{2}))(?![\\d])`,
  'gu',
);
const YEAR = /(?<!\d)(20\d{2})(?!\d)/g;

/** A clock time: its hour and minute, whether it has a.m./p.m., and whether it reads as 24-hour. */
const CLOCK = /(?<![\d:.$/])(\d{1,2})(?::([0-5]\d))?(\s?(?:[ap]\.\s?m\.?|[ap]m(?![\p{L}])|[AP]M(?![\p{L}])|[AP]\.M\.?))?(?![\d:])/giu;
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
  check(doc) {
    const findings: RawFinding[] = [];
    const year = onlyYear(doc);
    const clocks: Clock[] = [];
    for (const block of doc.blocks) {
      findings.push(...weekdays(block, year));
      clocks.push(...clocksIn(block));
    }
    findings.push(...clockFindings(doc, clocks));
    for (const block of doc.blocks) findings.push(...reversedRanges(block, clocks.filter((c) => c.block === block)));
    return findings.sort((a, b) => a.start - b.start);
  },
};

/** The year of a draft whose dates all share one, for dates written without it. */
function onlyYear(doc: PreparedDocument): number | undefined {
  const years = new Set<string>();
  for (const b of doc.blocks) for (const m of b.analysis.text.matchAll(YEAR)) years.add(m[1]);
  return years.size === 1 ? Number([...years][0]) : undefined;
}

function weekdays(block: PlacedBlock, fallbackYear: number | undefined): RawFinding[] {
  const text = block.analysis.text;
  const out: RawFinding[] = [];
  WEEKDAY_DATE.lastIndex = 0;
  for (let m = WEEKDAY_DATE.exec(text); m; m = WEEKDAY_DATE.exec(text)) {
    const written = m[1];
    let month: number, day: number, year: number | undefined;
    if (m[2]) [month, day, year] = [monthIndex(m[2]), Number(m[3]), m[4] ? Number(m[4]) : fallbackYear];
    else if (m[5]) [month, day, year] = [monthIndex(m[6]), Number(m[5]), m[7] ? Number(m[7]) : fallbackYear];
    else if (m[8]) [month, day, year] = [Number(m[8]) - 1, Number(m[9]), m[10] ? fullYear(m[10]) : fallbackYear];
    else [month, day, year] = [Number(m[12]) - 1, Number(m[13]), Number(m[11])];
    if (year === undefined || month < 0 || month > 11 || day < 1) continue;
    const date = new Date(Date.UTC(year, month, day));
    if (date.getUTCMonth() !== month) {
      out.push({ ...docRange(block, m.index, m.index + m[0].length), message: `"${m[0]}" is not a date: ${MONTH_NAMES[month]} has no day ${day}.`, audience: block.audience, term: m[0] });
      continue;
    }
    const actual = WEEKDAYS[date.getUTCDay()];
    if (actual.toLowerCase().startsWith(written.toLowerCase().slice(0, 3))) continue;
    const weekdayText = /^[\p{L}.]+/u.exec(m[0])?.[0] ?? written;
    const bare = weekdayText.replace(/\.$/, '');
    const replacement = bare.length < 6 ? `${actual.slice(0, bare.length)}${weekdayText.endsWith('.') ? '.' : ''}` : actual;
    out.push({
      ...docRange(block, m.index, m.index + weekdayText.length),
      message: `${dateWords(month, day, year)} is a ${actual}, not a ${fullWeekday(written)}: check which one is right before readers plan around it.`,
      audience: block.audience,
      term: m[0],
      fixes: [{ title: `Change to "${replacement}"`, kind: 'replace', edits: [{ ...docRange(block, m.index, m.index + weekdayText.length), newText: replacement }] }],
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
    // "a 1:10 ratio" is not a time.
    if (!marker && /^\s?ratio/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
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

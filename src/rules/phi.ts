import { blockRange, type PlacedBlock, type PreparedDocument, type RawFinding, type Rule } from '../core/document';
import { phrasePattern } from '../core/cues';
import phiData from '../../data/words/phi.yaml';

/**
 * Patient information in a message to groups breaks HIPAA's minimum necessary standard
 * (45 CFR 164.502(b)); guidance.md, check 10. What it looks like is data (data/words/phi.yaml):
 * record numbers and dates of birth in their common forms, a named person placed in a room, bed
 * or unit ("Jane Smith in room 412", "Mr. Garcia in 5 North bed 12"), a named person with a
 * diagnosis or procedure, and "the patient in room 12". A room with no person, staff named with
 * their role, phone, order and ticket numbers stay quiet.
 */
interface PhiData {
  titles?: string[];
  staff_titles?: string[];
  given_names?: string[];
  staff_roles?: string[];
  location?: string;
  conditions?: string[];
  identifiers?: { what: string; pattern: string }[];
}
const DATA = (phiData ?? {}) as PhiData;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[] | undefined) => (words ?? []).map(escape).join('|') || '(?!)';

const IDENTIFIERS = (DATA.identifiers ?? []).map((i) => ({ what: i.what, pattern: new RegExp(i.pattern, 'gu') }));
const SURNAME = "[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?";
/** "Mr. Garcia", "Mrs Ann Jones", "Jane Smith", "Dr. Patel" (a member of staff, see below). */
const NAME = new RegExp(
  `(?<![\\p{L}])(?:(${alternation(DATA.staff_titles)})\\.?\\s(?:[A-Z][a-z]+\\s)?${SURNAME}|(?:${alternation(DATA.titles)})\\.?\\s(?:[A-Z][a-z]+\\s)?${SURNAME}|(?:${alternation(DATA.given_names)})\\s(?:[A-Z]\\.\\s)?${SURNAME})(?![\\p{L}])`,
  'gu',
);
const LOCATION = new RegExp(`^(?:['’]s)?,?\\s(?:is\\s|was\\s|who\\sis\\s)?(?:in|on|at|from|to)\\s(?:the\\s)?(?:${DATA.location ?? '(?!)'})`, 'u');
const PATIENT_IN_ROOM = /(?<![\p{L}])(?:patient|pt\.?|resident)\s(?:(?:in|from|at)\s)(?:room|rm\.?|bed)\s?#?\s?\d+[A-Z]?(?![\p{L}\p{N}])/giu;
const CONDITION = DATA.conditions?.length ? phrasePattern(DATA.conditions) : undefined;
const STAFF_AFTER = new RegExp(`^(?:['’]s)?,?\\s(?:the\\s|our\\s|a\\s|an\\s)?(?:[\\p{L}-]+\\s){0,2}?(?:${alternation(DATA.staff_roles)})(?![\\p{L}])`, 'iu');
const STAFF_BEFORE = new RegExp(`(?:${alternation(DATA.staff_roles)}),?\\s$`, 'iu');

export const phi: Rule = {
  id: 'phi',
  title: 'Patient information',
  description: 'Patient information (record numbers, dates of birth, a named patient with a room or diagnosis) in a message to groups.',
  defaultSeverity: 'warning',
  checkBlock(block, doc) {
    const text = block.analysis.text;
    if (!/\d|[A-Z][a-z]/.test(text)) return [];
    const found: { start: number; end: number; what: string }[] = [];
    const add = (start: number, end: number, what: string) => {
      if (!found.some((f) => f.start < end && start < f.end)) found.push({ start, end, what });
    };
    for (const { what, pattern } of IDENTIFIERS) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) add(m.index + (m[0].length - m[0].trimStart().length), m.index + m[0].length, what);
    }
    PATIENT_IN_ROOM.lastIndex = 0;
    for (let m = PATIENT_IN_ROOM.exec(text); m; m = PATIENT_IN_ROOM.exec(text)) add(m.index, m.index + m[0].length, 'a patient located by room or bed');
    for (const person of namedPeople(block)) {
      const after = text.slice(person.end, person.end + 60);
      const place = LOCATION.exec(after);
      if (place) {
        add(person.start, person.end + place[0].length, 'a named person with a room, bed or unit');
        continue;
      }
      const sentence = block.analysis.sentences.find((s) => s.start <= person.start && person.end <= s.end) ?? { start: 0, end: text.length };
      const rest = text.slice(person.end, sentence.end);
      if (CONDITION?.test(rest)) add(person.start, person.end, 'a named person with a diagnosis or procedure');
    }
    const severity = broad(block, doc) ? 'error' : undefined;
    return found.sort((a, b) => a.start - b.start).map((f): RawFinding => ({
      ...blockRange(block, f.start, f.end),
      message: `This looks like patient information (${f.what}). Keep it out of messages to groups: share only what readers need (HIPAA minimum necessary).`,
      audience: block.audience,
      // In a broad message, or one to patients, the details reach people with no need to see them.
      severity,
      term: text.slice(f.start, f.end),
    }));
  },
};

/** Named people in a block who are not staff named with their role or title. */
function namedPeople(block: PlacedBlock): { start: number; end: number }[] {
  const text = block.analysis.text;
  const out: { start: number; end: number }[] = [];
  NAME.lastIndex = 0;
  for (let m = NAME.exec(text); m; m = NAME.exec(text)) {
    if (m[1]) continue; // "Dr. Patel", "Nurse Kim": staff
    const start = m.index;
    const end = m.index + m[0].length;
    if (STAFF_AFTER.test(text.slice(end, end + 50)) || STAFF_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
    out.push({ start, end });
  }
  return out;
}

/** A message for several audiences, for patients, or a notice sent to many individuals. */
function broad(block: PlacedBlock, doc: PreparedDocument): boolean {
  return block.audience.length > 1 || (block.audience as string[]).includes('patients') || doc.frontMatter?.type === 'breach-notice';
}

import { daleChall } from 'dale-chall';
import type { Glossary } from './glossary';
import { isKnownAcronym, type KnownAcronyms } from './known-acronyms';
import { baseForms, type Token } from './tokens';

const ACRONYM = /^[a-z]?[A-Z][A-Z0-9]*$/;
const COMMON_WORDS = new Set(daleChall);
const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'to', 'on', 'a', 'an', '&', 'with', 'or', 'by', 'at']);

/** One use of an acronym in a block, in prose offsets. */
export interface AcronymUse {
  /** The acronym without a plural or possessive ending. */
  acronym: string;
  start: number;
  end: number;
  /** Spelled out right here: "user acceptance testing (UAT)" or "UAT (user ...)". */
  spelledOut: boolean;
  /** Where the spelled-out words stand (prose offsets), when spelled out here. */
  expansion?: { start: number; end: number };
}

/**
 * The acronyms of one block of prose, each with whether it is spelled out where it stands.
 * Computed once per block when it is analysed; the rule only walks them in document order.
 */
export function findAcronyms(text: string, tokens: Token[], glossary: Glossary, known: KnownAcronyms): AcronymUse[] {
  const out: AcronymUse[] = [];
  const runs = capitalRuns(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // "CHG-20418", "INC-4471", "CO-16", "SEV-1", "FS-PRD-07": a record number, code or host name,
    // not an acronym to spell out.
    // "PV1-3", "OBX-5", "IN1-2": an HL7 segment and field number, which interface readers read as a
    // reference, as they read "PID-3".
    if (/^[A-Z]{2,6}(?:-[A-Z0-9]+)*-\d+[A-Z]?$/.test(token.text) || /^[A-Z][A-Z0-9]{2}-\d+(?:\.\d+)*$/.test(token.text)) continue;
    // "RH-PRD-A/B", "IB-GM-CLUSTER": three or more parts of capitals name a host or a cluster.
    if (/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+(?:\/[A-Z0-9]+)*){2,}$/.test(token.text)) continue;
    // "MS-DRG", "EHRM-IO", "DTLS-SRTP": a compound of capitals is one acronym, not "MS" and "IO";
    // a long one ("CLINICAL-SECURE") is a name, such as a network's.
    if (/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/.test(token.text)) {
      if (token.text.length > 10 || !/[A-Z]{2}/.test(token.text)) continue;
      if (isKnownAcronym(known, token.text, text, token.start) || insideBlank(text, token.start, token.end) || notAnAcronymHere(text, tokens, i, glossary, token.text)) continue;
      const expansion = spelledOutAt(glossary, token.text, text, token.start, token.end);
      out.push(expansion ? { acronym: token.text, start: token.start, end: token.end, spelledOut: true, expansion } : { acronym: token.text, start: token.start, end: token.end, spelledOut: false });
      continue;
    }
    // "HL7-based", "CLIA-certified", "ED/ICU": each part may be an acronym.
    let offset = token.start;
    for (const part of token.text.split(/([-/])/)) {
      const start = offset;
      offset += part.length;
      if (part === '-' || part === '/' || !part) continue;
      const acronym = acronymOf(part);
      if (!acronym) continue;
      if (isKnownAcronym(known, acronym, text, start)) continue;
      if (isCitation(text, acronym, start)) continue;
      if (insideBlank(text, start, start + part.length)) continue;
      if (isShouting(tokens, i, runs, glossary, part)) continue;
      if (isIdentifier(part, glossary)) continue;
      if (part === token.text && notAnAcronymHere(text, tokens, i, glossary, acronym)) continue;
      if (part === token.text && (isCredential(text, token.start, token.end) || isBrand(tokens, i, glossary, acronym))) continue;
      const expansion = spelledOutAt(glossary, acronym, text, start, start + part.length);
      out.push(expansion ? { acronym, start, end: start + part.length, spelledOut: true, expansion } : { acronym, start, end: start + part.length, spelledOut: false });
    }
  }
  return out;
}

/**
 * "45 CFR Part 171", "42 USC 1320d", "87 FR 12345": the title number before the code's initials
 * makes a legal citation, which a reader takes whole, as a reference, like a page number.
 */
function isCitation(text: string, acronym: string, start: number): boolean {
  return /^(?:CFR|USC|FR)$/.test(acronym) && /(?:^|[^\p{L}\p{N}.,])\d{1,3}\s+$/u.test(text.slice(Math.max(0, start - 8), start));
}

/** Capitals for emphasis in running text ("download AND upload", "do NOT"), and call signs. */
const EMPHASIS = new Set(['AND', 'NOT', 'NO', 'ALL', 'ONLY', 'NEVER', 'BOTH', 'EACH', 'ANY', 'NOW', 'DO', 'BUT', 'NOR', 'YES', 'MUST', 'ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT', 'GOLF', 'HOTEL', 'KILO', 'LIMA', 'OSCAR', 'ROMEO', 'SIERRA', 'TANGO', 'VICTOR', 'ZULU']);

/**
 * Words that notices put in capitals ("SECURITY ALERT", "ACTION REQUIRED", "UPDATE 2", "Mark it
 * URGENT", "Register TWO methods", "x4-HELP"), beyond the everyday words of the Dale-Chall list:
 * in capitals they are emphasis or labels, not acronyms. An all-capital word is read as one of
 * these when it, or it less an ending (-S, -ED, -ING), is here or in the Dale-Chall list.
 */
const NOTICE_WORDS = new Set([
  'alert', 'update', 'urgent', 'important', 'required', 'require', 'action', 'reminder', 'notice', 'warning', 'attention',
  'security', 'planned', 'unplanned', 'downtime', 'outage', 'system', 'systems', 'network', 'immediate', 'immediately',
  'please', 'read', 'today', 'tonight', 'tomorrow', 'cancelled', 'canceled', 'closed', 'delayed', 'restored', 'resolved',
  'final', 'first', 'last', 'before', 'after', 'during', 'instead', 'effective', 'mandatory', 'critical', 'emergency',
  'change', 'changes', 'new', 'live', 'down', 'back', 'help', 'call', 'stop', 'wait', 'two', 'three', 'four', 'five',
  'once', 'twice', 'every', 'always', 'must', 'cannot', 'will', 'should', 'scheduled', 'maintenance', 'phishing', 'scam',
  'fake', 'suspicious', 'confidential', 'draft', 'internal', 'external', 'patient', 'patients', 'safety', 'staff',
  'exactly', 'still', 'again', 'private', 'public', 'expired', 'complete', 'completed', 'pending', 'approved', 'denied',
]);

/** A word and the stems its endings may hide; endings are taken off longer words only: "SIRS" is no plural of "sir", "ERAS" none of "era". */
function stemsOf(word: string): string[] {
  const w = word.toLowerCase();
  const stems = w.length < 5 ? [w] : [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e')];
  return stems.filter((x) => x.length > 1);
}

function isEverydayWord(word: string): boolean {
  return stemsOf(word).some((x) => NOTICE_WORDS.has(x) || COMMON_WORDS.has(x));
}

/** "COSTS", "SAVES", "THE": an everyday English word (Dale–Chall), endings allowed; the glossary's capitals check uses it too. */
export function isCommonWord(word: string): boolean {
  return stemsOf(word).some((x) => COMMON_WORDS.has(x));
}

/**
 * "DC01", "ZD621", "FY2026", "IB01": capitals before two or more digits are a host name, a model
 * or a fiscal year, not an acronym to spell out; a glossary term (an acronym the glossary knows
 * written so) is still one.
 */
function isIdentifier(part: string, glossary: Glossary): boolean {
  return /^[A-Z]{1,5}\d{2,}[A-Z]?$/.test(part) && !glossary.lookupAcronym(part);
}

/**
 * "Ana Lopez, RN, MSN": letters after a person's name are credentials, which readers take as
 * part of the name (a reader need not know every one of them to read the message).
 */
function isCredential(text: string, start: number, end: number): boolean {
  if (!/^(?:[,.;)]|\s|$)/.test(text.slice(end, end + 1))) return false;
  return followsPersonName(text, start);
}

/**
 * True when a person's name and a comma stand right before this offset, with any credentials
 * between ("Karen D. Walsh, ", "Ana Lopez, RN, "): what follows is a credential or a job title
 * ("Chief Privacy Officer" in a signature), part of how the person is named.
 */
export function followsPersonName(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return /(?:^|[\s(])[A-Z][\p{Ll}'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][\p{Ll}'’-]+(?:\s+(?:Jr\.|Sr\.|II|III))?,\s*(?:[A-Z][A-Za-z.-]{1,7},\s*)*$/u.test(before);
}

/**
 * "BD Alaris pumps", "HP LaserJet printers": a company's initials before the name of its product
 * (a capitalised word that is no everyday word) are part of the product's name. An acronym the
 * glossary knows is left to the glossary.
 */
function isBrand(tokens: Token[], i: number, glossary: Glossary, acronym: string): boolean {
  const next = tokens[i + 1];
  if (!next || acronym.length > 3 || glossary.lookupAcronym(acronym)) return false;
  if (next.start !== tokens[i].end + 1) return false;
  return /^[A-Z][a-z]+(?:[A-Z][a-z]*)*$/.test(next.text) && !isEverydayWord(next.text) && !ORGANISATION_WORDS.has(next.text.toLowerCase());
}

/** "QZT Foundation", "ABC Partners", "the XYZ Act": a body's or a law's name, not a product's. */
const ORGANISATION_WORDS = new Set(['foundation', 'partners', 'health', 'healthcare', 'hospital', 'hospitals', 'center', 'centre', 'committee', 'council', 'program', 'programme', 'office', 'board', 'act', 'rule', 'institute', 'association', 'alliance', 'network', 'services', 'solutions', 'systems', 'consulting', 'corporation', 'division', 'department', 'agency', 'commission', 'coalition', 'collaborative', 'initiative', 'project', 'authority', 'medical', 'clinic', 'clinics', 'university', 'college', 'school', 'standard', 'framework', 'guidelines']);

/**
 * Uses of capitals that are no acronym to spell out: emphasis ("download AND upload"), a model
 * number ("GX 130 monitors"), a stock ticker ("NYSE: UNH"). Glossary terms are left to the
 * glossary: "DRG 470" is still a DRG.
 */
function notAnAcronymHere(text: string, tokens: Token[], i: number, glossary: Glossary, acronym: string): boolean {
  if (EMPHASIS.has(acronym)) return true;
  if (glossary.lookupAcronym(acronym)) return false;
  const token = tokens[i];
  if (/^\s\d{3,}\b/.test(text.slice(token.end, token.end + 8)) && /^[A-Z]{1,4}$/.test(acronym)) return true;
  if (/(?:NYSE|NASDAQ|Nasdaq|OTC|TSX|LSE)\s*:\s*$/.test(text.slice(Math.max(0, token.start - 10), token.start))) return true;
  return false;
}

/** The acronym a word is, without a plural or possessive ending; undefined for other words. */
export function acronymOf(word: string): string | undefined {
  for (const form of [word, ...baseForms(word)]) {
    if (!ACRONYM.test(form)) continue;
    const capitals = form.replace(/[^A-Z]/g, '').length;
    if (capitals >= 2 && capitals <= 6 && form.length <= 8) return form;
  }
  return undefined;
}

/** "[EXT]", "[SITE NAME]": a template blank, which the placeholder rule reports. */
function insideBlank(text: string, start: number, end: number): boolean {
  return /\[[A-Z0-9 _/&.,:#'’-]*$/.test(text.slice(Math.max(0, start - 40), start)) && /^[A-Z0-9 _/&.,:#'’-]*\]/.test(text.slice(end, end + 40));
}

const isCaps = (t: { text: string } | undefined) => t !== undefined && /^[A-Z][A-Z'’]+$/.test(t.text);

/**
 * For each token, how many all-capital tokens stand in a row with it (0 for other tokens), found
 * in one pass: counting outwards from every token took quadratic time on a long run of capitals.
 */
function capitalRuns(tokens: { text: string }[]): Int32Array {
  const runs = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; ) {
    if (!isCaps(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && isCaps(tokens[j])) j++;
    runs.fill(j - i, i, j);
    i = j;
  }
  return runs;
}

/** "PLEASE READ: SYSTEM DOWN TONIGHT": capitals for emphasis, not acronyms, unless a known term. */
function isShouting(tokens: { text: string }[], i: number, runs: Int32Array, glossary: Glossary, part: string = tokens[i].text): boolean {
  const word = part;
  if (glossary.lookup(word)) return false;
  const run = (i > 0 && runs[i - 1] > 0) || (i + 1 < tokens.length && runs[i + 1] > 0);
  if (COMMON_WORDS.has(word.toLowerCase()) && (run || word.length > 3)) return true;
  if (word.length > 2 && /^[A-Z]+$/.test(word) && isEverydayWord(word) && (run || word.length > 3 || NOTICE_WORDS.has(word.toLowerCase()))) return true;
  // The run this token belongs to; a token that is not all capitals joins its neighbours' runs.
  const length = runs[i] > 0 ? runs[i] : 1 + (i > 0 ? runs[i - 1] : 0) + (i + 1 < tokens.length ? runs[i + 1] : 0);
  return length >= 3;
}

/**
 * Where the draft spells the acronym out right at this use, as the span of the spelled-out words
 * (prose offsets): "UAT (user acceptance testing)", "UAT: user acceptance testing", "UAT - user
 * acceptance testing", "MFA, or multi-factor authentication,", "user acceptance testing (UAT)",
 * 'Hospital Sisters Health System ("HSHS")', "multi-factor authentication, or MFA".
 */
function spelledOutAt(glossary: Glossary, acronym: string, text: string, start: number, end: number): { start: number; end: number } | undefined {
  const entry = glossary.lookupAcronym(acronym);
  const expansions = [entry?.expansion].filter((e): e is string => Boolean(e));
  const rest = text.slice(end, end + 140);
  const after = /^\s*(?:\(\s*["“']?([^)"”]{3,120})["”']?\s*\)|(?::|—|–|-|,?\s+or|means|stands for|is short for)\s+([^.;:()]{3,120}))/.exec(rest);
  if (after) {
    const phrase = after[1] ?? after[2];
    const at = end + after[0].lastIndexOf(phrase);
    const n = expansionLength(phrase, acronym, expansions, 'start');
    if (n > 0) return { start: at, end: at + n };
  }
  const before = text.slice(Math.max(0, start - 160), start);
  const open = /\(\s*["“']?\s*$/.exec(before);
  if (open && /^\s*["”']?\s*\)/.test(text.slice(end))) {
    const phrase = before.slice(0, open.index);
    const n = expansionLength(phrase, acronym, expansions, 'end');
    const to = start - before.length + phrase.trimEnd().length;
    if (n > 0) return { start: to - n, end: to };
  }
  // "multi-factor authentication, or MFA," / "multi-factor authentication (or MFA)".
  const orBefore = /,?\s+or\s+$/.exec(before);
  if (orBefore) {
    const phrase = before.slice(0, orBefore.index);
    const n = expansionLength(phrase, acronym, expansions, 'end');
    const to = start - before.length + phrase.trimEnd().length;
    if (n > 0) return { start: to - n, end: to };
  }
  return undefined;
}

/**
 * How many characters of the phrase, from its start or back from its end, spell the acronym out
 * (a known expansion, or words whose initials spell it); 0 when none do.
 */
function expansionLength(phrase: string, acronym: string, expansions: string[], anchor: 'start' | 'end'): number {
  const normal = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // Each word with where its letters start and end in the phrase (quotes and commas left out).
  const words = [...phrase.matchAll(/[^\s\-/]+/g)].flatMap((m) => {
    const inner = /[\p{L}\p{N}&](?:.*[\p{L}\p{N}&])?/u.exec(m[0]);
    return inner ? [{ text: inner[0].replace(/[^\p{L}\p{N}&]/gu, ''), start: m.index + inner.index, end: m.index + inner.index + inner[0].length }] : [];
  });
  if (words.length === 0) return 0;
  const span = (n: number) => (anchor === 'end' ? phrase.trimEnd().length - words[words.length - n].start : words[n - 1].end);
  const p = normal(phrase);
  for (const e of expansions) {
    const n = normal(e);
    if (!n) continue;
    if (anchor === 'end' ? p.endsWith(n) : p.startsWith(n)) {
      const count = Math.min(words.length, n.split(' ').length);
      return span(count);
    }
  }
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  if (letters.length === 0) return 0;
  // Try every run of words ending (or starting) at the anchor.
  for (let n = 1; n <= Math.min(words.length, letters.length + 4); n++) {
    const run = anchor === 'end' ? words.slice(words.length - n) : words.slice(0, n);
    if (initialsSpell(run.map((w) => w.text), letters)) return span(n);
  }
  return 0;
}

/** Letters match the words' first letters in order; a word may also give several letters (HealthCare, eMAR). */
function initialsSpell(words: string[], letters: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (w: number, l: number): boolean => {
    if (l === letters.length) return w === words.length || words.slice(w).every((x) => STOP_WORDS.has(x.toLowerCase()));
    if (w === words.length) return false;
    const key = `${w},${l}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const word = words[w].toLowerCase();
    let ok = false;
    if (STOP_WORDS.has(word) && go(w + 1, l)) ok = true;
    if (!ok && word[0] === letters[l]) {
      // This word gives its first letter, and maybe more letters of the acronym from inside it.
      let k = l + 1;
      if (go(w + 1, k)) ok = true;
      for (let c = 1; !ok && c < word.length && k < letters.length; c++) {
        if (word[c] === letters[k]) {
          k++;
          if (go(w + 1, k)) ok = true;
        }
      }
    }
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}


const NAME_RUN = /(?:[A-Z][\p{L}'’.&-]*\s+(?:(?:of|and|for|the|&)\s+)*)+[A-Z][\p{L}'’.&-]*/gu;

/**
 * The capitalised names in a text ("U.S. Department of Veterans Affairs", "Nihon Kohden"), with
 * their offsets: an organisation's initials beside its name need no spelling out (VA, DOD).
 */
export function namesIn(text: string): { text: string; start: number }[] {
  NAME_RUN.lastIndex = 0;
  return [...text.matchAll(NAME_RUN)].map((m) => ({ text: m[0], start: m.index }));
}

/**
 * True when the initials of a run of a name's words, from its first word or up to its last, spell
 * the acronym: "Department of Veterans Affairs" spells VA and DVA, "Department of Defense" DOD and
 * DD. Small words may give their letter or not. Two words at least: one word is no name for initials.
 */
export function nameSpells(name: string, acronym: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const words = name.split(/[\s-]+/).map((w) => w.replace(/[^\p{L}&]/gu, '')).filter(Boolean);
  if (letters.length < 2 || words.length < 2) return false;
  const spells = (run: string[]): boolean => {
    const go = (w: number, l: number): boolean => {
      if (w === run.length) return l === letters.length;
      const word = run[w].toLowerCase();
      const small = STOP_WORDS.has(word);
      if (small && go(w + 1, l)) return true;
      return l < letters.length && word[0] === letters[l] && go(w + 1, l + 1);
    };
    return run.filter((x) => !STOP_WORDS.has(x.toLowerCase())).length >= 2 && go(0, 0);
  };
  for (let n = 2; n <= Math.min(words.length, letters.length * 2); n++) {
    if (spells(words.slice(0, n)) || spells(words.slice(words.length - n))) return true;
  }
  return false;
}

import { docRange, isAllowed, type PlacedBlock, type PreparedDocument, type RawFinding, type Rule } from '../core/document';
import { baseForms } from '../core/tokens';
import { isKnownAcronym } from '../core/known-acronyms';
import { daleChall } from 'dale-chall';

const ACRONYM = /^[a-z]?[A-Z][A-Z0-9]*$/;
const COMMON_WORDS = new Set(daleChall);
const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'to', 'on', 'a', 'an', '&', 'with', 'or', 'by', 'at']);

interface Occurrence {
  block: PlacedBlock;
  /** The acronym without a plural or possessive ending. */
  acronym: string;
  start: number;
  end: number;
  /** The acronym is spelled out right here: "user acceptance testing (UAT)" or "UAT (user ...)". */
  spelledOut: boolean;
}

/** An acronym not spelled out at its first use. Later uses pass once it has been spelled out. */
export const undefinedAcronym: Rule = {
  id: 'undefined-acronym',
  description: 'An acronym that is not spelled out the first time it appears.',
  defaultSeverity: 'warning',
  check(doc) {
    const seen = new Map<string, Occurrence[]>();
    for (const block of doc.blocks) {
      for (const occurrence of occurrencesIn(doc, block)) {
        const list = seen.get(occurrence.acronym);
        if (list) list.push(occurrence);
        else seen.set(occurrence.acronym, [occurrence]);
      }
    }
    const findings: RawFinding[] = [];
    for (const [acronym, list] of seen) {
      const first = list[0];
      if (first.spelledOut) continue;
      const entry = doc.glossary.lookup(acronym);
      if (isAllowed(doc, acronym, entry?.term)) continue;
      // Jargon for this audience is already flagged there, with "spell out" among its fixes.
      const jargonOn = (doc.config.rules.jargon ?? 'warning') !== 'off';
      if (jargonOn && entry && !entry.banned && first.block.audience.some((a) => !entry.familiarTo.includes(a))) continue;
      const { start, end } = docRange(first.block, first.start, first.end);
      const original = doc.text.slice(start, end);
      const later = list.find((o) => o.spelledOut);
      const knownToAll = entry && first.block.audience.every((a) => entry.familiarTo.includes(a));
      const where = later ? ` It is spelled out later (line ${lineOf(doc.text, docRange(later.block, later.start, later.end).start)}): move that to here.` : '';
      const message = entry?.expansion
        ? `"${acronym}" is not spelled out at its first use: write "${entry.expansion} (${acronym})".${where}`
        : `"${acronym}" is not spelled out at its first use: write the full words followed by "(${acronym})".${where}`;
      findings.push({
        message,
        start,
        end,
        audience: first.block.audience,
        term: acronym,
        severity: knownToAll ? 'info' : undefined,
        fixes: entry?.expansion
          ? [{ title: `Spell out at first use: "${entry.expansion} (${original})"`, edits: [{ start, end, newText: `${entry.expansion} (${original})` }] }]
          : [],
        data: { expansion: entry?.expansion, uses: list.length },
      });
    }
    return findings;
  },
};

function occurrencesIn(doc: PreparedDocument, block: PlacedBlock): Occurrence[] {
  const text = block.analysis.text;
  const tokens = block.analysis.tokens;
  const out: Occurrence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // "HL7-based", "ED/ICU": each part may be an acronym.
    let offset = token.start;
    for (const part of token.text.split(/([-/])/)) {
      const start = offset;
      offset += part.length;
      if (part === '-' || part === '/' || !part) continue;
      const acronym = acronymOf(part);
      if (!acronym) continue;
      if (isKnownAcronym(doc.knownAcronyms, acronym, text, start)) continue;
      if (insideBlank(text, start, start + part.length)) continue;
      if (isShouting(tokens, i, doc)) continue;
      out.push({ block, acronym, start, end: start + part.length, spelledOut: isSpelledOut(doc, acronym, text, start, start + part.length) });
    }
  }
  return out;
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

/** "PLEASE READ: SYSTEM DOWN TONIGHT": capitals for emphasis, not acronyms, unless a known term. */
function isShouting(tokens: { text: string }[], i: number, doc: PreparedDocument): boolean {
  const word = tokens[i].text;
  if (doc.glossary.lookup(word)) return false;
  const caps = (t: { text: string } | undefined) => t !== undefined && /^[A-Z][A-Z'’]+$/.test(t.text);
  const run = caps(tokens[i - 1]) || caps(tokens[i + 1]);
  if (COMMON_WORDS.has(word.toLowerCase()) && (run || word.length > 3)) return true;
  let length = 1;
  for (let k = i - 1; caps(tokens[k]); k--) length++;
  for (let k = i + 1; caps(tokens[k]); k++) length++;
  return length >= 3;
}

function isSpelledOut(doc: PreparedDocument, acronym: string, text: string, start: number, end: number): boolean {
  const entry = doc.glossary.lookup(acronym);
  const expansions = [entry?.expansion].filter((e): e is string => Boolean(e));
  // "UAT (user acceptance testing)", "UAT: user acceptance testing", "UAT - user acceptance testing".
  const after = /^\s*(?:\(([^)]{3,120})\)|(?::|—|–|-|means|stands for|is short for)\s+([^.;()]{3,120}))/.exec(text.slice(end, end + 140));
  if (after) {
    const phrase = after[1] ?? after[2];
    if (matchesExpansion(phrase, acronym, expansions, 'start')) return true;
  }
  // "user acceptance testing (UAT)".
  const before = text.slice(Math.max(0, start - 160), start);
  const open = /\(\s*$/.exec(before);
  if (open && /^\s*\)/.test(text.slice(end))) {
    const phrase = before.slice(0, open.index);
    if (matchesExpansion(phrase, acronym, expansions, 'end')) return true;
  }
  return false;
}

/** True when the phrase is a known expansion or its words' initials spell the acronym. */
function matchesExpansion(phrase: string, acronym: string, expansions: string[], anchor: 'start' | 'end'): boolean {
  const normal = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const p = normal(phrase);
  for (const e of expansions) {
    const n = normal(e);
    if (anchor === 'end' ? p.endsWith(n) : p.startsWith(n)) return true;
  }
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const words = phrase.split(/[\s\-/]+/).map((w) => w.replace(/[^\p{L}\p{N}&]/gu, '')).filter(Boolean);
  if (words.length === 0 || letters.length === 0) return false;
  // Try every run of words ending (or starting) at the anchor.
  for (let n = 1; n <= Math.min(words.length, letters.length + 4); n++) {
    const run = anchor === 'end' ? words.slice(words.length - n) : words.slice(0, n);
    if (initialsSpell(run, letters)) return true;
  }
  return false;
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

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

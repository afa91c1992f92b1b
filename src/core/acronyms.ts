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
}

/**
 * The acronyms of one block of prose, each with whether it is spelled out where it stands.
 * Computed once per block when it is analysed; the rule only walks them in document order.
 */
export function findAcronyms(text: string, tokens: Token[], glossary: Glossary, known: KnownAcronyms): AcronymUse[] {
  const out: AcronymUse[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // "HL7-based", "ED/ICU": each part may be an acronym.
    let offset = token.start;
    // "CHG-20418", "INC-4471": a record number, not an acronym to spell out.
    if (/^[A-Z]{2,6}-\d{3,}$/.test(token.text)) continue;
    for (const part of token.text.split(/([-/])/)) {
      const start = offset;
      offset += part.length;
      if (part === '-' || part === '/' || !part) continue;
      const acronym = acronymOf(part);
      if (!acronym) continue;
      if (isKnownAcronym(known, acronym, text, start)) continue;
      if (insideBlank(text, start, start + part.length)) continue;
      if (isShouting(tokens, i, glossary)) continue;
      out.push({ acronym, start, end: start + part.length, spelledOut: isSpelledOut(glossary, acronym, text, start, start + part.length) });
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
function isShouting(tokens: { text: string }[], i: number, glossary: Glossary): boolean {
  const word = tokens[i].text;
  if (glossary.lookup(word)) return false;
  const caps = (t: { text: string } | undefined) => t !== undefined && /^[A-Z][A-Z'’]+$/.test(t.text);
  const run = caps(tokens[i - 1]) || caps(tokens[i + 1]);
  if (COMMON_WORDS.has(word.toLowerCase()) && (run || word.length > 3)) return true;
  let length = 1;
  for (let k = i - 1; caps(tokens[k]); k--) length++;
  for (let k = i + 1; caps(tokens[k]); k++) length++;
  return length >= 3;
}

function isSpelledOut(glossary: Glossary, acronym: string, text: string, start: number, end: number): boolean {
  const entry = glossary.lookup(acronym);
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


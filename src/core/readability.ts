/**
 * Per-sentence readability, computed the way retext-readability computes it (same formulas, same
 * counts, same age conversions) so that its decisions are identical, but with the familiar-word
 * lists in Sets: retext-readability scans them with Array.includes for every word, which is most
 * of a check's time. It also keeps the scores, which the messages and hovers need.
 * test/unit/retext-parity.test.ts holds us to identical results.
 */
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import { syllable } from 'syllable';
import type { ReadabilityTarget } from './types';

const SPACHE = new Set(spache);
const DALE_CHALL = new Set(daleChall);

/** Words repeat across a draft; counting syllables is regular-expression work worth doing once. */
const syllableCache = new Map<string, number>();

export function syllablesOf(word: string): number {
  let n = syllableCache.get(word);
  if (n === undefined) {
    n = syllable(word);
    if (syllableCache.size > 50_000) syllableCache.clear();
    syllableCache.set(word, n);
  }
  return n;
}

export interface SentenceScores {
  words: number;
  syllables: number;
  /** Words of three or more syllables. */
  longWords: number;
  /** Reader ages from the seven formulas, in retext-readability's order. */
  ages: number[];
  /** Flesch-Kincaid grade level. */
  grade: number;
}

/**
 * The words of three or more syllables in a sentence, longest first and each once, for messages
 * that name what makes a sentence hard ("modernization, accountability").
 */
export function hardWords(sentence: string, limit = 4): string[] {
  const seen = new Set<string>();
  const out: { word: string; syllables: number }[] = [];
  for (const m of sentence.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    const key = word.toLowerCase();
    if (seen.has(key) || /^[A-Z0-9-]+$/.test(word)) continue;
    seen.add(key);
    const syllables = syllablesOf(word);
    if (syllables >= 3) out.push({ word, syllables });
  }
  return out.sort((a, b) => b.syllables - a.syllables || b.word.length - a.word.length).slice(0, limit).map((w) => w.word);
}

export function scoreSentence(words: readonly string[]): SentenceScores {
  const familiar = new Set<string>();
  const easy = new Set<string>();
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;

  for (const value of words) {
    const caseless = value.toLowerCase();
    const syllables = syllablesOf(value);
    totalSyllables += syllables;
    letters += value.length;
    if (syllables >= 3) {
      polysillabicWord++;
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complexPolysillabicWord++;
    }
    if (SPACHE.has(caseless)) familiar.add(caseless);
    if (DALE_CHALL.has(caseless)) easy.add(caseless);
  }
  const wordCount = words.length;
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easy.size,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiar.size,
    word: wordCount,
  };
  const ages = wordCount === 0 ? [] : [
    gradeToAge(automatedReadability(counts)),
    gradeToAge(colemanLiau(counts)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
    fleschToAge(flesch(counts)),
    gradeToAge(gunningFog(counts)),
    smogToAge(smogFormula(counts)),
    gradeToAge(spacheFormula(counts)),
  ];
  return {
    words: wordCount,
    syllables: totalSyllables,
    longWords: polysillabicWord,
    ages,
    grade: wordCount === 0 ? 0 : fleschKincaidGrade(wordCount, 1, totalSyllables),
  };
}

/** How many of the seven formulas put the sentence above the target age. */
export function failingFormulas(scores: SentenceScores, target: ReadabilityTarget): number {
  return scores.ages.filter((age) => age > target.age).length;
}

/** retext-readability's decision: enough words, and at least `threshold` of the formulas fail. */
export function isHardToRead(scores: SentenceScores, target: ReadabilityTarget): boolean {
  if (scores.words < target.minWords || scores.ages.length === 0) return false;
  return failingFormulas(scores, target) / scores.ages.length >= target.threshold;
}

export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/**
 * A sentence's grade for messages and hovers: the median of the seven formulas' grades, the figure
 * that agrees with the readability rule's flag itself (it fails when most formulas fail).
 */
export function sentenceGrade(scores: SentenceScores): number {
  const grades = scores.ages.map(ageToGrade).sort((a, b) => a - b);
  return grades.length ? Math.max(0, grades[Math.floor(grades.length / 2)]) : 0;
}

/** The US school grade that a reader age corresponds to, as retext-readability converts it. */
export function ageToGrade(age: number): number {
  return age - 5;
}

function gradeToAge(grade: number): number {
  return Math.round(grade + 5);
}

function fleschToAge(value: number): number {
  return 20 - Math.floor(value / 10);
}

function smogToAge(value: number): number {
  return Math.ceil(Math.sqrt(value) + 2.5);
}

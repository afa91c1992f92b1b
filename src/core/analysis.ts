import { ParseEnglish } from 'parse-english';
import { toString } from 'nlcst-to-string';
import { createPassiveFinder, createSimplifier } from './phrases';
import { findAcronyms, type AcronymUse } from './acronyms';
import { knownAcronyms } from './known-acronyms';
import type { Root as NlcstRoot, Sentence as NlcstSentence } from 'nlcst';
import { parseChunk, type Comment, type ProseBlock, type Table } from './markdown';
import { scoreSentence, type SentenceScores } from './readability';
import { tokenize, type Token } from './tokens';
import type { Glossary, GlossaryMatch } from './glossary';

/** What the engine knows about one block of prose, independent of audience and config. */
export interface BlockAnalysis extends ProseBlock {
  tokens: Token[];
  sentences: SentenceInfo[];
  words: number;
  syllables: number;
  glossary: GlossaryMatch[];
  simplify: PhraseHit[];
  passive: PhraseHit[];
  acronyms: AcronymUse[];
}

export interface SentenceInfo {
  /** Prose offsets. */
  start: number;
  end: number;
  scores: SentenceScores;
}

/** A retext plugin's hit in prose offsets, with the wording it suggests. */
export interface PhraseHit {
  start: number;
  end: number;
  actual: string;
  expected: string[];
}

export interface ChunkAnalysis {
  blocks: BlockAnalysis[];
  comments: Comment[];
  /** Audience markers (`<!-- audience: admin -->`): the value and its chunk offset. */
  markers: { value: string; start: number }[];
  tables: Table[];
  /** Why this chunk could not be checked, when it could not (the chunk then has no blocks). */
  failure?: string;
}

const MARKER = /^audience\s*:\s*(.*)$/i;

const english = new ParseEnglish();
/**
 * retext-simplify's "omit" entries that read as grammar, not padding, in this field: "how you
 * will know it is back", "do not type the number", "the charge nurse is responsible for".
 */
export const SIMPLIFY_IGNORE = ['it is', 'there are', 'there is', 'type', 'is responsible for', 'appropriate', 'overall'];
const simplify = createSimplifier(SIMPLIFY_IGNORE);
const passive = createPassiveFinder();

/** Analyses the chunks of a draft that are not cached yet. */
export function analyseChunks(texts: string[], glossary: Glossary): ChunkAnalysis[] {
  return texts.map((text) => {
    try {
      return analyseChunk(text, glossary);
    } catch (error) {
      // One part that cannot be read must not cost the writer the rest of the draft: the linter
      // reports it as one finding at the top (src/core/linter.ts).
      return { blocks: [], comments: [], markers: [], tables: [], failure: (error as Error).message || String(error) };
    }
  });
}

function analyseChunk(text: string, glossary: Glossary): ChunkAnalysis {
  const chunk = parseChunk(text);
  const blocks = chunk.blocks.map((block): BlockAnalysis => {
    const tokens = tokenize(block.text);
    const tree = english.parse(forNlp(block.text)) as NlcstRoot;
    const sentences: SentenceInfo[] = [];
    let words = 0;
    let syllables = 0;
    const analysis: BlockAnalysis = { ...block, tokens, sentences, words: 0, syllables: 0, glossary: glossary.match(block.text, tokens), simplify: simplify(tree), passive: passive(tree), acronyms: findAcronyms(block.text, tokens, glossary, knownAcronyms()) };
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue;
        for (const info of sentenceInfos(sentence, block.kind === 'tableCell')) {
          sentences.push(info);
          words += info.scores.words;
          syllables += info.scores.syllables;
        }
      }
    }
    analysis.words = words;
    analysis.syllables = syllables;
    analysis.passive = passiveHits(analysis.passive, block.text);
    return analysis;
  });
  return {
    comments: chunk.comments,
    tables: chunk.tables ?? [],
    markers: chunk.comments.flatMap((c) => {
      const m = MARKER.exec(c.body);
      return m ? [{ value: m[1], start: c.start }] : [];
    }),
    blocks,
  };
}

/**
 * The words of a piece of prose as the readability scores count them (retext's word nodes), so
 * that a fix can tell whether it would make its sentence hard or long exactly as the
 * readability and long-sentence rules will judge it ("1.2 million" is two words, not three).
 */
export function proseWords(text: string): string[] {
  const words: string[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'WordNode') words.push(toString(node as NlcstSentence));
    else for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(english.parse(forNlp(text)) as NlcstRoot);
  return words;
}

const LONG_WORD = /[^\s]{200,}/g;

/**
 * The prose as retext reads it: a "word" of 200 or more characters (a 200 KB hyphen-joined one
 * overflowed parse-latin's stack) has its joining marks read as spaces. Same length, so
 * sentence offsets still hold.
 */
function forNlp(text: string): string {
  if (text.length < 200) return text;
  LONG_WORD.lastIndex = 0;
  if (!LONG_WORD.test(text)) return text;
  LONG_WORD.lastIndex = 0;
  return text.replace(LONG_WORD, (word) => word.replace(/[^\p{L}\p{N}]/gu, ' '));
}

/** Lower-case abbreviations after which a full stop and a capital do not end the sentence. */
const NOT_SENTENCE_ENDS = new Set(['vs', 'etc', 'approx', 'ext', 'dept', 'no', 'nos', 'cf', 'al', 'fig', 'vol', 'pp', 'ca', 'esp', 'incl', 'min', 'max', 'mr', 'mrs', 'ms', 'dr', 'st']);

/**
 * parse-english keeps "do not type the number in. Call pharmacy" as one sentence ("in." may be
 * inches); a reader, and GNU style, read two. A full stop after a lower-case word that is no
 * abbreviation, before a capital, ends the sentence.
 */
function endsSentence(word: string | undefined): boolean {
  return word !== undefined && /^[a-z]{2,}$/.test(word) && !NOT_SENTENCE_ENDS.has(word);
}

/**
 * The sentences of a parsed sentence as a reader reads them: a colon that ends a label ("What we
 * know: Since 7:40...", "Impact: all units") ends a sentence, and so does a line break before a
 * capital in a table cell (its lines are separate entries; in a paragraph, a line break is only
 * where the writer's editor wrapped the text). GNU style splits at every colon; a colon inside a
 * sentence ("two objectives: supporting...") is kept when a short label does not stand before it.
 */
function sentenceInfos(sentence: NlcstSentence, lineEndsSentence: boolean): SentenceInfo[] {
  const start = sentence.position?.start.offset;
  const end = sentence.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const out: SentenceInfo[] = [];
  let words: string[] = [];
  let from = start;
  let to = start;
  const children = sentence.children;
  const nextWord = (k: number) => {
    for (let j = k + 1; j < children.length; j++) {
      const c = children[j];
      if (c.type === 'WordNode') return toString(c);
      if (c.type !== 'WhiteSpaceNode' && c.type !== 'SymbolNode' && c.type !== 'PunctuationNode') return undefined;
    }
    return undefined;
  };
  const flush = (at: number) => {
    if (words.length) out.push({ start: from, end: to, scores: scoreSentence(words) });
    words = [];
    from = at;
  };
  for (let k = 0; k < children.length; k++) {
    const child = children[k];
    const position = child.position;
    if (child.type === 'WordNode') {
      const word = toString(child);
      if (position?.end.offset !== undefined) to = position.end.offset;
      // parse-english reads "in." as one word (inches) and goes on into "Call pharmacy".
      const stop = /^([a-z]{2,})\.$/.exec(word);
      const next = stop ? nextWord(k) : undefined;
      if (stop && next !== undefined && /^[A-Z]/.test(next) && /^\s/.test(toString(children[k + 1] ?? child)) && endsSentence(stop[1])) {
        words.push(stop[1]);
        flush(children[k + 1]?.position?.end.offset ?? to);
        continue;
      }
      words.push(word);
      continue;
    }
    const value = toString(child);
    const after = position?.end.offset ?? to;
    const next = nextWord(k);
    const capital = next !== undefined && /^[A-Z0-9]/.test(next);
    if (child.type === 'PunctuationNode' && value === ':' && /^\s/.test(toString(children[k + 1] ?? child)) && (capital || words.length <= 3)) {
      to = after;
      flush(after);
    } else if (lineEndsSentence && child.type === 'WhiteSpaceNode' && value.includes('\n') && capital && words.length > 0) {
      flush(after);
    } else if (position?.end.offset !== undefined && words.length) {
      if (child.type !== 'WhiteSpaceNode') to = position.end.offset;
    }
  }
  if (words.length) out.push({ start: from, end: Math.max(to, from), scores: scoreSentence(words) });
  return out;
}

/**
 * retext-passive knows irregular participles only ("taken", "built"); health IT notices are full
 * of regular ones ("will be verified", "was completed"), so those are found here as well.
 */
const REGULAR_PASSIVE = /\b(?:am|are|were|being|is|been|was|be)\s+(?:\w+ly\s+)?(\w{3,}ed)\b/gi;
const NOT_PARTICIPLES = new Set(['need', 'feed', 'speed', 'seed', 'bed', 'red', 'shed', 'bleed', 'breed', 'proceed', 'exceed', 'succeed', 'hundred']);

/**
 * Participles that, after "be", name a state rather than an act nobody owns: "Who is affected",
 * "What information was involved" (the headings HHS asks breach letters to use), "Clinics are
 * closed", "The unit is located on 4 West". An editor asks no one to say who did them.
 */
const STATIVE = new Set(['affected', 'involved', 'closed', 'located', 'based', 'related', 'concerned', 'interested', 'supposed', 'unaffected', 'uninvolved']);

function passiveHits(fromPlugin: PhraseHit[], text: string): PhraseHit[] {
  const found = fromPlugin.map((hit) => withHelperVerb(hit, text)).filter((hit) => !STATIVE.has(/(\w+)\W*$/.exec(hit.actual)?.[1].toLowerCase() ?? ''));
  REGULAR_PASSIVE.lastIndex = 0;
  for (let m = REGULAR_PASSIVE.exec(text); m; m = REGULAR_PASSIVE.exec(text)) {
    if (NOT_PARTICIPLES.has(m[1].toLowerCase()) || STATIVE.has(m[1].toLowerCase())) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    if (found.some((h) => h.start < end && start < h.end)) continue;
    found.push({ start, end, actual: m[0], expected: [] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Widens a passive hit to take in its helper verb ("is closed", not just "closed"). */
function withHelperVerb(hit: PhraseHit, text: string): PhraseHit {
  const before = /\b(am|are|were|being|is|been|was|be)\s+(?:\w+ly\s+)?$/i.exec(text.slice(Math.max(0, hit.start - 40), hit.start));
  if (!before) return hit;
  const start = hit.start - before[0].length;
  return { ...hit, start, actual: text.slice(start, hit.end) };
}

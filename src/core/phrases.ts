/**
 * retext-simplify's and retext-passive's phrase searches, run the way nlcst-search runs them
 * (same normalisation, same literal check, same order of results) but with the phrase index
 * built once instead of on every run, and without a generic tree walker: on a full draft the
 * two plugins took a quarter of the check. test/unit/retext-parity.test.ts holds the results
 * identical to the plugins'.
 */
import { isLiteral } from 'nlcst-is-literal';
import { normalize } from 'nlcst-normalize';
import { toString } from 'nlcst-to-string';
import type { Root, Sentence, SentenceContent } from 'nlcst';
// Neither package exports its data: scripts/vendor-phrase-lists.mjs copies both lists (MIT) into
// data/vendor/, and test/unit/vendor-data.test.ts keeps the copies equal to the installed packages.
import simplifyData from '../../data/vendor/retext-simplify-patterns.json';
import passiveData from '../../data/vendor/retext-passive-list.json';

const patterns: Readonly<Record<string, { replace: readonly string[]; omit?: boolean }>> = simplifyData.patterns;
const passiveParticiples: readonly string[] = passiveData.list;

export interface PhraseMatch {
  start: number;
  end: number;
  actual: string;
  expected: string[];
}

/** nlcst-normalize's default: lower case, no apostrophes, no dashes; cached, words repeat. */
const normalized = new Map<string, string>();
function normalizeWord(value: string): string {
  let n = normalized.get(value);
  if (n === undefined) {
    n = value.toLowerCase().replace(/[’'-]/g, '');
    if (normalized.size > 50_000) normalized.clear();
    normalized.set(value, n);
  }
  return n;
}

interface Phrase {
  phrase: string;
  /** The normalised words after the first ('*' matches any word). */
  rest: string[];
}

class PhraseIndex {
  private readonly byWord = new Map<string, Phrase[]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const [first, ...rest] = phrase.split(' ');
      const key = normalize(first);
      const entry = { phrase, rest: rest.map((w) => (w === '*' ? w : normalize(w))) };
      const list = this.byWord.get(key);
      if (list) list.push(entry);
      else this.byWord.set(key, [entry]);
    }
  }

  /** Calls `found` for each phrase match, in document order, as nlcst-search does. */
  search(tree: Root, found: (match: SentenceContent[], index: number, parent: Sentence, phrase: string) => void): void {
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue;
        const siblings = sentence.children;
        for (let i = 0; i < siblings.length; i++) {
          const node = siblings[i];
          if (node.type !== 'WordNode') continue;
          const candidates = this.byWord.get(normalizeWord(toString(node)));
          if (!candidates) continue;
          if (isLiteral(sentence, i)) continue;
          for (const candidate of candidates) {
            const match = matchAt(candidate.rest, i, siblings);
            if (match) found(match, i, sentence, candidate.phrase);
          }
        }
      }
    }
  }
}

function matchAt(rest: string[], start: number, siblings: SentenceContent[]): SentenceContent[] | undefined {
  let position = start + 1;
  for (const expression of rest) {
    while (position < siblings.length && siblings[position].type === 'WhiteSpaceNode') position++;
    const node = siblings[position];
    if (!node || node.type !== 'WordNode' || (expression !== '*' && expression !== normalizeWord(toString(node)))) return undefined;
    position++;
  }
  return siblings.slice(start, position);
}

function toMatch(match: SentenceContent[], expected: string[]): PhraseMatch | undefined {
  const start = match[0].position?.start.offset;
  const end = match[match.length - 1].position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return { start, end, actual: toString(match), expected };
}

export function createSimplifier(ignore: readonly string[]): (tree: Root) => PhraseMatch[] {
  const index = new PhraseIndex(Object.keys(patterns).filter((p) => !ignore.includes(p)));
  return (tree) => {
    const out: PhraseMatch[] = [];
    index.search(tree, (match, _i, _parent, phrase) => {
      const hit = toMatch(match, [...patterns[phrase].replace]);
      if (hit) out.push(hit);
    });
    return out;
  };
}

const BE_VERBS = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be']);

export function createPassiveFinder(): (tree: Root) => PhraseMatch[] {
  const index = new PhraseIndex(passiveParticiples);
  return (tree) => {
    const out: PhraseMatch[] = [];
    index.search(tree, (match, i, parent) => {
      let before: SentenceContent | undefined;
      for (let k = i - 1; k >= 0; k--) {
        if (parent.children[k].type === 'WordNode') {
          before = parent.children[k];
          break;
        }
      }
      if (!before || !BE_VERBS.has(toString(before).toLowerCase())) return;
      const hit = toMatch(match, []);
      if (hit) out.push(hit);
    });
    return out;
  };
}

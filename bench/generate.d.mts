// Types for bench/generate.mjs, which test/unit/incremental.test.ts imports for its drafts.
export declare const SIZES: number[];
export declare const DEFAULT_SEED: number;
export interface Prng {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  between(lo: number, hi: number): number;
}
export declare function prng(seed: number): Prng;
export declare const SLOTS: Record<string, string[]>;
export declare const SENTENCES: Record<string, string[]>;
export declare function countWords(text: string): number;
export declare function makeDraft(words: number, seed?: number): string;
export declare function corpusPath(words: number): string;

/**
 * Work cut into steps: a generator that `yield`s wherever it may stop for a moment. The same
 * generator is run to completion for a synchronous result (`runSteps`: `lint`) or in slices with
 * turns of the event loop between them (`driveSteps`: `lintAsync`), so that the two give one result
 * by construction. A 5 MB draft's document-level rules took seconds in one go; cut at their blocks,
 * no slice holds the language server or the editor for long (bench/safety.mjs measures it).
 *
 * Plain TypeScript, no Node: `setTimeout` and `Date` exist in Node, browsers and web workers.
 */
import type { SliceOptions } from './glossary-compile';

/** A computation of a `T` that may stop at each `yield`. */
export type Steps<T> = Generator<void, T, void>;

/** True for a generator (a rule's `check` may return findings or steps that make them). */
export function isSteps<T>(value: T | Steps<T>): value is Steps<T> {
  return typeof value === 'object' && value !== null && typeof (value as { next?: unknown }).next === 'function' && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' && !Array.isArray(value);
}

/** Runs steps to their end, in one go. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const defaultPause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How slicing went, for tests and the benchmark: counts, not times. */
export interface SliceCounts {
  /** Yields reached (places where the work could stop). */
  yields: number;
  /** Turns of the event loop taken. */
  pauses: number;
}

/**
 * Runs steps in slices: after a yield, once the slice has run `sliceMs` (default 30; 0 pauses at
 * every yield), it gives the event loop a turn (`pause`). When `signal.aborted` is true after a
 * pause it stops the steps and rejects with an error named `AbortError`.
 */
export async function driveSteps<T>(steps: Steps<T>, options: SliceOptions = {}, counts?: SliceCounts): Promise<T> {
  const pause = options.pause ?? defaultPause;
  const sliceMs = options.sliceMs ?? 30;
  let sliceStart = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (counts) counts.yields++;
    if (sliceMs > 0 && Date.now() - sliceStart < sliceMs) continue;
    await pause();
    if (counts) counts.pauses++;
    if (options.signal?.aborted) {
      steps.return(undefined as T);
      throw Object.assign(new Error('Check cancelled: a newer version of the draft arrived'), { name: 'AbortError' });
    }
    sliceStart = Date.now();
  }
}

/**
 * Binary search over sorted data, in one place: where the engine looks up an offset among sorted
 * offsets (prose-to-source maps, line starts, insertion slots, block and cell starts, suppressed
 * ranges), each lookup is O(log n), so that a long draft stays linear. Written once here because
 * hand-written copies differ in their `<` and `<=` and in what they return at the ends
 * (test/unit/sorted-search.test.ts holds each to a linear scan).
 */

/**
 * The first index in [0, n) at which `before` is false, or n: `before` must hold for a prefix of
 * the indices and for none after it (an array sorted by the key `before` compares). Rust's
 * `partition_point`, C++'s `std::partition_point`.
 */
export function partitionPoint(n: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of values in sorted xs[0..n) below x (`orEqual`: at or below x). No closure: prose maps call it per character range. */
function countBelow(xs: ArrayLike<number>, x: number, n: number, orEqual: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (orEqual ? xs[mid] <= x : xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value ≥ x in sorted xs[0..n), or n (a lower bound). */
export function firstAtOrAfter(xs: ArrayLike<number>, x: number, n = xs.length): number {
  return countBelow(xs, x, n, false);
}

/** Index of the first value > x in sorted xs[0..n), or n (an upper bound). */
export function firstAfter(xs: ArrayLike<number>, x: number, n = xs.length): number {
  return countBelow(xs, x, n, true);
}

/** Index of the last value ≤ x in sorted xs[0..n), or -1. */
export function lastAtOrBefore(xs: ArrayLike<number>, x: number, n = xs.length): number {
  return countBelow(xs, x, n, true) - 1;
}

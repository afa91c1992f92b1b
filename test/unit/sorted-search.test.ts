// The binary searches the engine shares (src/core/sorted-search.ts), held to a linear scan on
// every sorted array fast-check generates (duplicates, empty, a prefix `n`) and every x around it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstAfter, firstAtOrAfter, lastAtOrBefore, partitionPoint } from '../../src/core/sorted-search';

const sortedWithPrefix = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 40 })
  .map((xs) => xs.sort((a, b) => a - b))
  .chain((xs) => fc.record({ xs: fc.constant(xs), n: fc.integer({ min: 0, max: xs.length }), x: fc.integer({ min: -22, max: 22 }) }));

const scan = (n: number, before: (i: number) => boolean) => {
  let i = 0;
  while (i < n && before(i)) i++;
  return i;
};

test('each search gives what a linear scan of the sorted values gives', () => {
  fc.assert(fc.property(sortedWithPrefix, ({ xs, n, x }) => {
    assert.equal(firstAtOrAfter(xs, x, n), scan(n, (i) => xs[i] < x), 'first value >= x');
    assert.equal(firstAfter(xs, x, n), scan(n, (i) => xs[i] <= x), 'first value > x');
    assert.equal(lastAtOrBefore(xs, x, n), scan(n, (i) => xs[i] <= x) - 1, 'last value <= x');
    assert.equal(partitionPoint(n, (i) => xs[i] < x), firstAtOrAfter(xs, x, n));
    // Without n, the whole array.
    assert.equal(firstAtOrAfter(xs, x), scan(xs.length, (i) => xs[i] < x));
  }), { numRuns: 2000 });
});

test('the ends: an empty array, a value before all, after all, and equal runs', () => {
  assert.equal(firstAtOrAfter([], 3), 0);
  assert.equal(lastAtOrBefore([], 3), -1);
  assert.equal(firstAtOrAfter([1, 2, 2, 2, 5], 2), 1);
  assert.equal(firstAfter([1, 2, 2, 2, 5], 2), 4);
  assert.equal(lastAtOrBefore([1, 2, 2, 2, 5], 2), 3);
  assert.equal(lastAtOrBefore([1, 2, 5], 0), -1);
  assert.equal(firstAtOrAfter([1, 2, 5], 9), 3);
  // Typed arrays (prose maps are Int32Array) are searched the same way.
  assert.equal(firstAtOrAfter(Int32Array.from([0, 4, 8]), 5), 2);
  // A key of objects, as insertion slots and spans are searched.
  const slots = [{ offset: 0 }, { offset: 10 }, { offset: 10 }, { offset: 30 }];
  assert.equal(partitionPoint(slots.length, (i) => slots[i].offset <= 10) - 1, 2, 'last slot at or before 10');
  assert.equal(partitionPoint(slots.length, (i) => slots[i].offset < 10), 1, 'first slot at or after 10');
});

test('it looks at about log2(n) values, not n', () => {
  let looked = 0;
  const n = 1 << 20;
  assert.equal(partitionPoint(n, (i) => (looked++, i < 777_777)), 777_777);
  assert.ok(looked <= 21, `${looked} looks for a million values`);
});

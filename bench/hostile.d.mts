// Types for bench/hostile.mjs, which test/unit/hostile-input.test.ts imports for its shapes.
export declare const HOSTILE: Record<string, (size: number) => string>;
export declare const BENCH_SHAPES: Record<string, (size: number) => string>;

// Safety figures of the benchmark (issue 9), used by bench/run.mjs:
//   - each hostile 1 MB shape of bench/hostile.mjs, timed against a normal 1 MB draft, as a ratio;
//   - (see measureBlocking) how long the engine holds the event loop at most while a large team
//     glossary compiles and while a 5 MB draft is checked asynchronously.
import { performance } from 'node:perf_hooks';
import { makeDraft } from './generate.mjs';
import { BENCH_SHAPES } from './hostile.mjs';

export const HOSTILE_SIZE = 1_000_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A normal draft of about `chars` characters, cut at a block boundary. */
export function normalDraft(chars, seed) {
  const text = makeDraft(Math.ceil(chars / 6), seed);
  const cut = text.lastIndexOf('\n\n', chars);
  return text.slice(0, cut === -1 ? chars : cut) + '\n';
}

/** Wall and CPU time in ms of one call. */
function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const d = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (d.user + d.system) / 1000 };
}

/**
 * Medians of full checks (`core.lint`, a fresh linter each time) of each shape at 1 MB, and of a
 * normal 1 MB draft timed between the shapes (so that a change in the machine's load falls on
 * both), with each shape's ratio to the normal draft.
 */
export function measureHostile(core, runs, onProgress = () => {}) {
  const normal = normalDraft(HOSTILE_SIZE);
  core.lint(normal);
  const normalTimes = [];
  const shapes = [];
  for (const [name, make] of Object.entries(BENCH_SHAPES)) {
    const text = make(HOSTILE_SIZE);
    core.lint(text.slice(0, 10_000));
    const times = [];
    for (let i = 0; i < runs; i++) {
      normalTimes.push(timed(() => core.lint(normal)));
      times.push(timed(() => core.lint(text)));
    }
    shapes.push({ name, characters: text.length, wallMs: median(times.map((t) => t.wall)), cpuMs: median(times.map((t) => t.cpu)) });
    onProgress(name);
  }
  const normalWall = median(normalTimes.map((t) => t.wall));
  const normalCpu = median(normalTimes.map((t) => t.cpu));
  for (const s of shapes) {
    s.ratio = s.wallMs / normalWall;
    s.cpuRatio = s.cpuMs / normalCpu;
  }
  return { size: HOSTILE_SIZE, runs, normal: { characters: normal.length, wallMs: normalWall, cpuMs: normalCpu }, shapes, worstRatio: Math.max(...shapes.map((s) => s.ratio)), worstCpuRatio: Math.max(...shapes.map((s) => s.cpuRatio)) };
}

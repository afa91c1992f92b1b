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

/** A team glossary of `n` terms in the usual shape (`terms:` over `- term:` items). */
export function teamGlossary(n, tag = '') {
  const lines = ['version: 1', 'terms:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  - term: Widget${tag}${i} frame`, `    definition: The frame number ${i} of the widget line.`, `    plain: frame ${i}`);
    if (i % 4 === 0) lines.push(`    aliases: [WF${tag}${i}]`, '    familiar_to: [it]');
  }
  return lines.join('\n') + '\n';
}

/**
 * Watches the event loop while `work` runs: a timer re-armed at once each time it fires; the
 * longest gap between two firings (and between the last one and the end of `work`) is the
 * longest time the work held the loop.
 */
async function longestBlock(work) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = 0;
  let longestCpu = 0;
  let running = true;
  const gap = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    longest = Math.max(longest, now - last);
    // The CPU time of the gap: on a busy machine the wall-clock gap also holds the time other
    // processes had the CPU, which is no work of ours.
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  };
  const tick = () => {
    gap();
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const t0 = performance.now();
  const value = await work();
  running = false;
  gap();
  return { value, totalMs: performance.now() - t0, longestBlockMs: longest, longestBlockCpuMs: longestCpu };
}

/**
 * The longest synchronous step of a check: `lintAsync` pausing at every yield (`sliceMs: 0`), the
 * time between two pauses is one step of src/core/steps.ts, which no slicing can cut. In
 * wall-clock and CPU time (on a busy machine the wall time also holds other processes' turns),
 * with where the longest one fell (its index among the steps) and how many steps there were.
 */
export async function longestStep(linter, text) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = 0;
  let longestCpu = 0;
  let at = 0;
  let steps = 0;
  const mark = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const wall = now - last;
    if (wall > longest) [longest, at] = [wall, steps];
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
    steps++;
    last = performance.now();
    lastCpu = process.cpuUsage();
  };
  const t0 = performance.now();
  const result = await linter.lintAsync(text, undefined, { sliceMs: 0, pause: async () => mark() });
  mark();
  return { steps, totalMs: performance.now() - t0, longestStepMs: longest, longestStepCpuMs: longestCpu, longestAt: at, findings: result.findings.length };
}

/**
 * The steps of a first check (every chunk parsed) and of a re-check of the same text (nothing to
 * parse: what is left is the document-level part, the rules over every block), by `longestStep`.
 */
export async function measureSteps(core, draftChars) {
  const draft = normalDraft(draftChars, 5);
  const linter = core.createLinter();
  const first = await longestStep(linter, draft);
  const recheck = await longestStep(linter, draft);
  return { characters: draft.length, first, recheck };
}

/**
 * How long the engine holds the event loop at most (what an editor's host or a language server
 * feels as a freeze): while `createLinterAsync` compiles a `terms`-term team glossary (and, for
 * comparison, how long `createLinter` blocks compiling it in one go), and while `lintAsync`
 * checks a draft of `draftChars` characters (first check and re-check), with its default slices.
 */
export async function measureBlocking(core, { terms = 100_000, draftChars = 5_000_000, compareSync = true } = {}) {
  const text = teamGlossary(terms, 'a');
  // A name of its own each time: compiled glossaries are cached by their text and name.
  const glossaries = [{ name: `/bench/team-${Date.now()}.yaml`, text }];
  const compile = await longestBlock(() => core.createLinterAsync({ glossaries }));
  const probe = compile.value.lint('The Widgeta12 frame is down.\n').findings.some((f) => f.ruleId === 'jargon');
  let syncCompileMs;
  if (compareSync) {
    const t0 = performance.now();
    core.createLinter({ glossaries: [{ name: `/bench/team-sync-${Date.now()}.yaml`, text }] });
    syncCompileMs = performance.now() - t0;
  }
  const draft = normalDraft(draftChars, 5);
  const linter = core.createLinter();
  const check = await longestBlock(() => linter.lintAsync(draft));
  // A re-check of the same text: nothing to parse, the document-level steps alone (before the
  // lint run was cut into steps, this was one synchronous step of seconds at 5 MB).
  const recheck = await longestBlock(() => linter.lintAsync(draft));
  // The same re-check in one go (`lint`), for comparison.
  const t0 = performance.now();
  linter.lint(draft);
  const syncRecheckMs = performance.now() - t0;
  return {
    glossary: { terms, characters: text.length, totalMs: compile.totalMs, longestBlockMs: compile.longestBlockMs, longestBlockCpuMs: compile.longestBlockCpuMs, syncCompileMs, teamTermFound: probe },
    draft: {
      characters: draft.length, totalMs: check.totalMs, longestBlockMs: Math.max(check.longestBlockMs, recheck.longestBlockMs), longestBlockCpuMs: Math.max(check.longestBlockCpuMs, recheck.longestBlockCpuMs),
      recheckMs: recheck.totalMs, syncRecheckMs, findings: check.value.findings.length,
    },
  };
}

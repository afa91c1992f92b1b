/**
 * Work counted, not timed: how many times JavaScript functions and their blocks (loop bodies,
 * branches) ran during a call, from V8's precise coverage with call counts (the inspector's
 * `Profiler.takePreciseCoverage`, which also resets the counters). The same input and code give
 * the same count on an idle or a busy machine, so a test can assert that work grows linearly (the
 * work at 2n is about twice the work at n; a quadratic step makes it four times) without a clock.
 * The team's standard: speed is measured by the benchmark (bench/), tests count.
 *
 * Native work (a regular expression's own matching, string search) is not counted: patterns a
 * writer's workspace supplies run on RE2 (src/core/user-pattern.ts, re2js is JavaScript and so is
 * counted), and the built-in ones are bounded by construction (test/unit/placeholders-data.test.ts).
 */
import { Session as SyncSession } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';

// Counts are exact only for code compiled while coverage is on, and V8 drops the bytecode of
// functions idle for a while (recompiling it, with counters, at a GC): so coverage starts when
// this module loads (test files import it before the engine) and no bytecode is dropped.
setFlagsFromString('--no-flush-bytecode');
{
  const early = new SyncSession();
  early.connect();
  early.post('Profiler.enable');
  early.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
}

let session: Session | undefined;

async function coverage(): Promise<Session> {
  if (!session) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }
  return session;
}

/** The count of function calls and block runs in the coverage V8 reports (Node's own code left out). */
function total(result: { url: string; functions: { ranges: { count: number }[] }[] }[]): number {
  let sum = 0;
  for (const script of result) {
    if (script.url.startsWith('node:') || script.url === '') continue;
    for (const fn of script.functions) for (const range of fn.ranges) sum += range.count;
  }
  return sum;
}

/** The work `fn` does, as counted calls and block runs. */
export async function workOf(fn: () => unknown): Promise<number> {
  const s = await coverage();
  await s.post('Profiler.takePreciseCoverage');
  fn();
  const { result } = await s.post('Profiler.takePreciseCoverage');
  return total(result as Parameters<typeof total>[0]);
}

/**
 * The work done since the last call (or since counting began), counting afresh from here: for
 * work done in steps with awaits between them, each step's work taken where it ends.
 */
export async function workSinceLast(): Promise<number> {
  const s = await coverage();
  const { result } = await s.post('Profiler.takePreciseCoverage');
  return total(result as Parameters<typeof total>[0]);
}

/** Stops counting (coverage slows the code it counts). */
export async function stopCounting(): Promise<void> {
  if (!session) return;
  await session.post('Profiler.stopPreciseCoverage');
  session.disconnect();
  session = undefined;
}

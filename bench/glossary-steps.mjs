// The longest synchronous step of a team glossary's format check (issue 9), on its own:
// `node bench/glossary-steps.mjs [TERMS ...]` (default 100000) after `npm run build`. The check
// the language server runs on each glossary it reads (src/core/glossary-check.ts, through
// `checkGlossaryAsync` and `loadConfigText` with `slicing`), pausing at every chance
// (`sliceMs: 0`), so that the time between two pauses is one step no slicing can cut, beside the
// same check in one go (`checkGlossary`, what the CLI runs). The glossary is bench/safety.mjs
// `teamGlossary`: every term lacks fields a new term needs, so each has a finding to place.
// Also run by bench/run.mjs. CPU time is the steadier figure on a shared machine.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { teamGlossary } from './safety.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Wall and CPU ms of the longest stretch between two pauses of `run(slicing)`, and the count of steps. */
async function longestStep(run) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = 0;
  let longestCpu = 0;
  let steps = 0;
  const mark = () => {
    const cpu = process.cpuUsage(lastCpu);
    longest = Math.max(longest, performance.now() - last);
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
    steps++;
    last = performance.now();
    lastCpu = process.cpuUsage();
  };
  const t0 = performance.now();
  const value = await run({ sliceMs: 0, pause: async () => mark() });
  mark();
  return { value, steps, totalMs: performance.now() - t0, longestStepMs: longest, longestStepCpuMs: longestCpu };
}

/** The one-go check (`checkGlossary`) and the sliced one (`checkGlossaryAsync`) of a `terms`-term glossary. */
export async function measureGlossaryCheck(core, terms = 100_000) {
  const text = teamGlossary(terms, 'a');
  const name = '/bench/team.yaml';
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const sync = core.checkGlossary(name, text);
  const syncMs = performance.now() - t0;
  const d = process.cpuUsage(c0);
  const result = { terms, characters: text.length, findings: sync.length, syncMs, syncCpuMs: (d.user + d.system) / 1000 };
  if (typeof core.checkGlossaryAsync !== 'function') return result;
  const sliced = await longestStep((slicing) => core.checkGlossaryAsync(name, text, undefined, slicing));
  return { ...result, sliced: { steps: sliced.steps, totalMs: sliced.totalMs, longestStepMs: sliced.longestStepMs, longestStepCpuMs: sliced.longestStepCpuMs, same: JSON.stringify(sliced.value) === JSON.stringify(sync) } };
}

export function describeGlossaryCheck(g) {
  const lines = [`team glossary of ${g.terms} terms (${(g.characters / 1e6).toFixed(1)} MB), ${g.findings} findings:`,
    `  in one go (checkGlossary): ${g.syncMs.toFixed(0)} ms (${g.syncCpuMs.toFixed(0)} ms of CPU), one step`];
  if (g.sliced) {
    lines.push(`  in slices (checkGlossaryAsync): ${g.sliced.steps} steps, longest ${g.sliced.longestStepMs.toFixed(0)} ms (${g.sliced.longestStepCpuMs.toFixed(0)} ms of CPU), ${g.sliced.totalMs.toFixed(0)} ms in all, ${g.sliced.same ? 'the same findings' : 'DIFFERENT FINDINGS'}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const core = createRequire(import.meta.url)(path.join(here, '..', 'dist', 'core.js'));
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} CPUs`);
  for (const terms of sizes.length ? sizes : [100_000]) console.log(describeGlossaryCheck(await measureGlossaryCheck(core, terms)));
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

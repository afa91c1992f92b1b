// The longest synchronous step of a check (issue 9), on its own: `node bench/steps.mjs [MB ...]`
// (default 1 and 5) after `npm run build`. For each size, a first check and a re-check of a
// generated draft through `lintAsync` pausing at every step (bench/safety.mjs `measureSteps`):
// the number of steps, the longest one in wall-clock and CPU time, and the total. Also run by
// bench/run.mjs. The load average is printed: on a busy machine wall times hold other processes'
// turns, and the CPU figure is the steadier one.
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { measureSteps } from './safety.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const core = createRequire(import.meta.url)(path.join(here, '..', 'dist', 'core.js'));

export function describeSteps(s) {
  const one = (label, r) => `  ${label}: ${r.steps} steps, longest ${r.longestStepMs.toFixed(0)} ms (${r.longestStepCpuMs.toFixed(0)} ms of CPU), ${r.totalMs.toFixed(0)} ms in all, ${r.findings} findings`;
  return [`draft of ${(s.characters / 1e6).toFixed(2)} MB:`, one('first check', s.first), one('re-check  ', s.recheck)].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} CPUs`);
  for (const mb of sizes.length ? sizes : [1, 5]) console.log(describeSteps(await measureSteps(core, mb * 1_000_000)));
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

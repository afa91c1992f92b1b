/**
 * `npm run eval`: recall and the rate of wrongly flagged known words of the term rules on the
 * annotated corpus in test/corpus/, per audience and overall, with the per-term misses
 * (test/unit/corpus-eval.ts does the scoring; test/unit/corpus.test.ts holds the thresholds), then
 * the same figures on each held-out set (test/corpus/held-out/, held-out-2/, held-out-3/, held-out-4/;
 * the last two are measurements that no unit test holds to a threshold: GUARDED_HELD_OUT). Every
 * test/corpus/held-out-N/ folder is picked up by heldOutSets().
 */
import * as path from 'node:path';
import { evaluate, GUARDED_HELD_OUT, heldOutSets, loadCorpus, report } from '../test/unit/corpus-eval';

console.log(report(evaluate()));
// The held-out sets (test/corpus/held-out*/README.md): each annotated before Crosswalk was run on it.
for (const dir of heldOutSets()) {
  const name = path.basename(dir);
  const label = GUARDED_HELD_OUT.has(name) ? 'held out' : 'held out, no unit test holds it to a figure';
  console.log(`\n${report(evaluate(loadCorpus(dir), dir), `test/corpus/${name}/ (${label})`)}`);
}

/**
 * `npm run eval`: recall and the rate of wrongly flagged known words of the term rules on the
 * annotated corpus in test/corpus/, per audience and overall, with the per-term misses
 * (test/unit/corpus-eval.ts does the scoring; test/unit/corpus.test.ts holds the thresholds), then
 * the same figures on each held-out set (test/corpus/held-out/, held-out-2/).
 */
import * as path from 'node:path';
import { evaluate, heldOutSets, loadCorpus, report } from '../test/unit/corpus-eval';

console.log(report(evaluate()));
// The held-out sets (test/corpus/held-out*/README.md): each annotated before Crosswalk was run on it.
for (const dir of heldOutSets()) {
  console.log(`\n${report(evaluate(loadCorpus(dir), dir), `test/corpus/${path.basename(dir)}/ (held out)`)}`);
}

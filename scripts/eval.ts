/**
 * `npm run eval`: recall and the rate of wrongly flagged known words of the term rules on the
 * annotated corpus in test/corpus/, per audience and overall, with the per-term misses
 * (test/unit/corpus-eval.ts does the scoring; test/unit/corpus.test.ts holds the thresholds), then
 * the same figures on the held-out set in test/corpus/held-out/.
 */
import { evaluate, HELD_OUT, loadCorpus, report } from '../test/unit/corpus-eval';

console.log(report(evaluate()));
// The held-out set (test/corpus/held-out/README.md): annotated before any run, never tuned against.
console.log(`\n${report(evaluate(loadCorpus(HELD_OUT), HELD_OUT), 'test/corpus/held-out/ (held out: not tuned against)')}`);

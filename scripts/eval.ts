/**
 * `npm run eval`: recall and the rate of wrongly flagged known words of the term rules on the
 * annotated corpus in test/corpus/, per audience and overall, with the per-term misses
 * (test/unit/corpus-eval.ts does the scoring; test/unit/corpus.test.ts holds the thresholds).
 */
import { evaluate, report } from '../test/unit/corpus-eval';

console.log(report(evaluate()));

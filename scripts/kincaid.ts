/**
 * Compares Crosswalk's document grade (Flesch-Kincaid, `stats.gradeLevel`) with GNU style's
 * Kincaid grade on the evaluation corpus (issue 11): `node ... scripts/kincaid.ts` prints both per
 * message and the mean absolute difference; `--write` stores style's grades in
 * test/corpus/kincaid.json, which test/unit/corpus.test.ts compares against without `style`.
 * `style` comes from Debian's diction package (apt-get install diction).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../src/index';
import { CORPUS, loadCorpus, plainText } from '../test/unit/corpus-eval';

const rows: { file: string; ours: number; style: number }[] = [];
for (const fixture of loadCorpus()) {
  const file = path.relative(CORPUS, fixture.file);
  const ours = lint(fixture.text, fixture.options).stats.gradeLevel;
  const out = execFileSync('style', [], { input: plainText(fixture.text), encoding: 'utf8' });
  const style = Number(/Kincaid:\s*(-?[\d.]+)/.exec(out)?.[1]);
  rows.push({ file, ours, style });
}
let sum = 0;
for (const r of rows) {
  sum += Math.abs(r.ours - r.style);
  console.log(`${r.file.padEnd(52)} crosswalk ${r.ours.toFixed(1).padStart(5)}  style ${r.style.toFixed(1).padStart(5)}  diff ${(r.ours - r.style).toFixed(1)}`);
}
console.log(`mean absolute difference: ${(sum / rows.length).toFixed(2)} over ${rows.length} messages`);
if (process.argv.includes('--write')) {
  const grades = Object.fromEntries(rows.map((r) => [r.file, r.style]));
  fs.writeFileSync(path.join(CORPUS, 'kincaid.json'), JSON.stringify(grades, null, 2) + '\n');
}

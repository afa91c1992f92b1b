import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/index';

const ROOT = path.join(__dirname, '..', '..');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', name), 'utf8'));
const snippets = read('crosswalk.code-snippets.json') as Record<string, { body: string[] }>;
const fills = read('fills.json') as Record<string, Record<string, string>>;
const BLANK = /\[(?=[^\]]*[A-Z])[A-Z0-9][A-Z0-9 _/&.,:#'’-]*\]/g;

/** The snippet as the editor expands it (first choice of each choice), with fills.json's values in its blanks. */
function filled(name: string): string {
  const expanded = snippets[name].body.join('\n')
    .replace(/\$\{\d+\|([^,|}]+)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$0/g, '');
  return expanded.replace(BLANK, (blank) => fills[name][blank] ?? blank);
}

for (const name of ['Downtime notice for patients', 'Patient portal change', 'Privacy notice for patients']) {
  test(`template "${name}", filled in, is written for patients and reads at their grade with no finding`, () => {
    const text = filled(name);
    const result = lint(text);
    assert.deepEqual(result.audience, ['patients']);
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} line ${f.range.start.line}: ${f.message}`), []);
    assert.ok(result.stats.gradeLevel <= 6, `grade ${result.stats.gradeLevel}`);
  });
}

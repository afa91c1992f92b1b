/**
 * Rewrite for Audience (src/rewrite.ts) and the fix-all plan (src/core/fix-all.ts), without VS Code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixAllPlan, lint, rewriteForAudience, REWRITE_NOTE, applyFixes, type AudienceId, type Finding, type TextEdit } from '../../src/index';
import { splitPoints } from '../../src/rules/wording';

const ROOT = join(import.meta.dirname, '..', '..');
const DRAFTS = [
  ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'examples', f)),
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'drafts')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'test', 'fixtures', 'drafts', f)),
];
const AUDIENCES: AudienceId[] = ['clinical', 'admin', 'it'];
const forAudience = (text: string, audience: AudienceId) => lint(text, { audience }).findings.filter((f) => f.audience.includes(audience));
/** The source as its new readers meet it: the same draft, its front matter naming them. */
const retargeted = (text: string, audience: AudienceId) => applyFixes(text, [{ range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, newText: '' }]).replace(/^(---\r?\n(?:.*\r?\n)*?)audience:.*\r?\n/, `$1audience: ${audience}\n`);

for (const file of DRAFTS) {
  test(`rewrite has fewer findings than the source for every audience: ${file.slice(ROOT.length + 1)}`, () => {
    const text = readFileSync(file, 'utf8');
    for (const audience of AUDIENCES) {
      const source = forAudience(retargeted(text, audience), audience);
      const rewritten = rewriteForAudience(text, audience);
      const after = forAudience(rewritten.text, audience);
      const rewritable = source.some((f) => f.fixes.some((x) => (f.ruleId === 'jargon' && x.kind === 'replace') || (f.ruleId === 'undefined-acronym' && x.kind === 'spell-out')));
      assert.ok(after.length <= source.length, `${audience}: ${after.length} findings after, ${source.length} before`);
      if (rewritable && rewritten.replaced > 0) assert.ok(after.length < source.length, `${audience}: ${after.length} findings after, ${source.length} before`);
      assert.match(rewritten.text, new RegExp(`^---\\r?\\n(?:.*\\r?\\n)*?audience: ${audience}\\r?\\n`), 'front matter names the new audience');
      // Every jargon term still there is marked for the writer.
      for (const f of after.filter((x) => x.ruleId === 'jargon')) {
        const line = rewritten.text.split('\n')[f.range.start.line - 1];
        assert.ok(line.includes(REWRITE_NOTE), `${audience}: "${f.term}" on line ${f.range.start.line} is marked`);
      }
    }
  });
}

/**
 * Over every draft of test/corpus/ and examples/, for every built-in audience: the rewrite never
 * leaves more findings for its audience than the draft had, and leaves strictly fewer whenever
 * the draft has something the rewrite can fix (issue 12): a jargon term with an in-place wording,
 * an acronym to spell out, a wordy or alarming phrase with a simpler one, or a hard or long
 * sentence with a place to split it (src/rules/wording.ts `splitPoints`).
 */
test('rewrite over the corpus and the examples, for every audience: never more findings, fewer whenever something is fixable', () => {
  const files: string[] = [];
  for (const dir of ['test/corpus', 'examples']) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) if (entry.endsWith('.md') && !entry.endsWith('README.md')) files.push(join(ROOT, dir, entry));
  }
  assert.ok(files.length >= 40, `${files.length} drafts`);
  const problems: string[] = [];
  let before = 0;
  let after = 0;
  let fixableDrafts = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const audience of ['clinical', 'admin', 'it', 'patients'] as AudienceId[]) {
      const source = retargeted(text, audience);
      const found = forAudience(source, audience);
      const rewritten = forAudience(rewriteForAudience(text, audience).text, audience);
      before += found.length;
      after += rewritten.length;
      const name = `${file.slice(ROOT.length + 1)} for ${audience}`;
      if (rewritten.length > found.length) problems.push(`${name}: ${found.length} findings before, ${rewritten.length} after`);
      const fixable = found.filter((f) => isFixable(source, f, audience, found.length));
      if (fixable.length) {
        fixableDrafts++;
        if (rewritten.length >= found.length) problems.push(`${name}: ${found.length} findings before, ${rewritten.length} after, though ${fixable.map((f) => `${f.ruleId}${f.term ? ` "${f.term}"` : ''}`).join(', ')} can be fixed`);
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(after < before * 0.85, `${before} findings before, ${after} after`);
  assert.ok(fixableDrafts >= 100, `${fixableDrafts} fixable draft and audience pairs`);
});

/**
 * True when one change the rewrite may make, on its own, leaves the draft with fewer findings for
 * the audience: a jargon term's in-place wording, an acronym's spell-out, a simpler or calmer word,
 * or a split of a hard or long sentence (src/rules/wording.ts `splitPoints`). A wording that would
 * reveal another term or make its sentence hard is no fix, and the rewrite rightly leaves it.
 */
function isFixable(text: string, f: Finding, audience: AudienceId, count: number): boolean {
  const changes: TextEdit[][] = [];
  if (f.ruleId === 'jargon') changes.push(...f.fixes.filter((x) => x.kind === 'replace').map((x) => x.edits));
  if (f.ruleId === 'undefined-acronym') changes.push(...f.fixes.filter((x) => x.kind === 'spell-out').map((x) => x.edits));
  if (['simpler-word', 'tone', 'redundant-acronym'].includes(f.ruleId)) changes.push(...f.fixes.filter((x) => x.kind === 'replace' || x.kind === 'remove').map((x) => x.edits));
  if (f.ruleId === 'readability' || f.ruleId === 'long-sentence') {
    const start = f.range.start.offset;
    for (const p of splitPoints(text.slice(start, f.range.end.offset))) {
      const at = (offset: number) => ({ line: 0, column: 0, offset });
      changes.push([{ range: { start: at(start + p.start), end: at(start + p.end) }, newText: p.newText }]);
    }
  }
  return changes.some((edits) => forAudience(applyFixes(text, edits), audience).length < count);
}

test('rewrite splits a hard sentence at a semicolon or before a new clause, and keeps its words and markup', () => {
  const text = '---\naudience: it\n---\n\nThe **lab system** will be down from midnight to four in the morning for planned work, and we will call every unit when the [lab page](https://intranet.example/lab) shows it is back.\n';
  const { text: out, split } = rewriteForAudience(text, 'clinical');
  assert.equal(split, 1, out);
  assert.match(out, /for planned work\. We will call every unit/);
  assert.ok(out.includes('**lab system**') && out.includes('[lab page](https://intranet.example/lab)'), 'markup kept');
  assert.equal(forAudience(out, 'clinical').length, forAudience(retargeted(text, 'clinical'), 'clinical').length - 1, 'the long sentence is gone');
  assert.equal(out.replace(/\. We will/, ', and we will').replace(/<!--.*?-->/g, '').replace(/ +\n/g, '\n').replace('audience: clinical', 'audience: it'), text, 'nothing else changed');
  assert.deepEqual(splitPoints('We will close the lab, the clinic, and the pharmacy at noon today.'), [], 'a list is never split');
  assert.deepEqual(splitPoints('Break-the-glass charts alert the privacy officer; give your reason when you open one.').map((p) => p.newText), ['. Give']);
  assert.deepEqual(splitPoints('The `a; b` setting stays as it is for now; the team will change it.').map((p) => p.newText), ['. The'], 'not inside inline code');
});

test('rewrite for clinical readers reads as English where it changed, and marks what it left', () => {
  const text = '---\naudience: admin\n---\n\nThe cutover starts at 1 a.m. on Saturday. UAT sign-off is complete. We will test failover to the hot site.\n';
  const { text: out, replaced } = rewriteForAudience(text, 'clinical');
  assert.equal(out, '---\naudience: clinical\n---\n\nThe switch-over starts at 1 a.m. on Saturday. Final testing sign-off is complete. We will test the switch-over to the hot site. <!-- crosswalk rewrite: "hot site": no short wording fits here; say it another way -->\n');
  assert.equal(replaced, 3);
});

test('rewrite spells out an acronym at its first use, and marks a term with no wording that fits', () => {
  const spelled = rewriteForAudience('---\naudience: it\n---\n\nWe run the EDR agent on each computer. It is endpoint detection and response (EDR).\n', 'clinical').text;
  assert.match(spelled, /We run the endpoint detection and response \(EDR\) agent on each computer\./);
  const marked = rewriteForAudience('---\naudience: it\n---\n\nSend the C-CDA to the clinic.\n', 'clinical').text;
  assert.match(marked, /Send the C-CDA to the clinic\. <!-- crosswalk rewrite: "C-CDA": no short wording fits here; say it another way -->\n$/);
});

test('fix-all plan: only safe fixes and first-use spell-outs unless rewording is opted in, and the title says what it does', () => {
  const text = '---\naudience: clinical\n---\n\nUAT starts Monday. The eMAR is new. We will subsequently log in with SSO. UAT ends Friday.\n';
  const findings = lint(text).findings;
  const plan = fixAllPlan(findings);
  assert.ok(plan.fixes.every((f) => f.kind === 'spell-out'), 'only spell-outs');
  assert.equal(plan.title, 'Spell out 2 acronyms');
  const fixed = applyFixes(text, plan.fixes);
  assert.equal(fixed, '---\naudience: clinical\n---\n\nUser acceptance testing (UAT) starts Monday. The eMAR is new. We will subsequently log in with single sign-on (SSO). UAT ends Friday.\n');
  const opted = fixAllPlan(findings, { includeRewording: true });
  assert.ok(opted.fixes.some((f) => f.kind === 'replace'), 'rewording when opted in');
  assert.match(opted.title, /^Spell out \d+ acronyms? and reword \d+ phrases?$|^Reword \d+ phrases?$/);
});

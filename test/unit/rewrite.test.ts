/**
 * Rewrite for Audience (src/rewrite.ts) and the fix-all plan (src/core/fix-all.ts), without VS Code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixAllPlan, lint, rewriteForAudience, REWRITE_NOTE, applyFixes, type AudienceId } from '../../src/index';

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

test('rewrite for clinical readers reads as English where it changed, and marks what it left', () => {
  const text = '---\naudience: admin\n---\n\nThe cutover starts at 1 a.m. on Saturday. UAT sign-off is complete. We will test failover to the backup data center.\n';
  const { text: out, replaced } = rewriteForAudience(text, 'clinical');
  assert.equal(out, '---\naudience: clinical\n---\n\nThe switch-over starts at 1 a.m. on Saturday. Final testing sign-off is complete. We will test the switch-over to the backup data center. <!-- crosswalk rewrite: "backup": no short wording fits here; say it another way -->\n');
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

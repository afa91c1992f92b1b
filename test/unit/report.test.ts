// The Audience Report's model (src/core/report.ts) and its pages (src/extension/report/html.ts):
// every figure agrees with the findings it counts, and the saved page is self-contained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crosswalk from '../../src/index';
import { renderReport, renderReportFile } from '../../src/extension/report/html';

const ROOT = path.join(__dirname, '..', '..');
const drafts = [
  ...fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'examples', f)),
  ...fs.readdirSync(path.join(ROOT, 'test', 'fixtures', 'drafts')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'test', 'fixtures', 'drafts', f)),
];

/** The counts a card shows, read back from the rendered card. */
function cardFigures(html: string, audience: string): Record<string, number> {
  const card = new RegExp(`<section class="audience audience-${audience}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  const figures: Record<string, number> = {};
  for (const m of card.matchAll(/data-figure="([\w-]+)">(\d+)/g)) figures[`card:${m[1]}`] = Number(m[2]);
  for (const m of card.matchAll(/data-rule="([\w-]+)">(\d+)/g)) figures[`rule:${m[1]}`] = Number(m[2]);
  return figures;
}

test('every number of every card equals its per-rule count and the findings it lists, for each example and draft', () => {
  assert.ok(drafts.length >= 10, 'the examples and the draft fixtures');
  let mismatchesBefore = 0;
  for (const file of drafts) {
    const text = fs.readFileSync(file, 'utf8');
    const report = crosswalk.buildReport(crosswalk, path.basename(file), text, {});
    const html = renderReport(report, 'vscode-resource:', '0'.repeat(32));
    for (const c of report.columns) {
      const where = `${path.basename(file)}, ${c.label}`;
      // The one list: it is what the engine finds for this audience over the whole draft.
      const direct = crosswalk.lint(text, { audience: c.audience, ignoreAudienceMarkers: true }).findings;
      assert.deepEqual(c.findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`), direct.map((f) => `${f.range.start.line + 1} ${f.ruleId} ${f.message}`), where);
      const byRule: Record<string, number> = {};
      for (const f of direct) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
      assert.deepEqual(c.byRule, byRule, `${where}: per-rule counts`);
      assert.equal(c.total, direct.length, `${where}: total`);
      assert.equal(Object.values(c.byRule).reduce((a, b) => a + b, 0), c.total, `${where}: the rules add up to the total`);
      assert.equal(c.undefinedAcronyms.length, byRule['undefined-acronym'] ?? 0, `${where}: undefined acronyms listed`);
      assert.equal(c.jargon.length, byRule.jargon ?? 0, `${where}: jargon listed`);
      assert.equal(c.hardSentences, byRule.readability ?? 0, `${where}: hard sentences`);
      assert.equal(c.errors + c.warnings + direct.filter((f) => f.severity === 'info').length, c.total, `${where}: severities`);
      assert.equal(c.jargonPer100Words, crosswalk.lint(text, { audience: c.audience, ignoreAudienceMarkers: true }).stats.jargonPer100Words, `${where}: the engine's own jargon rate`);
      // The page shows the same numbers: each card figure and each per-rule row.
      const shown = cardFigures(html, c.audience);
      assert.equal(shown['card:total'], c.total, `${where}: Findings on the card`);
      for (const rule of ['jargon', 'undefined-acronym', 'readability']) {
        assert.equal(shown[`card:${rule}`], byRule[rule] ?? 0, `${where}: ${rule} on the card`);
        if (byRule[rule]) assert.equal(shown[`rule:${rule}`], byRule[rule], `${where}: ${rule} in the per-rule table`);
        else assert.equal(shown[`rule:${rule}`], undefined, `${where}: no ${rule} row`);
      }
      // Before this model, jargon acronyms counted as undefined acronyms on the card but not in the table.
      const oldCard = new Set([...direct.filter((f) => f.ruleId === 'undefined-acronym').map((f) => f.term), ...direct.filter((f) => f.ruleId === 'jargon' && f.fixes.some((x) => x.kind === 'spell-out')).map((f) => f.term)]).size;
      if (oldCard !== (byRule['undefined-acronym'] ?? 0)) mismatchesBefore++;
    }
  }
  assert.ok(mismatchesBefore > 0, 'the drafts include the case the old card got wrong');
});

test('an acronym that is jargon for a reader is listed once, under jargon, with "spell it out" when there is no plain wording', () => {
  const text = '---\naudience: it\n---\n\nThe ORU and ADT feeds over HL7 restart at 6. Our RTO is four hours.\n';
  const report = crosswalk.buildReport(crosswalk, 'feeds.md', text, {});
  const admin = report.columns.find((c) => c.audience === 'admin');
  assert.ok(admin);
  const jargonTerms = admin.jargon.map((j) => j.term);
  for (const term of admin.undefinedAcronyms) assert.ok(!jargonTerms.includes(term), `${term} is not counted twice`);
  assert.ok(admin.jargon.some((j) => j.spellOut), 'an acronym to spell out among the jargon');
  const html = renderReport(report, 'vscode-resource:', '0'.repeat(32));
  assert.match(html, /<details class="findings findings-admin">\s*<summary>Admin: \d+ findings?<\/summary>/, 'every finding, listed per audience');
});

test('the saved page is self-contained: no script, nothing to load, its own colours and print styles', () => {
  const text = fs.readFileSync(path.join(ROOT, 'examples', 'downtime-notice-it.md'), 'utf8');
  const report = crosswalk.buildReport(crosswalk, 'downtime-notice-it.md', text, {});
  const nonce = 'ab'.repeat(16);
  const html = renderReportFile(report, nonce, '2026-12-01 14:00 UTC');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.equal(csp, `default-src 'none'; style-src 'nonce-${nonce}'`);
  assert.doesNotMatch(html, /<script|javascript:|<link|<img|<iframe|@import|url\(/i);
  assert.doesNotMatch(html.replace('http://www.w3.org/2000/svg', ''), /https?:\/\//, 'no address to load from');
  assert.match(html, /:root \{\s*--vscode-foreground: #/, 'colours that work outside VS Code');
  assert.match(html, /@media print \{[\s\S]*break-inside: avoid/, 'print styles');
  assert.match(html, /<details class="findings findings-clinical" open>/, 'every finding list open, for print');
  assert.match(html, /Made by Crosswalk on 2026-12-01 14:00 UTC\./);
  // A title that looks like markup stays text.
  const hostile = renderReportFile({ ...report, title: '<script>alert(1)</script>.md' }, nonce, 'now');
  assert.doesNotMatch(hostile, /<script>/);
});

/**
 * Fix-all to its fixed point (src/core/settle-fixes.ts): the passes, and the edits on the original
 * text that they come to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes, composeSplices, lint, settleFixes, settleFixesAsync, type TextEdit } from '../../src/index';

interface Splice { start: number; end: number; text: string }

const apply = (text: string, splices: readonly Splice[]) => {
  let out = '';
  let at = 0;
  for (const s of splices) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
};

/** Sorted edits that are apart (none overlap, none start where another does), on a text of `length`. */
const splicesOn = (length: number) =>
  fc.array(fc.tuple(fc.nat({ max: length }), fc.nat({ max: 4 }), fc.constantFrom('', 'x', 'YY', 'zzz', '\n')), { maxLength: 6 }).map((raw) => {
    const out: Splice[] = [];
    let floor = 0;
    for (const [at, cut, text] of [...raw].sort((a, b) => a[0] - b[0])) {
      const start = Math.max(at, floor);
      if (start > length) break;
      const end = Math.min(length, start + cut);
      out.push({ start, end, text });
      floor = end + 1;
    }
    return out;
  });

test('composed edits on the original give what the two rounds of edits give, and are sorted and apart', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 30 }).chain((base) => splicesOn(base.length).chain((first) => {
        const middle = apply(base, first);
        return splicesOn(middle.length).map((second) => ({ base, first, middle, second }));
      })),
      ({ base, first, middle, second }) => {
        const composed = composeSplices(middle, first, second);
        assert.equal(apply(base, composed), apply(middle, second));
        for (let k = 1; k < composed.length; k++) assert.ok(composed[k].start > composed[k - 1].end, JSON.stringify(composed));
      },
    ),
    { numRuns: 3000 },
  );
});

test('an edit joins the earlier one it touches, and edits elsewhere keep their own small ranges', () => {
  // "abc def ghi": "def" made "DEF", then "ghi" made "G" and "DEF" made "DEF!" (touching its end).
  const middle = 'abc DEF ghi';
  const composed = composeSplices(middle, [{ start: 4, end: 7, text: 'DEF' }], [{ start: 7, end: 7, text: '!' }, { start: 8, end: 11, text: 'G' }]);
  assert.deepEqual(composed, [{ start: 4, end: 7, text: 'DEF!' }, { start: 8, end: 11, text: 'G' }]);
});

// A cascade the property suite found in CI (test/unit/property.test.ts): the first use of "HL7 feed"
// replaced makes a later "HL7" the first use, and "Replace all" stops at a use its wording does
// not fit, so each pass uncovers the next. Settled fix-all takes them all in one go.
const CASCADE = '---\ntype: incident-update\naudience: [admin, patients]\n---\n\n- MAR\n- *MAR* **MAR** [patients HL7 feed the](https://wiki.example/21) STAT the ADT the completed\n\n- *HL7 MAR HL7 feed*\n- HL7 feed\n\n<!-- note: the HL7 feed -->.\n';

test('fix-all on its own output changes nothing more, even where one fix uncovers the next', () => {
  const settled = settleFixes(CASCADE, lint, { includeRewording: true });
  assert.ok(settled.passes > 1, 'this draft needs more than one pass');
  assert.equal(applyFixes(CASCADE, settled.edits), settled.text);
  assert.equal(settleFixes(settled.text, lint, { includeRewording: true }).passes, 0);
  // The markup and the comment are kept; the blanks of the added sections are not taken for terms.
  assert.match(settled.text, /\]\(https:\/\/wiki\.example\/21\)/);
  assert.match(settled.text, /<!-- note: the HL7 feed -->/);
  assert.match(settled.text, /\[WHAT IT COSTS OR SAVES\]/);
  assert.deepEqual(settled.result.findings.filter((f) => f.ruleId === 'jargon' || f.ruleId === 'undefined-acronym').map((f) => f.term), settled.result.findings.filter((f) => (f.ruleId === 'jargon' || f.ruleId === 'undefined-acronym') && f.fixes.length === 0).map((f) => f.term), 'every term left has no fix to apply');
});

test('the edits are only where the text changed: a draft with one acronym far from another gets two small edits', () => {
  const text = '---\naudience: patients\n---\n\nYou will be NPO after midnight.\n\nThe quick brown fox jumps over the lazy dog.\n\nCall the PCP if you feel unwell.\n';
  const settled = settleFixes(text, lint);
  assert.equal(settled.edits.length, 2, JSON.stringify(settled.edits));
  for (const e of settled.edits) assert.ok(e.range.end.offset - e.range.start.offset <= 3, `a small edit: ${JSON.stringify(e)}`);
  assert.equal(applyFixes(text, settled.edits), settled.text);
});

test('the asynchronous passes (the language server) come to the same edits', async () => {
  const sync = settleFixes(CASCADE, lint, { includeRewording: true });
  const async = await settleFixesAsync(CASCADE, async (t) => lint(t), lint(CASCADE), { includeRewording: true });
  assert.deepEqual(async.edits satisfies TextEdit[], sync.edits);
});

test('a template blank in capitals is not an abbreviation; the same word in a sentence still is', () => {
  const patients = (body: string) => `---\naudience: patients\n---\n\n${body}\n`;
  const terms = (body: string) => lint(patients(body)).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.term);
  assert.deepEqual(terms('[WHAT IT COSTS OR SAVES]'), []);
  assert.deepEqual(terms('WHAT IT COSTS OR SAVES'), []);
  assert.deepEqual(terms('You go to the OR at [TIME].'), ['OR']);
  assert.deepEqual(terms('See the [OR schedule].'), ['OR']);
});

test('a fix title cut to its last words keeps the sentence\'s own spacing: the full stop stays against the word', () => {
  const text = '---\naudience: clinical\n---\n\nHL7 admission, discharge and transfer messages and results feeds are queued during the window and replayed after cutover.\n';
  const titles = lint(text).findings.flatMap((f) => f.fixes.map((x) => x.title));
  assert.ok(titles.includes('Replace with "the switch-over": "…during the window and replayed after the switch-over."'), JSON.stringify(titles));
  assert.ok(titles.every((t) => !/ [.,;:]/.test(t)), JSON.stringify(titles));
});

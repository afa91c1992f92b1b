/**
 * Property-based tests over generated Markdown (fast-check): entities, escapes, links, bold, HTML
 * comments and audience markers, inline HTML, lists, quotes, tables, front matter, CRLF and lone
 * CR, emoji, glossary terms and acronyms; and what else writers write (see `inline` and `block`):
 * nested emphasis, links with titles, autolinks and bare URLs, task lists, closed ATX and setext
 * headings, escaped pipes, loose lists, HTML blocks, footnotes, dates, times and template blanks,
 * since each fix must keep these too. CROSSWALK_PROPERTY_RUNS multiplies the runs (e.g. 10
 * for a long soak); the default, 10,000 cases in all, keeps `npm test` to well under a minute of
 * one core on an idle machine. Each run is randomly seeded; on a failure fast-check prints the
 * seed and path. CROSSWALK_PROPERTY_SEED=<seed> passes that seed to every property here, so the
 * same runs come again (with the same CROSSWALK_PROPERTY_RUNS), and CROSSWALK_PROPERTY_PATH=<path>
 * (with the seed, and `--test-name-pattern` naming the failing property) replays just that case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes, createLinter, fixAllFixes, lint, MAX_FIX_PASSES, settleFixes, type Finding, type LintResult } from '../../src/index';

const SCALE = Math.max(1, Number(process.env.CROSSWALK_PROPERTY_RUNS ?? 1));
const SEED = process.env.CROSSWALK_PROPERTY_SEED;
const PATH = process.env.CROSSWALK_PROPERTY_PATH;
if (SEED !== undefined && !Number.isInteger(Number(SEED))) throw new Error(`CROSSWALK_PROPERTY_SEED must be an integer, not ${JSON.stringify(SEED)}`);
/** fast-check's options for a property of `n` runs (times the scale), with the seed and path when given. */
const runs = (n: number): fc.Parameters<unknown> => ({
  numRuns: Math.round(n * SCALE),
  ...(SEED !== undefined ? { seed: Number(SEED), ...(PATH ? { path: PATH } : {}) } : {}),
});

const WORDS = ['the', 'feed', 'stops', 'nurses', 'at', 'noon', 'and', 'call', 'us', 'today', 'we', 'will', 'test', 'it', 'was', 'completed', 'for', 'patients'];
const TERMS = ['HL7 feed', 'HL7', 'CPOE', 'NPO', 'STAT', 'EHR', 'go-live', 'cutover', 'in order to', 'utilize', 'MAR', 'PACS', 'downtime', 'interface engine', 'ADT', 'immediately'];
const ODD = ['&mdash;', '&amp;', '&nbsp;', '&#x41;', '&copy;', '\\*', '\\[', '\\_', '😀', '👩‍⚕️', '—', 'é', '5%', 'ext. 4471', '(see below)', ',', '.', ';', ':'];

// What other rules with fixes look for: dates and times, alarmist words, "breach", redundant acronyms, template blanks.
const CUES = ['Monday, March 3, 2026', 'Tue, March 3, 2026', 'at 7:30', 'at 14:00', '3 p.m.', 'catastrophic', 'chaos', 'breach', 'data breach', 'PIN number', 'EHR record', 'TBD', '[DATE]', '[WHAT IT COSTS OR SAVES]'];

const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.constantFrom(...CUES) },
);
const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const inline = fc.oneof(
  { weight: 6, arbitrary: phrase },
  { weight: 1, arbitrary: phrase.map((p) => `**${p}**`) },
  { weight: 1, arbitrary: phrase.map((p) => `*${p}*`) },
  { weight: 1, arbitrary: phrase.map((p) => `[${p}](https://wiki.example/${p.length})`) },
  { weight: 1, arbitrary: fc.constantFrom('`HL7 feed`', '`npm test`') },
  { weight: 1, arbitrary: fc.constantFrom('<!-- note: the HL7 feed -->', '<!-- audience: it -->', '<!-- audience: clinical -->', '<b>HL7</b>', '<br>') },
  // More of what writers write: nested and underscore emphasis, strikethrough, links with titles,
  // reference links, images, autolinks and bare URLs, footnote references, inline HTML around words, hard breaks.
  {
    weight: 2,
    arbitrary: fc.oneof(
      phrase.map((p) => `***${p}***`),
      fc.tuple(phrase, phrase, phrase).map(([a, b, c]) => `**${a} *${b}* ${c}**`),
      fc.tuple(phrase, phrase).map(([a, b]) => `*${a} **${b}***`),
      phrase.map((p) => `_${p}_`),
      phrase.map((p) => `__${p}__`),
      phrase.map((p) => `~~${p}~~`),
      fc.tuple(phrase, phrase).map(([a, b]) => `[${a}](https://wiki.example/x "${b}")`),
      fc.tuple(phrase, phrase).map(([a, b]) => `[**${a}** ${b}](https://wiki.example/y)`),
      phrase.map((p) => `[${p}][ref]`),
      phrase.map((p) => `![${p}](img.png)`),
      fc.constantFrom('<https://wiki.example/a>', '<help@example.org>', 'https://wiki.example/page', 'www.example.org', 'help@example.org'),
      phrase.map((p) => `${p}[^1]`),
      phrase.map((p) => `<span>${p}</span>`),
      fc.tuple(phrase, phrase).map(([a, b]) => `${a}  \n${b}`),
      fc.tuple(phrase, phrase).map(([a, b]) => `${a}\\\n${b}`),
    ),
  },
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
const sentence = line.map((l) => `${l[0].toUpperCase()}${l.slice(1)}.`);
const block = fc.oneof(
  { weight: 5, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')) },
  { weight: 1, arbitrary: fc.tuple(sentence, sentence).map(([a, b]) => `${a}\n${b}`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), line).map(([d, l]) => `${'#'.repeat(d)} ${l}`) },
  { weight: 2, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 2 }).map((items) => items.map((i, k) => `${k + 1}. ${i}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 2 }).map((s) => s.map((x) => `> ${x}`).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(phrase, phrase, phrase, phrase).map(([a, b, c, d]) => `| ${a} | ${b} |\n| --- | --- |\n| ${c} | ${d} |`) },
  { weight: 1, arbitrary: sentence.map((s) => `<!-- draft notes:\n${s}\n-->`) },
  { weight: 1, arbitrary: fc.constantFrom('<!-- audience: admin -->', '<!-- crosswalk-disable-next-line jargon -->', '```\nHL7 feed\n```') },
  // More block shapes: closed ATX and setext headings, escaped pipes and markup in tables, loose
  // and nested lists, task lists, items with a second paragraph, HTML blocks, footnote and link
  // definitions, indented and tilde code, thematic breaks, quotes holding lists or two paragraphs.
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 3 }), line, fc.integer({ min: 1, max: 3 })).map(([d, l, k]) => `${'#'.repeat(d)} ${l} ${'#'.repeat(k)}`),
      fc.tuple(line, fc.constantFrom('===', '---')).map(([l, u]) => `${l}\n${u}`),
      fc.tuple(phrase, phrase, phrase, phrase).map(([a, b, c, d]) => `| ${a} \\| ${b} | ${c} |\n| :-- | --: |\n| ${d} | x \\| ${a} |`),
      fc.tuple(line, line, line, line).map(([a, b, c, d]) => `${a} | ${b}\n--- | ---\n${c} | ${d}`),
      fc.array(line, { minLength: 2, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n\n')),
      fc.tuple(line, line).map(([a, b]) => `- ${a}\n  - ${b}`),
      fc.tuple(line, line).map(([a, b]) => `- [ ] ${a}\n- [x] ${b}`),
      fc.tuple(line, sentence).map(([a, b]) => `1. ${a}\n\n   ${b}`),
      sentence.map((x) => `<div>\n${x}\n</div>`),
      fc.tuple(line, sentence).map(([a, b]) => `<details>\n<summary>${a}</summary>\n\n${b}\n\n</details>`),
      sentence.map((x) => `[^1]: ${x}`),
      fc.constant('[ref]: https://wiki.example/ref "The HL7 feed"'),
      line.map((l) => `    ${l}`),
      line.map((l) => `~~~\n${l}\n~~~`),
      fc.constantFrom('---', '***', '* * *'),
      fc.tuple(line, line).map(([a, b]) => `> - ${a}\n> - ${b}`),
      fc.tuple(sentence, sentence).map(([a, b]) => `> ${a}\n>\n> ${b}`),
      fc.tuple(line, line).map(([a, b]) => `<pre>\n${a}\n\n${b}\n</pre>`),
    ),
  },
);
// Message types (message-parts, interests) for one audience and for several, so that sections are added under markers too.
const frontMatter = fc.option(
  fc.constantFrom('audience: clinical', 'audience: [admin, it]', 'audience: all\nallow: [EHR]', 'type: downtime\naudience: it', 'type: change-notice\naudience: [clinical, it]', 'type: downtime\naudience: all', 'type: incident-update\naudience: [admin, patients]'),
  { nil: undefined },
);
const eol = fc.constantFrom('\n', '\n', '\r\n', '\r');
const draft = fc.tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 4 }), eol).map(([fm, blocks, nl]) => {
  const body = blocks.join('\n\n');
  const text = fm ? `---\n${fm}\n---\n\n${body}\n` : `${body}\n`;
  return text.replace(/\n/g, nl);
});

/** Line and column of an offset, counted independently of the engine: LF, CRLF and lone CR end lines. */
function expectedPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Markup a fix may never take away: what is left of the edited text once escapes are read. */
const MARKUP = /<!--|-->|[*_[\]<>`|#~]|\]\(/;
const LINK = /:\/\/|www\.|\w@\w/;

function checkRanges(text: string, result: LintResult): void {
  for (const f of result.findings) {
    for (const r of [f.range, ...f.fixes.flatMap((x) => x.edits.map((e) => e.range))]) {
      assert.ok(r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= text.length, `range inside the text: ${JSON.stringify(r)}`);
      for (const p of [r.start, r.end]) assert.deepEqual({ line: p.line, column: p.column }, expectedPosition(text, p.offset), `line/column of offset ${p.offset} (${f.ruleId})`);
    }
  }
}

function checkFixKeepsMarkup(text: string, finding: Finding): void {
  for (const fix of finding.fixes) {
    const fixed = applyFixes(text, [fix]);
    const edits = [...fix.edits].sort((a, b) => a.range.start.offset - b.range.start.offset);
    // Only its ranges change: what stands before the first and after the last edit is the same.
    assert.equal(fixed.slice(0, edits[0].range.start.offset), text.slice(0, edits[0].range.start.offset));
    const tail = text.length - edits[edits.length - 1].range.end.offset;
    assert.equal(fixed.slice(fixed.length - tail), text.slice(text.length - tail));
    for (const e of edits) {
      // Escapes and entities are prose: a fix may replace them whole.
      const old = text.slice(e.range.start.offset, e.range.end.offset).replace(/\\[!-/:-@[-`{-~]|&#?[A-Za-z0-9]+;/g, '');
      assert.ok(!MARKUP.test(old), `"${fix.title}" (${finding.ruleId}) edits markup: ${JSON.stringify(text.slice(e.range.start.offset, e.range.end.offset))}`);
      // Nor a bare URL or email, which is text to the parser but a link to the reader.
      assert.ok(!LINK.test(text.slice(e.range.start.offset, e.range.end.offset)), `"${fix.title}" (${finding.ruleId}) edits a link: ${JSON.stringify(text.slice(e.range.start.offset, e.range.end.offset))}`);
    }
  }
}

/**
 * Every fix kind on every generated draft, section insertions included: message-parts and
 * interests place a section in the draft's own line endings, only where the engine puts it under
 * an audience it is for and every other block keeps its audience (src/core/document.ts
 * `insertedAudience`), and fix-all joins the sections inserted at one place into one edit
 * (src/core/apply-fixes.ts), so they settle in one run.
 */
const fixAll = (text: string) => applyFixes(text, fixAllFixes(lint(text).findings));
const shape = (r: LintResult) => JSON.stringify({ findings: r.findings, audience: r.audience, stats: r.stats, sections: r.sections });

test('every input: no exception, ranges inside the text with the right line and column, fixes keep markup', () => {
  fc.assert(
    fc.property(draft, (text) => {
      const result = lint(text);
      checkRanges(text, result);
      for (const f of result.findings) checkFixKeepsMarkup(text, f);
    }),
    runs(8000),
  );
});

test('fix-all converges within three passes (it settles in one: on its own output it changes nothing more), and a fix does not bring its finding back there', () => {
  fc.assert(
    fc.property(draft, fc.nat(), (text, pick) => {
      // Every fix kind, section insertions and terms of several uses included: the editor's
      // fix-all (with rewording opted in, and the default safe plan) settles before its pass limit.
      for (const includeRewording of [true, false]) {
        const settled = settleFixes(text, lint, { includeRewording });
        assert.ok(settled.passes < MAX_FIX_PASSES, `fix-all did not settle in ${MAX_FIX_PASSES} passes on ${JSON.stringify(text)}`);
        assert.equal(applyFixes(text, settled.edits), settled.text, 'its edits on the draft give what its passes gave');
        assert.equal(settleFixes(settled.text, lint, { includeRewording }).text, settled.text, `fix-all still changes ${JSON.stringify(settled.text)}`);
      }
      // The fixes fix-all's passes take, one of each finding (src/core/apply-fixes.ts), settle as well.
      let current = text;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const next = fixAll(current);
        if (next === current) break;
        current = next;
      }
      assert.equal(fixAll(current), current, `fix-all still changes ${JSON.stringify(current)}`);

      const fixable = lint(text).findings.filter((f) => f.fixes.length);
      if (!fixable.length) return;
      const finding = fixable[pick % fixable.length];
      const fix = finding.fixes[pick % finding.fixes.length];
      const fixed = applyFixes(text, [fix]);
      const at = Math.min(...fix.edits.map((e) => e.range.start.offset));
      const to = at + fix.edits.reduce((n, e) => n + e.newText.length, 0);
      // The same finding: the same rule and term, or (a finding with no term, such as a missing
      // section) the same message; another section still missing may stand where one was added.
      const same = (f: Finding) => f.ruleId === finding.ruleId && f.term === finding.term && (finding.term !== undefined || f.message === finding.message);
      const back = lint(fixed).findings.filter((f) => same(f) && f.range.start.offset >= at && f.range.start.offset < Math.max(to, at + 1));
      assert.deepEqual(back.map((f) => f.message), [], `"${fix.title}" on ${JSON.stringify(text)}`);
    }),
    runs(1200),
  );
});

test('an incremental linter after random edits gives what a fresh lint gives', () => {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.oneof(block, inline, fc.constantFrom('', '\n\n', ' ', '<!--', '-->', '**', '\r\n', '\r', '<pre>\n', '</pre>', '```\n', '- [ ] ', '\n===', '](https://x.example)', 'www.example.org')));
  fc.assert(
    fc.property(draft, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
      const linter = createLinter();
      linter.lint(text);
      let current = text;
      for (const [at, cut, insert] of edits) {
        const start = at % (current.length + 1);
        current = current.slice(0, start) + insert + current.slice(Math.min(current.length, start + cut));
        const incremental = linter.lint(current);
        checkRanges(current, incremental);
        assert.equal(shape(incremental), shape(lint(current)), `incremental differs from fresh on ${JSON.stringify(current)}`);
      }
    }),
    runs(800),
  );
});

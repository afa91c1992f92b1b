import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes, compatibleFixes, fixAllFixes, lint, sortedEdits, type LintResult, type TextEdit } from '../../src/index';
import { parseChunk } from '../../src/core/markdown';
import { ProseMap } from '../../src/core/prose-map';
import type { BlockAnalysis } from '../../src/core/analysis';

const slice = (text: string, r: { start: { offset: number }; end: { offset: number } }) => text.slice(r.start.offset, r.end.offset);

function fixAll(text: string, options = { audience: 'clinical' }): string {
  return applyFixes(text, fixAllFixes(lint(text, options).findings));
}

test('entities and escapes never shift a range: each finding, hover and fix lands on its own characters', () => {
  // EDR is spelled out only later in the draft: undefined-acronym offers the safe spell-out at its first use.
  const text = 'The upgrade &mdash; on Saturday &mdash; stops the HL7 feed — and the EDR agent. It is endpoint detection and response (EDR).';
  const result = lint(text, { audience: 'clinical' });
  const jargon = result.findings.find((f) => f.ruleId === 'jargon');
  const acronym = result.findings.find((f) => f.ruleId === 'undefined-acronym');
  assert.equal(jargon && slice(text, jargon.range), 'HL7 feed');
  assert.equal(acronym && slice(text, acronym.range), 'EDR');
  assert.equal(slice(text, result.terms.find((t) => t.text === 'HL7 feed')!.range), 'HL7 feed');
  const once = fixAll(text);
  // The in-place wording (data/in-place/it.yaml) lands exactly where "HL7 feed" stood.
  assert.match(once, /^The upgrade &mdash; on Saturday &mdash; stops the data feed — and the endpoint detection and response \(EDR\) agent\. It is endpoint detection and response \(EDR\)\.$/);
  assert.equal(fixAll(once), once, 'a second fix-all changes nothing more');

  // An entity or escape inside a term is part of it, whole.
  const escaped = 'We stop the HL7&#32;feed and the MAR\\* list &amp; CPOE.';
  // Administrators know neither the MAR nor CPOE (clinical staff know both, and need no expansion).
  const r2 = lint(escaped, { audience: 'admin' });
  const spans = r2.findings.map((f) => slice(escaped, f.range));
  assert.ok(spans.includes('HL7&#32;feed'), spans.join(' | '));
  assert.ok(spans.includes('CPOE'), spans.join(' | '));
  assert.ok(spans.includes('MAR'), spans.join(' | '));
});

/** The markup of a draft that every fix must keep: URLs, comments, HTML, bold and emphasis markers. */
function markupOf(text: string): string[] {
  return [
    ...[...text.matchAll(/\]\([^)]*\)|<!--[\s\S]*?-->|<\/?[a-z][^>]*>/g)].map((m) => m[0]),
    `**:${text.split('**').length}`,
    `[:${text.split('[').length}`,
    `]:${text.split(']').length}`,
  ];
}

test('no fix crosses markup: it edits only the text inside, or is not offered', () => {
  const drafts = [
    'Our [HL7](https://wiki.example/hl7) interface goes down tonight.',
    'Our HL7 <!-- audience: it --> feed stops tonight.',
    'Our HL7 <b>feed</b> stops tonight.',
    'Stop the **HL7** feed in order to test the **CPOE** link.',
    'A [data](https://example.org) breach happened, and we will utilize the system in order to **test**.',
    '> The HL7\n> feed stops at NPO time.',
    'Use the `HL7 feed` and the HL7 `feed` in order to start **in order to** go.',
    'The **[HL7 feed](u)** and *in order to* and [in order](u) to go.',
  ];
  for (const text of drafts) {
    const result = lint(text, { audience: 'clinical' });
    for (const finding of result.findings) {
      for (const fix of finding.fixes) {
        const fixed = applyFixes(text, [fix]);
        assert.deepEqual(markupOf(fixed), markupOf(text), `"${fix.title}" on ${JSON.stringify(text)} gave ${JSON.stringify(fixed)}`);
      }
    }
    assert.deepEqual(markupOf(fixAll(text)), markupOf(text), `fix-all on ${JSON.stringify(text)}`);
  }
  // The finding across a link's URL stays; its fix changes the words word for word and keeps the
  // link around the word it wrapped (it was refused before terms were read across markup).
  const link = lint(drafts[0], { audience: 'clinical' }).findings.find((f) => f.ruleId === 'jargon');
  assert.ok(link, 'the term is still reported');
  assert.deepEqual(link.fixes.map((f) => applyFixes(drafts[0], [f])), ['Our [data](https://wiki.example/hl7) link goes down tonight.']);
});

test('a term across inline HTML is read as its words, and its fix edits only the text inside the tags', () => {
  const cases: [draft: string, fixed: string | undefined][] = [
    // The tag wraps the whole term: the words inside change.
    ['The HL7 <b>interface engine</b> restarts at midnight.', 'The HL7 <b>data hub</b> restarts at midnight.'],
    ['The <span class="x">interface engine</span> restarts at midnight.', 'The <span class="x">data hub</span> restarts at midnight.'],
    // The tag stands between the words: word for word, each tag around the word it wrapped.
    ['The <b>interface</b> engine restarts at midnight.', 'The <b>data</b> hub restarts at midnight.'],
    ['The interface<br>engine restarts at midnight.', 'The data<br>hub restarts at midnight.'],
    // Only the words that change: "HL7 feed" to "data feed" keeps the bold "feed" and its space.
    ['Our HL7 <b>feed</b> stops tonight.', 'Our data <b>feed</b> stops tonight.'],
    // HL7 as a modifier, bold: no wording fits, as without the tag; "interface engine" reads as English.
    ['The <b>HL7</b> interface engine applies an urgent fix.', 'The <b>HL7</b> data hub applies an urgent fix.'],
    // Words that do not pair up one for one across a tag: not offered (patients' wording is longer).
  ];
  for (const [draft, fixed] of cases) {
    const text = `---\naudience: clinical\n---\n\n${draft}\n`;
    const replace = lint(text).findings.filter((f) => f.ruleId === 'jargon').flatMap((f) => f.fixes.filter((x) => x.kind === 'replace'));
    assert.equal(replace.length, 1, `${draft}: one replacement (${replace.map((f) => f.title).join(' | ')})`);
    assert.equal(applyFixes(text, replace).slice(text.indexOf('\n\n') + 2).trimEnd(), fixed, replace[0].title);
    // The title shows the sentence as it will read, without the tags.
    assert.ok(replace[0].title.endsWith(`: "${fixed?.replace(/<[^>]+>/g, (t) => (t === '<br>' ? ' ' : ''))}"`), replace[0].title);
  }
  const patients = '---\naudience: patients\n---\n\nThe <b>interface</b> engine restarts at midnight.\n';
  const finding = lint(patients).findings.find((f) => f.ruleId === 'jargon');
  assert.ok(finding, 'the term is found across the tag for patients too');
  assert.match(finding.message, /^"interface engine" is/, 'the message names the words, not the tag');
  assert.deepEqual(finding.fixes.filter((f) => f.kind === 'replace'), [], '"the link between our systems" does not pair up word for word');
});

function blockOf(text: string): ProseMap {
  const block = parseChunk(text).blocks[0] as BlockAnalysis;
  return new ProseMap([{ analysis: block, chunkStart: 0, audience: ['clinical'] }], []);
}

test("a task list item's text is placed character by character: its fixes edit the term, not the whole item", () => {
  // Shrunk from the widened property suite: remark takes the space after "[ ]" off the item's
  // first text once its characters were placed, and every character then stood for the whole
  // text, so "Replace with data feed" replaced "HL7 feed HL7 feed" and "add a.m." went before "at".
  const text = '- [ ] HL7 feed HL7 feed\n- [x] at 7:30 the call\n';
  const result = lint(text, { audience: 'clinical' });
  const jargon = result.findings.find((f) => f.ruleId === 'jargon');
  const clock = result.findings.find((f) => f.ruleId === 'date-check');
  assert.ok(jargon && clock, 'a jargon and a clock finding');
  assert.equal(slice(text, jargon.range), 'HL7 feed');
  assert.equal(jargon.range.start.offset, 6);
  assert.equal(applyFixes(text, [jargon.fixes[0]]), '- [ ] Data feed HL7 feed\n- [x] at 7:30 the call\n');
  assert.equal(slice(text, clock.range), '7:30');
  assert.equal(applyFixes(text, [clock.fixes[0]]), '- [ ] HL7 feed HL7 feed\n- [x] at 7:30 a.m. the call\n');
});

test('a bare URL or email is markup: a fix across it keeps it, word for word, or is not offered', () => {
  // Found by the widened property suite: the parser blanked a bare link in the prose but did not
  // list it as markup, so "in order https://… to" became "to" and the link was gone.
  const wordy = 'We call in order https://wiki.example/page to test.\n';
  const finding = lint(wordy, { audience: 'clinical' }).findings.find((f) => f.ruleId === 'simpler-word');
  assert.ok(finding, 'the wordy phrase is still flagged');
  assert.deepEqual(finding.fixes, []);
  const hub = 'The interface www.example.org engine stops.\n';
  const jargon = lint(hub, { audience: 'clinical' }).findings.find((f) => f.ruleId === 'jargon');
  assert.equal(jargon && applyFixes(hub, [jargon.fixes[0]]), 'The data www.example.org hub stops.\n');
  const mail = 'The HL7 help@example.org feed stops.\n';
  assert.equal(fixAll(mail), 'The data help@example.org feed stops.\n');
});

test('an edit across markup is narrowed to the prose it changes, or refused', () => {
  const text = 'A [data](https://example.org) breach today.';
  const prose = blockOf(text);
  const start = text.indexOf('data');
  const end = text.indexOf('breach') + 'breach'.length;
  // "data breach" to "data exposure": only "breach" changes, the link stays.
  assert.deepEqual(prose.keepMarkup({ start, end, newText: 'data exposure' }), { start: text.indexOf('breach'), end, newText: 'exposure' });
  // "data breach" to "incident": both sides change, so no edit keeps the link.
  assert.equal(prose.keepMarkup({ start, end, newText: 'incident' }), undefined);
  // Inside the link text, an edit is prose.
  assert.deepEqual(prose.keepMarkup({ start, end: start + 4, newText: 'records' }), { start, end: start + 4, newText: 'records' });
  // An edit that starts or ends inside markup is refused.
  assert.equal(prose.keepMarkup({ start: start - 1, end: start + 4, newText: 'x' }), undefined);
  assert.equal(prose.keepMarkup({ start: text.indexOf('https'), end: text.indexOf('https') + 5, newText: 'x' }), undefined);

  const bold = 'Stop the **HL7** feed.';
  const b = blockOf(bold);
  assert.equal(b.keepMarkup({ start: bold.indexOf('HL7'), end: bold.indexOf(' feed') + 5, newText: 'messages' }), undefined);
  assert.deepEqual(b.keepMarkup({ start: bold.indexOf('HL7'), end: bold.indexOf('HL7') + 3, newText: 'messages' }), { start: 11, end: 14, newText: 'messages' });
  // An entity is one character of prose: an edit may take it whole, never half.
  const entity = 'Stop&nbsp;now.';
  const e = blockOf(entity);
  assert.deepEqual(e.keepMarkup({ start: 0, end: 14 - 1, newText: 'Go' }), { start: 0, end: 13, newText: 'Go' });
  assert.equal(e.keepMarkup({ start: 0, end: 6, newText: 'Go' }), undefined);
});

test('applyFixes applies sorted, non-overlapping edits and refuses overlaps', () => {
  const text = 'abcdef';
  const edit = (start: number, end: number, newText: string): TextEdit => ({
    range: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } },
    newText,
  });
  assert.equal(applyFixes(text, [edit(4, 6, 'X'), edit(0, 1, 'Y'), edit(2, 2, '-')]), 'Yb-cdX');
  assert.equal(applyFixes(text, [{ title: 't', kind: 'replace', safe: false, edits: [edit(1, 2, ''), edit(2, 3, 'C')] }]), 'aCdef');
  assert.throws(() => applyFixes(text, [edit(0, 3, 'x'), edit(2, 4, 'y')]), RangeError);
  assert.throws(() => applyFixes(text, [edit(2, 2, 'x'), edit(2, 3, 'y')]), RangeError);
  assert.throws(() => applyFixes(text, [edit(5, 9, 'x')]), RangeError);
  assert.deepEqual(sortedEdits(text, [edit(3, 4, ''), edit(0, 1, '')]).map((e) => e.range.start.offset), [0, 3]);
  const fix = (start: number, end: number) => ({ title: `${start}`, kind: 'replace' as const, safe: false, edits: [edit(start, end, 'z')] });
  assert.deepEqual(compatibleFixes([fix(0, 2), fix(1, 3), fix(2, 4), fix(2, 3), fix(5, 6)]).map((f) => f.title), ['0', '2', '5']);
});

test('fix-all settles: a second run changes nothing more', () => {
  const drafts = [
    'The HL7 feed and the CPOE screen go down. In order to test, utilize the MAR.',
    '# Downtime\n\nThe EHR and the PACS stop; the HL7 feed stops. NPO patients stay NPO.\n',
    // Spelling out STAT writes "immediately (STAT)"; simpler-word once made that "at once (STAT)",
    // which the acronym rule spelled out again, for ever.
    'Call the lab for STAT values before noon.',
  ];
  for (const text of drafts) {
    let current = text;
    let result: LintResult | undefined;
    for (let pass = 0; pass < 3; pass++) {
      result = lint(current, { audience: 'clinical' });
      current = applyFixes(current, fixAllFixes(result.findings));
    }
    assert.equal(fixAll(current), current, `fix-all does not settle on ${JSON.stringify(text)}`);
  }
});

test('"Disable for this line" puts its comment where it changes nothing else', async () => {
  const { disableLineEdit } = await import('../../src/index');
  const put = (text: string, at: string, rule = 'jargon') => {
    const line = text.slice(0, text.indexOf(at)).split(/\r\n?|\n/).length - 1;
    const edit = disableLineEdit(text, line, rule);
    assert.ok(edit, `an edit for ${JSON.stringify(text)}`);
    return applyFixes(text, [edit]);
  };
  // A comment that opens on the line and runs on: the directive goes before it, so it stays whole.
  const opening = 'The HL7 feed stops. <!-- draft notes:\nthe HL7 feed and CPOE are hidden here\n-->\n\nAfter.\n';
  const disabled = put(opening, 'HL7');
  assert.equal(disabled, 'The HL7 feed stops. <!-- crosswalk-disable-line jargon --> <!-- draft notes:\nthe HL7 feed and CPOE are hidden here\n-->\n\nAfter.\n');
  const after = lint(disabled, { audience: 'clinical' }).findings;
  assert.equal(after.filter((f) => f.ruleId === 'jargon').length, 0, 'the line is disabled and the hidden text stays hidden');
  assert.ok(!after.some((f) => f.range.start.line === 2), 'nothing is reported inside the comment');
  // A comment closed on the line, and a `<!--` in a code span, change nothing: end of the line.
  assert.equal(put('The HL7 feed <!-- x --> stops.', 'HL7'), 'The HL7 feed <!-- x --> stops. <!-- crosswalk-disable-line jargon -->');
  assert.equal(put('Type `<!--` for the HL7 feed.', 'HL7'), 'Type `<!--` for the HL7 feed. <!-- crosswalk-disable-line jargon -->');
  // A table row keeps its cells; a heading its closing #s; a hard break its backslash.
  assert.equal(put('| a | b |\n| - | - |\n| HL7 feed | x |\n', 'HL7'), '| a | b |\n| - | - |\n| HL7 feed | x <!-- crosswalk-disable-line jargon --> |\n');
  assert.equal(put('## The HL7 feed ##\n', 'HL7'), '## The HL7 feed <!-- crosswalk-disable-line jargon --> ##\n');
  assert.equal(put('The HL7 feed\\\nstops.\n', 'HL7'), 'The HL7 feed <!-- crosswalk-disable-line jargon -->\\\nstops.\n');
  // CRLF and lone CR end lines too.
  assert.equal(put('The HL7 feed\r\nstops.', 'HL7'), 'The HL7 feed <!-- crosswalk-disable-line jargon -->\r\nstops.');
  assert.equal(put('The HL7 feed\rstops.', 'HL7'), 'The HL7 feed <!-- crosswalk-disable-line jargon -->\rstops.');
  // Never in front matter.
  assert.equal(disableLineEdit('---\ntitle: HL7 feed\n---\nText.', 1, 'jargon'), undefined);
  assert.equal(disableLineEdit('---\rtitle: HL7 feed\r---\rText.', 1, 'jargon'), undefined);
});

test('a lone CR ends a line, as CommonMark and VS Code count lines', async () => {
  const { splitChunks } = await import('../../src/core/chunks');
  for (const eol of ['\n', '\r\n', '\r']) {
    // TLS is an acronym clinical readers do not know and the glossary does not hold.
    const text = ['---', 'audience: clinical', '---', '# Title', '', 'The HL7 feed stops.', '', '- one TLS', '- two'].join(eol);
    const result = lint(text);
    assert.deepEqual(result.audience, ['clinical'], `front matter read with ${JSON.stringify(eol)}`);
    const at = result.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${slice(text, f.range)}`);
    assert.deepEqual(at, ['jargon 6:5 HL7 feed', 'undefined-acronym 8:7 TLS'], `with ${JSON.stringify(eol)}`);
    assert.equal(splitChunks(text).length, 4, `chunks split at blank lines with ${JSON.stringify(eol)}`);
  }
});

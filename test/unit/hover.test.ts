// The hover of a hard or long sentence (src/core/hover-text.ts, shared by the extension and the
// language server): it names the words that push the grade up, says the grade once (a hard
// sentence's grade is in the diagnostic shown with the hover, its card names the target), and shows
// no unrelated definition card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audiences, editorMessage, hoverAt, lint } from '../../src/index';

const CLINICAL = '---\naudience: clinical\n---\n\n';
const HARD = 'The interdisciplinary implementation committee will subsequently operationalize the comprehensive eMAR documentation standardization initiative across organizational departments.';
const LONG = 'The interdisciplinary implementation committee will subsequently operationalize the comprehensive UAT documentation standardization initiative across organizational departments after the go-live of the new interface engine and the HL7 feeds next month.';

/** What the editor shows on hover: the diagnostics under the cursor, then the hover's parts. */
function shown(text: string, at: string) {
  const result = lint(text);
  const offset = text.indexOf(at) + 1;
  const hover = hoverAt(result, offset, audiences());
  const diagnostics = result.findings.filter((f) => f.range.start.offset <= offset && offset <= f.range.end.offset).map(editorMessage);
  return { parts: hover?.parts ?? [], diagnostics, all: [...diagnostics, ...(hover?.parts ?? [])].join('\n') };
}

test('a hard sentence: the hard words with their syllables, the grade once, and no card for a term these readers know', () => {
  const { parts, diagnostics, all } = shown(`${CLINICAL}${HARD}\n`, 'eMAR');
  assert.equal(parts.length, 1, `only the sentence's hover, no definition of eMAR (clinical staff know it): ${JSON.stringify(parts)}`);
  assert.match(parts[0], /^\*\*Hard to read for clinical staff\*\*/);
  assert.match(parts[0], /^\*\*Hard to read for clinical staff\*\* \(their target: grade 8\)\n/);
  assert.doesNotMatch(parts[0], /grade (?!8\b)\d+/i, 'the card leaves the grade to the diagnostic');
  assert.match(parts[0], /What pushes the grade up: the long words \*interdisciplinary\* \(7 syllables\), \*operationalize\* \(6 syllables\)/);
  assert.equal((all.match(/grade \d+/gi) ?? []).length - (all.match(/grade 8/gi) ?? []).length, 1, `the sentence's grade is said once: ${all}`);
  const problem = diagnostics.find((d) => d.startsWith('Hard for clinical readers'));
  assert.match(problem ?? '', /^Hard for clinical readers: grade \d+\+?, target 8 \(hard words: interdisciplinary, [a-z]+, [a-z]+ and \d+ more\)\. Split it or use shorter words\.$/, 'the Problems panel names the grade and the first hard words');
  // The CLI's message keeps the grade: it has no hover.
  assert.match(lint(`${CLINICAL}${HARD}\n`).findings.find((f) => f.ruleId === 'readability')?.message ?? '', /grade \S+ against a target of grade 8/);
});

test('a long sentence: its length, its grade once, and the jargon and long words that make it hard; a jargon term keeps its card', () => {
  const { parts, all } = shown(`${CLINICAL}${LONG}\n`, 'UAT');
  assert.equal(parts.length, 2, 'the card of UAT (jargon for clinical staff) and the sentence');
  assert.match(parts[0], /^\*\*UAT\*\* — /);
  assert.match(parts[1], /^\*\*Long for clinical staff\*\*\n\n30 words in one sentence; these readers read best at 20 or fewer\. Grade \d+ against a target of grade 8\./);
  assert.match(parts[1], /the jargon \*UAT\*, \*interface engine\*, \*HL7 feeds\* \(hover each for plainer words\)/);
  assert.equal((all.match(/grade \d+/gi) ?? []).length - (all.match(/grade 8/gi) ?? []).length, 1, `the grade once: ${all}`);
  // Elsewhere in the sentence: the sentence alone.
  assert.equal(shown(`${CLINICAL}${LONG}\n`, 'committee').parts.length, 1);
});

test('a term outside a flagged sentence still explains itself, known or not', () => {
  const known = shown(`${CLINICAL}Chart in the eMAR today.\n`, 'eMAR');
  assert.equal(known.parts.length, 1);
  assert.match(known.parts[0], /^\*\*eMAR\*\*/);
  assert.match(known.parts[0], /This section's readers \(clinical staff\) know this term\./);
});

test('a screen reader label is plain text: no codicons, Markdown marks or tags, underscores kept', async () => {
  const { screenReaderText } = await import('../../src/index');
  assert.equal(screenReaderText('$(person) Audience: **Pharmacy** · grade 7'), 'Audience: Pharmacy · grade 7');
  assert.equal(screenReaderText('Crosswalk does not check `my_draft.md`: <b>ignored</b> by $(gear) config.'), 'Crosswalk does not check my_draft.md: ignored by config.');
  assert.equal(screenReaderText('Crosswalk is checking this draft.'), 'Crosswalk is checking this draft.');
});

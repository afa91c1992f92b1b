// The hover of a hard sentence in a real VS Code: the Problems panel's message names the grade and
// the first hard words; the hover box (that message and the card) says the grade once, the card
// naming the target and every hard word; no unrelated card.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanUp, crosswalkApi, diagnosticsWhere, openDraft } from './drafts';
import { hoverText, rangeOf, ruleId, waitFor } from './helpers';

const CLINICAL = '---\naudience: clinical\n---\n\n';
const HARD = 'The interdisciplinary implementation committee will subsequently operationalize the comprehensive eMAR documentation standardization initiative across organizational departments.';

describe('Editor: the hover of a hard sentence', () => {
  before(crosswalkApi);
  afterEach(cleanUp);

  it('names the hard words, says the grade once, and shows no card for a term its readers know', async () => {
    const { document } = await openDraft('hover-sentence', `${CLINICAL}${HARD}\n`);
    const [hard] = (await diagnosticsWhere(document, (ds) => ds.some((d) => ruleId(d) === 'readability'), 'a readability diagnostic')).filter((d) => ruleId(d) === 'readability');
    assert.match(hard.message, /^Hard for clinical readers: grade \d+\+?, target 8 \(hard words: interdisciplinary, [a-z]+, [a-z]+ and \d+ more\)\. Split it or use shorter words\.$/,
      'the Problems panel names the grade and the first hard words, briefly');
    const position = rangeOf(document, 'eMAR').start.translate(0, 1);
    let text = '';
    await waitFor(async () => {
      text = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? []);
      return /Hard to read/.test(text);
    }, 15_000, 'the sentence hover');
    assert.match(text, /Hard to read for clinical staff\*\* \(their target: grade 8\)/);
    assert.doesNotMatch(text, /grade (?!8\b)\d+/i, 'the card leaves the grade to the diagnostic shown above or beside it');
    assert.equal((`${hard.message}\n${text}`.match(/grade (?!8\b)\d+/gi) ?? []).length, 1, `the grade once: ${text}`);
    assert.match(text, /What pushes the grade up: the long words \*interdisciplinary\* \(7 syllables\)/);
    assert.doesNotMatch(text, /\*\*eMAR\*\*|Known to:/, 'no definition card of eMAR: clinical staff know it, and it is not what makes the sentence hard');
  });
});

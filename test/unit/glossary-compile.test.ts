import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeGlossaries } from '../../src/core/glossary';
import { mergeGlossariesAsync, Slicer, splitTermItems } from '../../src/core/glossary-compile';
import { createLinter, createLinterAsync } from '../../src/index';

/** A team glossary of `n` terms in the usual shape, with comments, quoting, lists and maps. */
function teamGlossary(n: number, eol = '\n'): string {
  const lines = ['# Team glossary', 'version: 1', 'terms:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  - term: Widget${i} frame  # the frame`, `    definition: "The frame number ${i}: of the widget line."`, `    plain: frame ${i}`);
    if (i % 3 === 0) lines.push(`    aliases: [WF${i}, wframe ${i}]`);
    if (i % 5 === 0) lines.push('    familiar_to:', '      - it', '      - admin');
    if (i % 7 === 0) lines.push('    replace:', `      clinical: the ${i} frame`, '    definition_note: |', '      - not a list item', '', '      more');
    if (i % 11 === 0) lines.push('');
  }
  lines.push('# trailing comment', '');
  return lines.join(eol);
}

const counting = () => {
  let pauses = 0;
  // sliceMs 0: a pause at every chance, so that a small glossary shows the slices.
  const slicer = new Slicer({ sliceMs: 0, pause: async () => void pauses++ });
  return { slicer, pauses: () => pauses };
};

test('a team glossary compiled in slices gives the entries and problems of the one-go merge', async () => {
  const cases: Record<string, string> = {
    usual: teamGlossary(300),
    crlf: teamGlossary(50, '\r\n'),
    'lone CR': teamGlossary(20, '\r'),
    'items at column 0': 'terms:\n- term: Alpha box\n  definition: A box.\n- term: Beta box\n  plain: a box\nversion: 1\n',
    'flow list': 'terms: [{term: Alpha box, definition: A box.}]\n',
    'alias between items': 'terms:\n  - term: Alpha box\n    familiar_to: &who [it]\n  - term: Beta box\n    familiar_to: *who\n',
    'an unknown alias': 'terms:\n  - term: Alpha box\n    familiar_to: *nobody\n',
    'a YAML error in an item': 'terms:\n  - term: Alpha box\n    definition: [unclosed\n  - term: Beta box\n',
    'a duplicate key in an item': 'terms:\n  - term: Alpha box\n    term: Beta box\n',
    'two terms keys': 'terms:\n  - term: Alpha box\nterms:\n  - term: Beta box\n',
    'a key at the dash column': 'terms:\n  - term: Alpha box\n  plain: x\n',
    'no terms': 'version: 1\n',
    'a document marker': '---\nterms:\n  - term: Alpha box\n',
    'tabs': 'terms:\n\t- term: Alpha box\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    const teams = [{ name: 'team.yaml', text }];
    const once = mergeGlossaries([], teams);
    const { slicer, pauses } = counting();
    const sliced = await mergeGlossariesAsync([], teams, slicer);
    assert.deepEqual(sliced, once, name);
    // 64 items a parse: the usual shape is parsed in five slices, not in one go.
    if (name === 'usual') assert.ok(pauses() >= 5, `usual: ${pauses()} pauses`);
  }
  assert.ok(await splitTermItems(cases.usual), 'the usual shape is parsed in slices');
  assert.equal(await splitTermItems(cases['flow list']), undefined);
});

test('createLinterAsync yields while a large team glossary compiles, and checks as createLinter does', async () => {
  const glossaries = [{ name: '/work/team.yaml', text: teamGlossary(3000) }];
  let count = 0;
  const linter = await createLinterAsync({ glossaries, audience: 'clinical' }, { sliceMs: 0, pause: async () => void count++ });
  assert.ok(count > 10, `the compile paused between slices (${count} pauses)`);
  const text = 'The Widget12 frame and WF3 are down. Call the service desk.\n';
  const sync = createLinter({ glossaries, audience: 'clinical' });
  assert.deepEqual(linter.lint(text).findings, sync.lint(text).findings);
  assert.ok(linter.lint(text).findings.some((f) => f.ruleId === 'jargon' && f.term === 'Widget12 frame'), 'the team term is found');
});

test('two drafts that ask for the same glossary at once compile it once', async () => {
  const glossaries = [{ name: '/work/team-twice.yaml', text: teamGlossary(500) }];
  let pauses = 0;
  const slicing = { sliceMs: 0, pause: async () => void pauses++ };
  const [a, b] = await Promise.all([createLinterAsync({ glossaries }, slicing), createLinterAsync({ glossaries }, slicing)]);
  const once = pauses;
  await createLinterAsync({ glossaries }, slicing);
  assert.equal(pauses, once, 'a compiled glossary is not compiled again');
  const text = 'The Widget7 frame is down.\n';
  assert.deepEqual(a.lint(text).findings, b.lint(text).findings);
});

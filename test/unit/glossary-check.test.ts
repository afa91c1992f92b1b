/**
 * A team glossary's format check in slices (src/core/glossary-check.ts), as the language server
 * runs it (issue 9): the same findings as the one-go check (`checkGlossary`, the CLI's), at the same
 * places and in the same order, for every shape of file; and no step that grows with the file.
 * Asserted through counts of pauses and of the work done between two pauses (test/unit/work-count.ts),
 * never by the clock: bench/glossary-steps.mjs measures how long a step takes.
 */
import { workSinceLast } from './work-count';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkGlossary, checkGlossaryAsync, discoverConfig, type CrosswalkConfig } from '../../src/index';

/** A pause at every chance (`sliceMs: 0`), counted; a resolved promise, so the test waits on no timer. */
const counted = () => {
  const counts = { pauses: 0 };
  return { counts, slicing: { sliceMs: 0, pause: async () => void counts.pauses++ } };
};

/** Bad and good entries of every kind the check reports, in the usual shape, `n` of them. */
function teamGlossary(n: number, eol = '\n'): string {
  const lines = ['# Team glossary', 'version: 2', 'sources:', '  ward: {title: "Ward handbook", url: "https://example.org/h"}', '  Bad Key: {title: x}', 'terms:'];
  for (let i = 0; i < n; i++) {
    const k = i % 9;
    // Items 4, 5 and 7 open otherwise.
    if (k !== 4 && k !== 5 && k !== 7) lines.push(`  - term: Widget${i} frame  # the frame`);
    if (k === 0) lines.push('    domain: clinical', '    familiar_to: [it, nurses, Clinical]', '    definition: The frame.', '    plain: frame', '    replace: {clinical: the frame, wizards: a frame}', '    severity: warning', '    sources: [ward]');
    if (k === 1) lines.push('    familar_to: [clinical]', '    severity: high');
    if (k === 2) lines.push('    override: true', '    weak: true', '    not_familiar_to: admins');
    if (k === 3) lines.push('    banned: true', '    aliases: [WF, WF]', '', '    # a comment inside an item');
    if (k === 4) lines.push('  - definition: no term here');
    if (k === 5) lines.push('  - just a string');
    if (k === 6) lines.push('    definition: |', '      - not a list item', '', '      more', '    sources: []');
    if (k === 7) lines.push('  - term: UAT', '    familiar_to: clinical');
    if (k === 8) lines.push('    domain: nursing', '    verbs: [frame up]');
  }
  lines.push('extra: 1', '# trailing comment', '');
  return lines.join(eol);
}

const config: CrosswalkConfig = { audiences: { nurses: { extends: 'clinical', label: 'Nurses' } } } as CrosswalkConfig;

async function same(name: string, text: string, withConfig?: CrosswalkConfig) {
  const once = checkGlossary('/work/team.yaml', text, withConfig);
  const { counts, slicing } = counted();
  const sliced = await checkGlossaryAsync('/work/team.yaml', text, withConfig, slicing);
  assert.deepEqual(sliced, once, name);
  return { findings: once, pauses: counts.pauses };
}

test('the sliced check gives the one-go check\'s findings, in order and at the same places, for every shape of file', async () => {
  const cases: Record<string, string> = {
    usual: teamGlossary(200),
    crlf: teamGlossary(40, '\r\n'),
    'lone CR': teamGlossary(20, '\r'),
    'items at column 0': 'terms:\n- term: Alpha box\n  definition: A box.\n- term: Beta box\n  plain: a box\nversion: 3\n',
    'keys after the list': 'terms:\n  - term: Alpha box\nversoin: 1\nsources: 3\n',
    'flow list': 'terms: [{term: Alpha box, definition: A box.}]\n',
    'alias between items': 'terms:\n  - term: Alpha box\n    familiar_to: &who [it]\n  - term: Beta box\n    familiar_to: *who\n',
    'an unknown alias': 'terms:\n  - term: Alpha box\n    familiar_to: *nobody\n',
    'a YAML error in an item': 'terms:\n  - term: Alpha box\n    definition: [unclosed\n  - term: Beta box\n',
    'a duplicate key in an item': 'terms:\n  - term: Alpha box\n    term: Beta box\n',
    'two terms keys': 'terms:\n  - term: Alpha box\nterms:\n  - term: Beta box\n',
    'a key at the dash column': 'terms:\n  - term: Alpha box\n  plain: x\n',
    'no terms': 'version: 1\n',
    'terms not a list': 'terms: UAT\n',
    'not a map': '- term: Alpha box\n',
    'a document marker': '---\nterms:\n  - term: Alpha box\n',
    tabs: 'terms:\n\t- term: Alpha box\n',
    'no line break at the end': 'terms:\n  - term: Alpha box\n    domain: nursing',
    'an empty item': 'terms:\n  -\n  - term: Alpha box\n',
    'an item with no space after its dash': 'terms:\n  -\n    term: Alpha box\n    severity: loud\n',
    empty: '',
  };
  for (const [name, text] of Object.entries(cases)) {
    await same(name, text);
    await same(`${name}, with team audiences`, text, config);
  }
  const usual = await same('usual', cases.usual, config);
  assert.ok(usual.findings.length > 150, `the usual case has findings of every kind (${usual.findings.length})`);
  assert.ok(usual.findings.some((f) => f.message.includes('Unknown audience "wizards"')) && usual.findings.some((f) => f.message.includes('"version" must be 1')), 'audience and top-level findings are among them');
  assert.ok(usual.pauses >= 200 / 64, `the usual shape is checked in parts (${usual.pauses} pauses)`);
});

test('on generated glossaries the sliced check gives the one-go check\'s findings', async () => {
  // Mostly lines that keep the usual shape (so that most files are checked in parts), some that break it.
  const usual = fc.constantFrom('  - term: Alpha box', '  - term: UAT', '  -', '    domain: nursing', '    domain: it', '    familiar_to: [it, nobody]',
    '    familiar_to: clinical', '    not_familiar_to: [nurses]', '    weak: true', '    context: [box]', '    replace: {zz: a, clinical: b}', '    aliases: [a, a]', '    override: true',
    '    severity: loud', '    definition: |\n      - inside\n\n      more', '', '# comment', '    # comment', '    sources: [Bad]', '    familiar_to:\n      - it\n      - nobody', '    plurals:');
  const odd = fc.oneof(
    fc.constantFrom('- term: Edge', '  - plain', '      - inside', '    familiar_to:', '    term: again', 'version: 2', 'extra: 1', 'terms:', '\t- term: tab', '    x: [unclosed', '    y: &a [it]', '    z: *a', '  plain: x', '   odd: 3', 'sources: {Bad: 1}'),
    fc.string({ maxLength: 12 }),
  );
  const line = fc.oneof({ arbitrary: usual, weight: 40 }, { arbitrary: odd, weight: 1 });
  // Repeated, so that some files have more items than one part holds (64).
  const file = fc.record({ lines: fc.array(line, { maxLength: 30 }), times: fc.integer({ min: 1, max: 40 }), eol: fc.constantFrom('\n', '\r\n', '\r') })
    .map(({ lines, times, eol }) => ['version: 1', 'terms:', '  - term: First box', ...Array.from({ length: times }, () => lines).flat()].join(eol));
  await fc.assert(fc.asyncProperty(file, fc.boolean(), async (text, withConfig) => {
    const once = checkGlossary('/work/team.yaml', text, withConfig ? config : undefined);
    const sliced = await checkGlossaryAsync('/work/team.yaml', text, withConfig ? config : undefined, { sliceMs: 0, pause: () => Promise.resolve() });
    assert.deepEqual(sliced, once);
  }), { numRuns: 400 });
});

test('.crosswalk.yaml\'s glossaries are checked in slices when the caller asks (the language server), with the same findings', async () => {
  const files: Record<string, string> = {
    '/work/.crosswalk.yaml': 'glossaries: [team.yaml]\naudiences:\n  nurses: {extends: clinical, label: Nurses}\n',
    '/work/team.yaml': teamGlossary(100),
  };
  const read = async (p: string) => files[p];
  const once = await discoverConfig('/work', read);
  const { counts, slicing } = counted();
  const sliced = await discoverConfig('/work', read, undefined, { slicing });
  assert.deepEqual(sliced, once);
  assert.ok(once.problems.some((p) => p.path === '/work/team.yaml' && p.findings.length > 50), 'the glossary has findings');
  assert.ok(counts.pauses >= 100 / 64, `checked in parts (${counts.pauses} pauses)`);
});

/** bench/safety.mjs `teamGlossary`: the usual shape, every term lacking fields a new term needs (a finding each). */
function benchGlossary(n: number): string {
  const lines = ['version: 1', 'terms:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  - term: Widget${i} frame`, `    definition: The frame number ${i} of the widget line.`, `    plain: frame ${i}`);
    if (i % 4 === 0) lines.push(`    aliases: [WF${i}]`, '    familiar_to: [it]');
  }
  return lines.join('\n') + '\n';
}

/**
 * The work (counted calls and block runs, test/unit/work-count.ts) of each stretch between two
 * pauses of the sliced check: the check is suspended at each pause, where the work since the last
 * one is taken.
 */
async function stepsOfCheck(text: string): Promise<{ longest: number; pauses: number; total: number }> {
  const steps: number[] = [];
  await workSinceLast();
  const findings = await checkGlossaryAsync('/work/team.yaml', text, undefined, { sliceMs: 0, pause: async () => void steps.push(await workSinceLast()) });
  steps.push(await workSinceLast());
  assert.deepEqual(findings, checkGlossary('/work/team.yaml', text));
  return { longest: Math.max(...steps), pauses: steps.length - 1, total: steps.reduce((a, b) => a + b, 0) };
}

test('no step of the sliced check grows with the glossary: four times the terms, four times the pauses and the work, the same longest step', async () => {
  const small = await stepsOfCheck(benchGlossary(2000));
  const large = await stepsOfCheck(benchGlossary(8000));
  assert.ok(large.pauses >= 3.5 * small.pauses, `four times the terms, about four times the pauses (${small.pauses} -> ${large.pauses})`);
  assert.ok(large.total >= 3.5 * small.total && large.total <= 5 * small.total, `about four times the work in all (${small.total} -> ${large.total})`);
  assert.ok(large.longest <= 1.3 * small.longest, `the longest step does not grow with the file (${small.longest} -> ${large.longest})`);
  // The one-go check is one step of all that work.
  assert.ok(large.longest * 50 < large.total, `a step is a small part of the whole (${large.longest} of ${large.total})`);
});

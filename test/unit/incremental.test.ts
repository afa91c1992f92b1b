/**
 * The incremental path (`createLinter().lint`, which reuses the analysis of unchanged chunks) must
 * give exactly the findings of a full check. Random but seeded sequences of edits to a realistic
 * draft: characters and words inserted, deleted and replaced, paragraphs split and joined, front
 * matter with its audience and allowed terms added and removed, audience markers, code fences
 * (closed and not), HTML comments, suppressions, indented lines and CRLF. After each edit the two
 * results must be identical.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLinter, lint, type LintOptions } from '../../src/index';
import { splitChunks } from '../../src/core/chunks';
import { makeDraft, prng, type Prng } from '../../bench/generate.mjs';

interface Edit {
  name: string;
  apply(text: string, r: Prng): string;
}

const WORDS = ['UAT', 'HL7', 'cutover', 'eMAR', 'CPOE', 'RTO', 'PHI', 'downtime', 'the', 'nurses', 'go-live', 'BCMA',
  'user acceptance testing (UAT)', 'utilize', 'was restored', 'EHR', 'STAT', 'ADT', 'FHIR', 'prior to', 'MRN', '[SITE NAME]',
  'ICU', 'PACS', 'rollback', 'XYZQ', 'commence', 'is being reviewed', 'Sev 1', 'SSO'];
const CHARS = ['a', 'e', 'T', ' ', ' ', '.', ',', '\n', '\n\n', '#', '*', '`', '|', '-', '<', '>', '(', ')', '[', ']', '_', '\t', '1', 'é'];
const AUDIENCES = ['clinical', 'it', 'admin', 'all', '[clinical, admin]', 'nurses'];

const at = (text: string, r: Prng) => r.int(text.length + 1);

/** A random offset just before a word (or the end). */
function wordStart(text: string, r: Prng): number {
  const starts: number[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)) starts.push(m.index);
  return starts.length ? r.pick(starts) : text.length;
}

/** Offsets of every blank line between blocks ("\n\n"). */
function breaks(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n\n'); i !== -1; i = text.indexOf('\n\n', i + 1)) out.push(i);
  return out;
}

/** Offset of the start of a random line. */
function lineStart(text: string, r: Prng): number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return r.pick(starts);
}

const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

const FRONT = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

const EDITS: Edit[] = [
  {
    name: 'insert characters',
    apply: (t, r) => {
      const i = at(t, r);
      let s = '';
      for (let k = r.between(1, 4); k > 0; k--) s += r.pick(CHARS);
      return splice(t, i, i, s);
    },
  },
  { name: 'delete characters', apply: (t, r) => { const i = at(t, r); return splice(t, i, Math.min(t.length, i + r.between(1, 12)), ''); } },
  { name: 'replace character', apply: (t, r) => { const i = r.int(Math.max(1, t.length)); return splice(t, i, i + 1, r.pick(CHARS)); } },
  { name: 'insert word', apply: (t, r) => { const i = wordStart(t, r); return splice(t, i, i, `${r.pick(WORDS)} `); } },
  {
    name: 'delete word',
    apply: (t, r) => { const i = wordStart(t, r); const m = /^[^\s]+\s?/.exec(t.slice(i)); return splice(t, i, i + (m?.[0].length ?? 0), ''); },
  },
  {
    name: 'replace word',
    apply: (t, r) => { const i = wordStart(t, r); const m = /^[\p{L}\p{N}]+/u.exec(t.slice(i)); return splice(t, i, i + (m?.[0].length ?? 0), r.pick(WORDS)); },
  },
  {
    name: 'split paragraph',
    apply: (t, r) => {
      const spaces = [...t.matchAll(/(?<=[.,]) (?=\S)/g)].map((m) => m.index);
      if (!spaces.length) return t;
      const i = r.pick(spaces);
      return splice(t, i, i + 1, '\n\n');
    },
  },
  {
    name: 'join paragraphs',
    apply: (t, r) => { const b = breaks(t); if (!b.length) return t; const i = r.pick(b); return splice(t, i, i + 2, r.chance(0.5) ? ' ' : '\n'); },
  },
  {
    name: 'set front matter audience',
    apply: (t, r) => {
      const audience = r.pick(AUDIENCES);
      const m = FRONT.exec(t);
      if (!m) return `---\naudience: ${audience}\n---\n\n${t}`;
      if (/^audience:.*$/m.test(m[0])) return t.replace(/^audience:.*$/m, `audience: ${audience}`);
      return t.replace(/^---\r?\n/, `---\naudience: ${audience}\n`);
    },
  },
  {
    name: 'set front matter allow',
    apply: (t, r) => {
      const allow = `allow: [${r.pick(['UAT', 'HL7, eMAR', 'cutover', 'CPOE, RTO, PHI', 'downtime'])}]`;
      const m = FRONT.exec(t);
      if (!m) return `---\n${allow}\n---\n\n${t}`;
      if (/^allow:.*$/m.test(m[0])) return r.chance(0.3) ? t.replace(/^allow:.*\r?\n/m, '') : t.replace(/^allow:.*$/m, allow);
      return t.replace(/^---\r?\n/, `---\n${allow}\n`);
    },
  },
  {
    name: 'remove front matter audience',
    apply: (t, r) => {
      const m = FRONT.exec(t);
      if (!m) return t;
      return r.chance(0.5) ? t.slice(m[0].length) : m[0].replace(/^audience:.*\r?\n/m, '') + t.slice(m[0].length);
    },
  },
  {
    name: 'add audience marker',
    apply: (t, r) => {
      const headings = [...t.matchAll(/^#{1,6} /gm)].map((m) => m.index);
      const i = headings.length && r.chance(0.7) ? r.pick(headings) : lineStart(t, r);
      const marker = `<!-- audience: ${r.pick(AUDIENCES)} -->`;
      return splice(t, i, i, r.chance(0.8) ? `${marker}\n\n` : `${marker}\n`);
    },
  },
  {
    name: 'remove audience marker',
    apply: (t, r) => {
      const markers = [...t.matchAll(/<!-- audience:[^>]*-->\n*/g)];
      if (!markers.length) return t;
      const m = r.pick(markers);
      return splice(t, m.index, m.index + m[0].length, '');
    },
  },
  {
    name: 'insert code fence',
    apply: (t, r) => {
      const i = lineStart(t, r);
      const fence = r.pick(['```', '~~~', '````']);
      // Sometimes an unclosed fence, which runs to the end of the draft, as one being typed does.
      return splice(t, i, i, r.chance(0.6) ? `${fence}sh\nsystemctl restart hl7-listener\n${fence}\n\n` : `${fence}\n`);
    },
  },
  {
    name: 'remove code fence line',
    apply: (t, r) => {
      const fences = [...t.matchAll(/^(?:```|~~~)[^\n]*\n?/gm)];
      if (!fences.length) return t;
      const m = r.pick(fences);
      return splice(t, m.index, m.index + m[0].length, '');
    },
  },
  {
    name: 'insert comment or suppression',
    apply: (t, r) => {
      const i = lineStart(t, r);
      return splice(t, i, i, r.pick(['<!--\n', '-->\n', '<!-- crosswalk-disable jargon -->\n', '<!-- crosswalk-enable -->\n',
        '<!-- crosswalk-disable-next-line -->\n', '<!-- a note\nover two lines -->\n\n']));
    },
  },
  { name: 'insert indented line', apply: (t, r) => { const i = lineStart(t, r); return splice(t, i, i, '    continued with HL7 and UAT\n'); } },
  { name: 'insert list or table', apply: (t, r) => { const i = lineStart(t, r); return splice(t, i, i, r.pick(['- UAT starts\n- eMAR down\n\n', '| A | B |\n| --- | --- |\n| PHI | RTO |\n\n', '# Go-live\n\n', '1. Cutover\n'])); } },
  { name: 'CRLF line ending', apply: (t, r) => { const b = [...t.matchAll(/(?<!\r)\n/g)].map((m) => m.index); if (!b.length) return t; const i = r.pick(b); return splice(t, i, i + 1, '\r\n'); } },
  { name: 'undo to a paragraph of the start draft', apply: (t) => t },
];

interface Step {
  edit: string;
  before: string;
  after: string;
}

function runSequence(seed: number, options: LintOptions, steps: number): void {
  const r = prng(seed);
  const start = makeDraft(r.between(250, 450), seed);
  let text = start;
  const linter = createLinter(options);
  const history: Step[] = [];
  const check = () => {
    const incremental = JSON.stringify(linter.lint(text));
    const full = JSON.stringify(lint(text, options));
    if (incremental !== full) {
      const last = history.at(-1);
      assert.fail(
        `seed ${seed}, step ${history.length} (${last?.edit}): incremental result differs from a full check.\n` +
          `options: ${JSON.stringify(options)}\n` + firstDifference(incremental, full) +
          (last ? `\nlast edit: ${describeEdit(last.before, last.after)}` : ''),
      );
    }
  };
  check();
  for (let i = 0; i < steps; i++) {
    const edit = r.pick(EDITS);
    const before = text;
    text = edit.name.startsWith('undo') ? undoToStart(text, start, r) : edit.apply(text, r);
    history.push({ edit: edit.name, before, after: text });
    // Now and then the editor checks only after a few edits, so several chunks change at once.
    if (r.chance(0.8) || i === steps - 1) check();
  }
}

/** Puts one blank-line-separated block of the start draft back, as an undo does. */
function undoToStart(text: string, start: string, r: Prng): string {
  const blocks = start.split('\n\n');
  const current = text.split('\n\n');
  const i = r.int(Math.min(blocks.length, current.length));
  current[i] = blocks[i];
  return current.join('\n\n');
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at character ${i}:\n  incremental: …${a.slice(Math.max(0, i - 150), i + 150)}…\n  full check:  …${b.slice(Math.max(0, i - 150), i + 150)}…`;
}

function describeEdit(before: string, after: string): string {
  let s = 0;
  while (s < before.length && s < after.length && before[s] === after[s]) s++;
  let e = 0;
  while (e < before.length - s && e < after.length - s && before[before.length - 1 - e] === after[after.length - 1 - e]) e++;
  return `at offset ${s}: ${JSON.stringify(before.slice(s, before.length - e))} -> ${JSON.stringify(after.slice(s, after.length - e))}` +
    `\ncontext: ${JSON.stringify(before.slice(Math.max(0, s - 80), s + 80))}`;
}

const OPTION_SETS: LintOptions[] = [
  {},
  { audience: 'clinical' },
  { audience: ['it', 'admin'], config: { rules: { 'passive-voice': 'info', 'long-sentence': 'error' }, allow: ['HL7'] } },
  { audience: 'all', config: { audience: 'admin', audiences: { admin: { sentenceWords: 18, paragraphWords: 80 } } } },
];

test('a few single edits give the findings of a full check', () => {
  const draft = makeDraft(300, 7);
  const linter = createLinter();
  linter.lint(draft);
  const middle = draft.indexOf('\n\n', draft.length >> 1);
  for (const edited of [
    splice(draft, middle, middle, ' The eMAR is down.'),
    splice(draft, middle, middle + 2, ' '),
    splice(draft, middle, middle, '\n\n<!-- audience: it -->\n\n## IT only'),
    `---\naudience: it\n---\n\n${draft.replace(FRONT, '')}`,
    splice(draft, middle, middle, '\n\n```\n'),
  ]) {
    assert.equal(JSON.stringify(linter.lint(edited)), JSON.stringify(lint(edited)));
  }
});

for (let s = 0; s < 8; s++) {
  const options = OPTION_SETS[s % OPTION_SETS.length];
  test(`random edit sequence ${s + 1} (${JSON.stringify(options)}) matches a full check after every edit`, () => {
    runSequence(1000 + s, options, 50);
  });
}

// Chunking is what the incremental path caches by; a fence that splits would check code as prose.
test('a fenced code block with blank lines inside stays one chunk, and its code is not checked', () => {
  for (const fence of ['```', '~~~']) {
    const text = `Intro line.\n\n${fence}sh\nUAT eMAR CPOE\n\nHL7 RTO PHI cutover\n${fence}\n\nDone.\n`;
    assert.deepEqual(splitChunks(text).map((c) => c.text), ['Intro line.', `${fence}sh\nUAT eMAR CPOE\n\nHL7 RTO PHI cutover\n${fence}`, 'Done.']);
    assert.deepEqual(lint(text).findings.filter((f) => f.range.start.line >= 3 && f.range.start.line <= 7).map((f) => f.message), []);
  }
});

test('a <pre>, <script>, <style> or <textarea> block with blank lines inside stays one chunk up to its end tag, and its text is not checked', () => {
  // CommonMark's HTML block 1 is ended by its end tag only, blank lines included: what follows a
  // blank line inside a <pre> is still the <pre>, not prose.
  const text = 'Intro line.\n\n<pre>\nUAT eMAR log\n\nCPOE HL7 cutover\n</pre>\n\nDone.\n';
  assert.deepEqual(splitChunks(text).map((c) => c.text), ['Intro line.', '<pre>\nUAT eMAR log\n\nCPOE HL7 cutover\n</pre>', 'Done.']);
  assert.deepEqual(lint(text).findings.filter((f) => f.range.start.line >= 3 && f.range.start.line <= 7).map((f) => f.message), []);
  // Any of the four end tags ends it, on its start line too; with none, it runs to the end.
  assert.deepEqual(splitChunks('<SCRIPT type="x">\n\n</style> after\n\nNext.\n\n<textarea>\n\nto the end\n').map((c) => c.text), ['<SCRIPT type="x">\n\n</style> after', 'Next.', '<textarea>\n\nto the end\n']);
  assert.deepEqual(splitChunks('<pre>one line</pre>\n\nNext.\n').map((c) => c.text), ['<pre>one line</pre>', 'Next.']);
});

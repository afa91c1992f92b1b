/**
 * The Markdown injection grammar: tokenizes sample lines and checks that Crosswalk's front matter
 * keys, audience markers, suppression comments and template blanks get the scopes themes colour.
 *
 * VS Code's Markdown grammar ships with VS Code, not npm, so the injection runs inside a tiny host
 * grammar with the same root scope (text.html.markdown). The host has a front matter block that
 * embeds a YAML-like key rule and an HTML comment rule, as the real one does, so the tests also
 * show that the injection's `L:` priority wins over the host's own rules at the same position.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..');
const grammarPath = path.join(root, 'syntaxes', 'crosswalk-markdown.injection.tmLanguage.json');
const snippetsPath = path.join(root, 'snippets', 'crosswalk.code-snippets.json');

const INJECTION = 'markdown.crosswalk.injection';
const HOST = 'text.html.markdown';
const PLACEHOLDER = 'invalid.illegal.placeholder.crosswalk';
const KEYWORD = 'keyword.other.crosswalk';

const hostGrammar = {
  scopeName: HOST,
  name: 'Markdown (test host)',
  patterns: [
    {
      name: 'meta.frontmatter.test',
      begin: '\\A(---)\\s*$',
      end: '^(---)\\s*$',
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [{ match: '^[\\w-]+(?=:)', name: 'entity.name.tag.yaml' }],
    },
    { name: 'comment.block.html', begin: '<!--', end: '-->' },
    { match: '\\[[^\\]]*\\]\\([^)]*\\)', name: 'meta.link.inline.markdown' },
  ],
};

interface Token {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName === HOST) return vsctm.parseRawGrammar(JSON.stringify(hostGrammar), 'host.json');
        if (scopeName === INJECTION) return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
        return null;
      },
      getInjections: (scopeName: string) => (scopeName === HOST ? [INJECTION] : undefined),
    });
    const grammar = await registry.loadGrammar(HOST);
    assert.ok(grammar, 'host grammar loads');
    return grammar;
  })();
  return grammarPromise;
}

/** Tokenizes a document (lines joined by \n) and returns each line's tokens. */
async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let stack = vsctm.INITIAL;
  const out: Token[][] = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    out.push(result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    stack = result.ruleStack;
  }
  return out;
}

/** The scopes of the single token whose text is exactly `text` on the given line. */
function scopesOf(lines: Token[][], lineIndex: number, text: string): string[] {
  const found = lines[lineIndex].filter((t) => t.text === text);
  assert.equal(found.length, 1, `one token "${text}" on line ${lineIndex}; tokens: ${JSON.stringify(lines[lineIndex].map((t) => t.text))}`);
  return found[0].scopes;
}

function crosswalkScopes(lines: Token[][]): string[] {
  return lines.flat().flatMap((t) => t.scopes).filter((s) => s.endsWith('.crosswalk'));
}

test('the grammar is an injection into Markdown with the agreed names', () => {
  const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
  assert.equal(raw.scopeName, INJECTION);
  assert.equal(raw.injectionSelector, 'L:text.html.markdown');
});

test('front matter keys Crosswalk reads are keywords, and win over the YAML key rule', async () => {
  const lines = await tokenize(['---', 'audience: clinical', 'type: downtime-notice', 'title: Lab system downtime', 'allow: [EHR]', 'author: Sam', '---', 'Body text.'].join('\n'));
  for (const [line, key] of [[1, 'audience'], [2, 'type'], [3, 'title'], [4, 'allow']] as const) {
    const scopes = scopesOf(lines, line, key);
    assert.ok(scopes.includes(KEYWORD), `${key}: ${scopes.join(' ')}`);
    assert.ok(scopes.includes('meta.embedded.block.frontmatter'), `${key} is inside front matter`);
    assert.ok(!scopes.includes('entity.name.tag.yaml'), `${key} is not left to the YAML rule`);
    assert.ok(scopesOf(lines, line, ':').includes('punctuation.separator.key-value.crosswalk'));
  }
  assert.ok(!scopesOf(lines, 5, 'author').includes(KEYWORD), 'other keys are left alone');
  assert.ok(scopesOf(lines, 5, 'author').includes('entity.name.tag.yaml'));
  assert.ok(!lines[1].some((t) => t.text.includes('clinical') && t.scopes.includes(KEYWORD)), 'the value is not a keyword');
});

test('prose that merely starts with a capitalised word and a colon is not a key', async () => {
  const lines = await tokenize('Some text.\nType: planned work\nTitle: none\naudiences: many');
  assert.deepEqual(crosswalkScopes(lines), []);
});

test('audience markers mark the keyword and the audience', async () => {
  const lines = await tokenize('<!-- audience: admin -->\nText.\n<!--audience:clinical, it-->');
  assert.ok(scopesOf(lines, 0, 'audience').includes(KEYWORD));
  assert.ok(scopesOf(lines, 0, 'admin').includes('constant.language.audience.crosswalk'));
  assert.ok(scopesOf(lines, 0, '<!--').includes('meta.directive.audience.crosswalk'));
  assert.ok(!scopesOf(lines, 0, '<!--').includes('comment.block.html'), 'wins over the HTML comment rule');
  assert.ok(scopesOf(lines, 2, 'audience').includes(KEYWORD));
  assert.ok(scopesOf(lines, 2, 'clinical, it').includes('constant.language.audience.crosswalk'));
});

test('suppression comments mark the directive and the rules it names', async () => {
  const lines = await tokenize([
    '<!-- crosswalk-disable jargon long-sentence -->',
    'Text.',
    '<!-- crosswalk-enable -->',
    '<!-- crosswalk-disable-next-line -->',
    'Before <!-- crosswalk-disable-line placeholder --> after',
  ].join('\n'));
  assert.ok(scopesOf(lines, 0, 'crosswalk-disable').includes(KEYWORD));
  assert.ok(scopesOf(lines, 0, 'jargon long-sentence').includes('variable.parameter.rule.crosswalk'));
  assert.ok(scopesOf(lines, 2, 'crosswalk-enable').includes(KEYWORD));
  assert.ok(scopesOf(lines, 3, 'crosswalk-disable-next-line').includes(KEYWORD));
  assert.ok(scopesOf(lines, 4, 'crosswalk-disable-line').includes(KEYWORD));
  assert.ok(scopesOf(lines, 4, 'placeholder').includes('variable.parameter.rule.crosswalk'));
  assert.ok(!scopesOf(lines, 4, 'Before').some((s) => s.endsWith('.crosswalk')));
  assert.ok(!scopesOf(lines, 4, ' after').some((s) => s.endsWith('.crosswalk')));
  assert.ok(scopesOf(lines, 2, '-->').includes('punctuation.definition.comment.end.crosswalk'));
});

test('comments that only look like directives are ordinary comments', async () => {
  const lines = await tokenize('<!-- crosswalk-disabled -->\n<!-- a note about the audience -->');
  assert.deepEqual(crosswalkScopes(lines), []);
});

test('every kind of template blank is marked as a placeholder', async () => {
  const lines = await tokenize([
    'Starts [DATE] at [START TIME]; call [EXTENSION].',
    'Owner: TBD. TODO: confirm the units. Room TBA, time TBC, FIXME and XXX.',
    'Dear {{name}}, the {{ site name }} clinic reopens at XX:XX on XX/XX/XXXX or X:XX.',
    '| Task | [TASK 1] | [PERSON/TEAM] | [GO NO-GO TIME] | [NURSE’S NAME] |',
    'Cost: ??? dollars. Sign: <insert name here> or <Enter date>.',
  ].join('\n'));
  for (const [line, blank] of [
    [0, '[DATE]'], [0, '[START TIME]'], [0, '[EXTENSION]'],
    [1, 'TBD'], [1, 'TODO'], [1, 'TBA'], [1, 'TBC'], [1, 'FIXME'], [1, 'XXX'],
    [2, '{{name}}'], [2, '{{ site name }}'], [2, 'XX:XX'], [2, 'XX/XX/XXXX'], [2, 'X:XX'],
    [3, '[TASK 1]'], [3, '[PERSON/TEAM]'], [3, '[GO NO-GO TIME]'], [3, '[NURSE’S NAME]'],
    [4, '???'], [4, '<insert name here>'], [4, '<Enter date>'],
  ] as const) {
    assert.ok(scopesOf(lines, line, blank).includes(PLACEHOLDER), `${blank} is a placeholder`);
  }
});

test('blanks inside front matter values are marked too', async () => {
  const lines = await tokenize('---\ntitle: [TITLE]\n---');
  assert.ok(scopesOf(lines, 1, '[TITLE]').includes(PLACEHOLDER));
  assert.ok(scopesOf(lines, 1, 'title').includes(KEYWORD));
});

test('ordinary text, task boxes, links and mixed-case brackets are not blanks', async () => {
  const lines = await tokenize([
    '- [X] Paper forms are on the unit.',
    '- [ ] Call the help desk.',
    'See [HIPAA](https://www.hhs.gov/hipaa) and [Date] and [a] today.',
    'Nothing TBDs here, no todo, no STODO, no XXL, no xx:xx, and 10:30 is a real time? Yes?? <b>bold</b>',
    '[1] is a footnote-style number and [Ward 4] has lower case.',
  ].join('\n'));
  const marked = lines.flat().filter((t) => t.scopes.includes(PLACEHOLDER)).map((t) => t.text);
  assert.deepEqual(marked, []);
});

test('every blank the templates use is coloured as a placeholder', async () => {
  const snippets = JSON.parse(fs.readFileSync(snippetsPath, 'utf8')) as Record<string, { body: string[] }>;
  const blanks = new Set<string>();
  for (const { body } of Object.values(snippets)) {
    for (const m of body.join('\n').matchAll(/\$\{\d+:(\[[^\]]*\])\}/g)) blanks.add(m[1]);
  }
  assert.ok(blanks.size > 20, `templates have blanks (${blanks.size})`);
  const list = [...blanks];
  const lines = await tokenize(list.map((b) => `Fill ${b} here.`).join('\n'));
  list.forEach((blank, i) => {
    assert.ok(scopesOf(lines, i, blank).includes(PLACEHOLDER), `${blank} is coloured`);
  });
});

/**
 * Every template (snippets/crosswalk.code-snippets.json), filled in the way the host suite fills it
 * (snippets/fills.json), passes its own type's checks: no part missing, no interest of its audience
 * left out, and nothing for the field checks to say. The host suite (test/suite/snippets.test.ts)
 * expands the same snippets in a real editor; this runs without one, for every audience choice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/index';
import { MESSAGE_TYPE_LIST } from '../../src/core/message-types';

const ROOT = path.join(__dirname, '..', '..');
const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'crosswalk.code-snippets.json'), 'utf8')) as Record<string, { body: string[] }>;
const fills = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'fills.json'), 'utf8')) as Record<string, Record<string, string>>;
const BLANK = /\[(?=[^\]]*[A-Z])[A-Z0-9][A-Z0-9 _/&.,:#'’-]*\]/g;
const FIELD_RULES = ['message-parts', 'interests', 'date-check', 'blame', 'phi', 'tone', 'redundant-acronym', 'placeholder', 'frontmatter'];

/** A snippet body as the editor expands it: each tab stop takes its default or its choice. */
function expand(body: string, choice: (options: string[], index: number) => string): string {
  return body
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, options: string) => choice(options.split(','), Number(n)))
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const fill = (name: string, text: string) => text.replace(BLANK, (blank) => fills[name]?.[blank] ?? blank);

test('every message type with parts has a template', () => {
  const types = new Set(Object.values(snippets).map((s) => /^type:\s*(\S+)/m.exec(s.body.join('\n'))?.[1]));
  for (const type of MESSAGE_TYPE_LIST) assert.ok(types.has(type.id), `a template for ${type.id}`);
});

for (const [name, snippet] of Object.entries(snippets)) {
  const body = snippet.body.join('\n');
  const audiences = /^audience:\s*\$\{\d+\|([^|]*)\|\}/m.exec(body)?.[1].split(',') ?? [undefined];
  for (const audience of audiences) {
    test(`"${name}"${audience ? ` for ${audience}` : ''}, filled in, passes its own checks`, () => {
      // The audience choice takes the audience under test; every other choice takes its first option.
      const text = fill(name, expand(body, (options, i) => (i === 1 && audience ? audience : options[0])));
      assert.doesNotMatch(text, new RegExp(BLANK.source), `fills.json fills every blank of "${name}"`);
      // What each audience cares about is written into the audience the host suite expands (the
      // first choice); the other choices must still have every part and raise nothing else.
      const rules = audience && audience !== audiences[0] ? FIELD_RULES.filter((r) => r !== 'interests') : FIELD_RULES;
      const findings = lint(text).findings.filter((f) => rules.includes(f.ruleId));
      assert.deepEqual(findings.map((f) => `${f.range.start.line}: [${f.ruleId}] ${f.message}`), []);
    });
  }
}

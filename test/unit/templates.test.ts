/**
 * Every template (snippets/crosswalk.code-snippets.json), filled in the way the host suite fills it
 * (snippets/fills.json), passes its own type's checks: no part missing, no interest of its audience
 * left out, and nothing for the field checks to say. The host suite (test/suite/snippets.test.ts)
 * expands the same snippets in a real editor; this runs without one, for every audience choice:
 * a template written for a choice of audiences takes the sections that audience's interests need
 * (src/template-interests.ts, as New Communication from Template inserts it), filled with
 * fills.json's "(interest sections)".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/index';
import { templateForAudience } from '../../src/index';
import { AUDIENCE_INTERESTS, MESSAGE_TYPE_LIST } from '../../src/core/message-types';

const ROOT = path.join(__dirname, '..', '..');
const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'crosswalk.code-snippets.json'), 'utf8')) as Record<string, { prefix?: string; body: string[] }>;
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

const INTEREST_FILLS = '(interest sections)';
const fill = (name: string, text: string) => text.replace(BLANK, (blank) => fills[name]?.[blank] ?? fills[INTEREST_FILLS]?.[blank] ?? blank);

test('every message type with parts has a template', () => {
  const types = new Set(Object.values(snippets).map((s) => /^type:\s*(\S+)/m.exec(s.body.join('\n'))?.[1]));
  for (const type of MESSAGE_TYPE_LIST) assert.ok(types.has(type.id), `a template for ${type.id}`);
});

test('every interest has a section and a fill for its blank', () => {
  for (const [audience, list] of Object.entries(AUDIENCE_INTERESTS)) {
    for (const interest of list ?? []) {
      assert.ok(interest.heading && interest.blank, `${audience}/${interest.id} has a heading and a blank`);
      assert.ok(fills[INTEREST_FILLS]?.[interest.blank], `fills.json fills ${interest.blank}`);
    }
  }
});

for (const [name, snippet] of Object.entries(snippets)) {
  const body = snippet.body.join('\n');
  const choices = /^audience:\s*\$\{\d+\|([^|]*)\|\}/m.exec(body)?.[1].split(',');
  const audiences = choices ?? [undefined];
  for (const audience of audiences) {
    test(`"${name}"${audience ? ` for ${audience}` : ''}, filled in, passes its own checks`, () => {
      // A template for a choice of audiences takes the chosen audience's interest sections; one
      // written for one audience covers its interests itself.
      const source = audience ? templateForAudience(body, audience).body : body;
      assert.equal(source.split('\n')[0], '---');
      // The audience choice takes the audience under test; every other choice takes its first option.
      const text = fill(name, expand(source, (options, i) => (i === 1 && audience ? audience : options[0])));
      assert.doesNotMatch(text, new RegExp(BLANK.source), `fills.json fills every blank of "${name}"`);
      const findings = lint(text).findings.filter((f) => FIELD_RULES.includes(f.ruleId));
      assert.deepEqual(findings.map((f) => `${f.range.start.line}: [${f.ruleId}] ${f.message}`), []);
    });
  }
  if (!choices) {
    const audience = /^audience:\s*(\S+)/m.exec(body)?.[1];
    test(`"${name}" is written for ${audience} and needs no interest section added`, () => {
      assert.ok(audience);
      assert.deepEqual(templateForAudience(body, audience).added, []);
    });
  }
}

test('a template for a choice of audiences asks each audience about what it cares about', () => {
  const body = snippets['Go-live announcement'].body.join('\n');
  assert.deepEqual(templateForAudience(body, 'admin').added, ['cost', 'risk', 'decision']);
  assert.deepEqual(templateForAudience(body, 'it').added, ['rollback', 'security']);
  const admin = templateForAudience(body, 'admin').body;
  // Each section is a tab stop of its own after the template's last one, before the final $0.
  assert.match(admin, /## Cost\n\$\{15:\[WHAT IT COSTS OR SAVES\]\}\n\n## Risk and compliance\n\$\{16:\[RISK OR COMPLIANCE EXPOSURE\]\}\n\n## The decision we need\n\$\{17:[^}]*\}\n\$0$/);
  // Without those sections, the filled template leaves administrators' questions open.
  const bare = fill('Go-live announcement', expand(body, (options, i) => (i === 1 ? 'admin' : options[0])));
  assert.deepEqual(lint(bare).findings.filter((f) => f.ruleId === 'interests').map((f) => f.data?.interest), ['cost', 'risk', 'decision']);
});

test('a template typed through its cw- prefix carries the interest sections of its first audience choice, and another choice swaps them', () => {
  // VS Code snippets are static text: the sections cannot follow the choice made after typing
  // the prefix, so they are those of the first (default) choice; New Communication from Template
  // swaps them for the chosen audience's.
  for (const [name, snippet] of Object.entries(snippets)) {
    const body = snippet.body.join('\n');
    const choices = /^audience:\s*\$\{\d+\|([^|]*)\|\}/m.exec(body)?.[1].split(',');
    if (!choices) continue;
    assert.deepEqual(templateForAudience(body, choices[0]).added, [], `"${name}" (${snippet.prefix}) has the sections ${choices[0]} readers need`);
  }
  const goLive = snippets['Go-live announcement'].body.join('\n');
  assert.match(goLive, /\n\n## What this means for patients\n\$\{15:\[WHAT THIS MEANS FOR PATIENT CARE\]\}\n\$0$/);
  const it = templateForAudience(goLive, 'it').body;
  assert.doesNotMatch(it, /What this means for patients/);
  assert.match(it, /\n\n## Rollback\n\$\{15:\[HOW WE ROLL BACK\]\}\n\n## Security\n\$\{16:\[WHAT THIS DOES TO SECURITY\]\}\n\$0$/);
});

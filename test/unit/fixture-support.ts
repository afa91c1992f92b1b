import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type Finding, type LintOptions } from '../../src/index';

/**
 * Fixtures are Markdown drafts whose expected findings are marked inside them, as markdownlint's
 * test files are: `<!-- fixture-rules: jargon undefined-acronym -->` names the rules the fixture
 * is about, and `<!-- expect: jargon@UAT undefined-acronym@HL7 -->` at the end of a line says
 * which findings start on that line (rule id, then the exact text the finding covers; `@` and
 * the text may be left out). `also@X` marks a later use of a term that a finding above stands
 * for (its related locations: term rules flag only the first use in an audience section). A
 * fixture with no `expect` must raise nothing for its rules.
 *
 * The evaluation corpus (test/corpus/, scored by test/unit/corpus-eval.ts) adds two marks:
 * `term@X` in an `expect` names words the reader of that line would stumble on, which one of the
 * term rules (jargon or undefined-acronym) must flag; `<!-- known: X "two words" -->` names words
 * the reader of that line knows, which no term rule may flag there. The reader is the audience of
 * the place where the line stands (front matter, or an `<!-- audience: x -->` section).
 */
export interface Fixture {
  file: string;
  text: string;
  rules: string[];
  expected: string[];
  /** `known:` marks: words on a line that no term rule may flag. */
  known: { line: number; text: string }[];
  options: LintOptions;
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export function loadFixtures(dir: string): Fixture[] {
  const out: Fixture[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) out.push(readFixture(full));
    }
  };
  walk(dir);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

export function readFixture(file: string): Fixture {
  const text = fs.readFileSync(file, 'utf8');
  const rules = /<!--\s*fixture-rules:\s*([^>]*?)\s*-->/.exec(text)?.[1].split(/\s+/).filter(Boolean) ?? [];
  const audience = /<!--\s*fixture-audience:\s*([^>]*?)\s*-->/.exec(text)?.[1];
  const expected: string[] = [];
  const known: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*known:\s*(.*?)\s*-->/g)) {
      for (const item of m[1].match(/"[^"]*"|\S+/g) ?? []) known.push({ line: i + 1, text: item.replace(/^"|"$/g, '') });
    }
    for (const m of line.matchAll(/<!--\s*expect:\s*(.*?)\s*-->/g)) {
      for (const item of m[1].match(/[a-z-]+(?:@(?:"[^"]*"|\S+))?/g) ?? []) {
        const [rule, ...rest] = item.split('@');
        const term = rest.join('@').replace(/^"|"$/g, '');
        expected.push(key(i + 1, rule, term || undefined));
      }
    }
  });
  return { file, text, rules, expected: expected.sort(), known, options: audience ? { audience } : {} };
}

export function key(line: number, rule: string, text?: string): string {
  return text === undefined ? `${line} ${rule}` : `${line} ${rule}@${text}`;
}

/** The findings of a fixture's rules, as keys comparable with its expectations. */
export function actualKeys(fixture: Fixture, findings: Finding[]): string[] {
  const wantsText = new Set(fixture.expected.filter((k) => k.includes('@')).map((k) => k.split('@')[0]));
  const keyOf = (rule: string, range: Finding['range']) => {
    const k = key(range.start.line, rule);
    return wantsText.has(k) ? key(range.start.line, rule, fixture.text.slice(range.start.offset, range.end.offset)) : k;
  };
  return findings
    .filter((f) => fixture.rules.includes(f.ruleId))
    // A later use that a finding stands for (its related locations) is marked `also@X`.
    .flatMap((f) => [keyOf(f.ruleId, f.range), ...(f.related ?? []).map((r) => keyOf('also', r))])
    .sort();
}

export function lintFixture(fixture: Fixture) {
  return lint(fixture.text, { path: fixture.file, ...fixture.options });
}

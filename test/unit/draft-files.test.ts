// First: coverage counts from before the engine loads (test/unit/work-count.ts).
import { stopCounting, workOf } from './work-count';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, createDraftFilter, ignoringRule, parseIgnoreFile } from '../../src/core/index';
import { checkConfig } from '../../src/index';

const matches = (glob: string, path: string) => {
  const compiled = compileGlob(glob);
  assert.ok(compiled.matcher, `${glob} compiles: ${compiled.problem}`);
  return compiled.matcher.matches(path);
};

test('globs: *, **, ?, classes with ! and ^, nested braces, escapes', () => {
  assert.ok(matches('docs/*.md', 'docs/a.md'));
  assert.ok(!matches('docs/*.md', 'docs/x/a.md'));
  assert.ok(matches('docs/**/*.md', 'docs/a.md'));
  assert.ok(matches('docs/**/*.md', 'docs/x/y/a.md'));
  assert.ok(matches('**', 'a/b/c'));
  assert.ok(matches('a/**', 'a/b/c'));
  assert.ok(matches('?.md', 'a.md') && !matches('?.md', 'ab.md'));
  assert.ok(matches('[ab].md', 'a.md') && !matches('[ab].md', 'c.md'));
  assert.ok(matches('[!a].md', 'b.md') && !matches('[!a].md', 'a.md'), '[!a] negates');
  assert.ok(matches('[^a].md', 'b.md') && !matches('[^a].md', 'a.md'));
  assert.ok(matches('[a-c]x', 'bx') && !matches('[a-c]x', 'dx'));
  assert.ok(!matches('[!a]', '/'), 'a class never matches a slash');
  assert.ok(matches('{docs,notes/{a,b}}/*.md', 'notes/b/x.md') && !matches('{docs,notes/{a,b}}/*.md', 'notes/c/x.md'));
  assert.ok(matches('\\*.md', '*.md') && !matches('\\*.md', 'a.md'));
  assert.ok(matches('*.md', '.hidden.md'), '* matches a leading dot');
});

test('an unbalanced [ or { is an ordinary character, and a file named with brackets matches itself', () => {
  assert.ok(matches('docs/{a', 'docs/{a'));
  assert.ok(matches('docs/[a', 'docs/[a'));
  assert.ok(matches('notes [draft].md', 'notes d.md'), 'brackets are a class when closed');
  assert.ok(matches('notes \\[draft\\].md', 'notes [draft].md'));
  assert.ok(matches('{a,b}{c', 'a{c'));
  assert.ok(matches('[z-a]', '[z-a]'), 'a reversed range is not a class');
});

test('hostile globs are linear or refused: no backtracking, no blow-up', async () => {
  assert.ok(!matches('*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)));
  assert.ok(!matches('**/**/**/**/**/**/**/**/x', 'a/'.repeat(2000) + 'y'));
  // Work counted, not timed (test/unit/work-count.ts; re2js is JavaScript, so its steps count):
  // twice the path, about twice the work, where a backtracking matcher's grows exponentially.
  try {
    for (const [glob, path] of [['*a*a*a*a*a*a*a*a*a*a*a*b', (n: number) => 'a'.repeat(n)], ['**/**/**/**/**/**/**/**/x', (n: number) => 'a/'.repeat(n) + 'y']] as const) {
      const compiled = compileGlob(glob).matcher;
      assert.ok(compiled);
      compiled.matches(path(100));
      const at = await workOf(() => compiled.matches(path(1000)));
      const twice = await workOf(() => compiled.matches(path(2000)));
      assert.ok(twice < at * 2.6, `${glob}: twice the path took ${(twice / at).toFixed(2)}x the work`);
    }
  } finally {
    await stopCounting();
  }
  assert.match(compileGlob('{a,b}'.repeat(20)).problem ?? '', /more than 256/);
  assert.match(compileGlob('a'.repeat(1001)).problem ?? '', /longer than 1000/);
  assert.ok(compileGlob('{'.repeat(5000).slice(0, 1000)).matcher, 'a run of { compiles as literal text');
});

test('ignore files: comments, negation, folders, anchoring, a folder that is out takes its contents', () => {
  const { rules } = parseIgnoreFile('# comment\n\nCHANGELOG.md\n/README.md\narchive/\n!archive/keep.md\n*.tmp.md\n!important.tmp.md\ndocs/old/**\n\\#hash.md\ntrailing.md   \n');
  const out = (p: string) => ignoringRule(rules, p)?.source;
  assert.equal(out('CHANGELOG.md'), 'CHANGELOG.md');
  assert.equal(out('sub/CHANGELOG.md'), 'CHANGELOG.md', 'no slash: any depth');
  assert.equal(out('README.md'), '/README.md');
  assert.equal(out('sub/README.md'), undefined, 'a leading slash anchors');
  assert.equal(out('archive/keep.md'), 'archive/', 'a file in a folder that is out stays out');
  assert.equal(out('x/archive/a.md'), 'archive/');
  assert.equal(out('a.tmp.md'), '*.tmp.md');
  assert.equal(out('important.tmp.md'), undefined, '! re-includes');
  assert.equal(out('docs/old/a/b.md'), 'docs/old/**');
  assert.equal(out('docs/new.md'), undefined);
  assert.equal(out('#hash.md'), '\\#hash.md');
  assert.equal(out('trailing.md'), 'trailing.md', 'trailing spaces are dropped');
  const folderOnly = parseIgnoreFile('notes/\n').rules;
  assert.equal(ignoringRule(folderOnly, 'notes'), undefined, 'a trailing slash matches folders only');
  assert.ok(ignoringRule(folderOnly, 'notes/a.md'));
});

test('the draft filter: Markdown by default, default folders, files: and ignore: from the config', () => {
  const defaults = createDraftFilter();
  assert.deepEqual(defaults.check('docs/a.md'), { draft: true });
  assert.deepEqual(defaults.check('docs/a.MARKDOWN'), { draft: true });
  assert.equal(defaults.check('docs/a.txt').draft, false);
  assert.equal(defaults.check('docs/a.txt', { named: 'file' }).draft, true, 'a file the user names is checked');
  assert.match((defaults.check('node_modules/x/readme.md') as { reason: string }).reason, /node_modules/);
  assert.equal(defaults.check('.github/a.md').draft, false, 'hidden folders are skipped');
  assert.equal(defaults.check('.github/a.md', { named: 'file' }).draft, true);
  assert.equal(defaults.check('.github/a.md', { named: 'folder' }).draft, true, 'in a folder the user named');
  assert.equal(defaults.check('.github/a.txt', { named: 'folder' }).draft, false);

  const filter = createDraftFilter({ files: ['docs/', 'runbooks/**/*.md', 'notes.txt', '!docs/private/'], ignore: ['CHANGELOG.md', '/README.md'] });
  assert.equal(filter.check('docs/a.md').draft, true);
  assert.equal(filter.check('docs/deep/a.md').draft, true);
  assert.equal(filter.check('docs/a.txt').draft, false, 'a folder in files: takes in its Markdown files');
  assert.equal(filter.check('notes.txt').draft, true, 'a file named in files: is in whatever its extension');
  assert.equal(filter.check('runbooks/x/y.md').draft, true);
  assert.equal(filter.check('other/a.md').draft, false);
  assert.equal(filter.check('docs/private/a.md').draft, false);
  assert.match((filter.check('docs/CHANGELOG.md') as { reason: string }).reason, /ignore: "CHANGELOG\.md"/);
  assert.match((filter.check('README.md', { named: 'file' }) as { reason: string }).reason, /files:/);
  assert.equal(createDraftFilter({ ignore: ['/README.md'] }).check('README.md', { named: 'file' }).draft, false, 'ignore: applies to named files');
  assert.equal(filter.check('./docs/a.md').draft, true);
  assert.equal(filter.check('docs\\a.md').draft, true);
});

test('files: and ignore: are config keys, validated, with bad patterns reported at their place', () => {
  const { config, findings } = checkConfig('files:\n  - docs/\n  - "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"\nignore: CHANGELOG.md\n');
  assert.deepEqual(config.files?.[0], 'docs/');
  assert.equal(config.ignore, undefined);
  const messages = findings.map((f) => `${f.range.start.line}: ${f.message}`);
  assert.ok(messages.some((m) => /^3: files: pattern .* more than 256/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /^4: ignore must be a list/.test(m)), messages.join('\n'));
});

test('a pattern that could never match (an absolute path, "..") is reported and not used; an unbalanced [ or { is kept, with a warning', async () => {
  const { compilePatterns, literalGlobSyntax } = await import('../../src/core/index');
  const { rules, problems } = compilePatterns(['docs/', '../outside/*.md', 'a/../b.md', 'C:\\drafts\\*.md', '~/notes/*.md', 'file:///etc/*.md', 'notes/{a,b', '[abc', 'notes [draft].md', '/README.md']);
  assert.deepEqual(rules.map((r) => r.source), ['docs/', 'notes/{a,b', '[abc', 'notes [draft].md', '/README.md'], 'the usable ones, the literal ones included');
  const by = Object.fromEntries(problems.map((p) => [p.pattern, p]));
  assert.match(by['../outside/*.md'].message, /cannot reach above its folder/);
  assert.match(by['a/../b.md'].message, /cannot reach above its folder/);
  for (const absolute of ['C:\\drafts\\*.md', '~/notes/*.md', 'file:///etc/*.md']) assert.match(by[absolute].message, /is an absolute path/, absolute);
  assert.equal(by['notes/{a,b'].kept, true);
  assert.equal(by['notes/{a,b'].message, 'its "{" has no closing "}", so it matches a "{" itself');
  assert.equal(by['[abc'].message, 'its "[" has no closing "]", so it matches a "[" itself');
  assert.equal(by['notes [draft].md'], undefined, 'a closed class is glob syntax, no typo');
  assert.equal(by['/README.md'], undefined, 'a leading / anchors the pattern, as in .gitignore');
  assert.match(literalGlobSyntax('[z-a].md') ?? '', /no character class/);
  assert.equal(literalGlobSyntax('\\{a'), undefined, 'an escaped brace is meant');
  assert.equal(literalGlobSyntax('{a,b}/[!x]*.md'), undefined);
  // In .crosswalk.yaml: at the pattern's line, refused or kept.
  const { config, findings } = checkConfig('files:\n  - docs/\n  - ../drafts/\nignore:\n  - "old/{a,b"\n');
  assert.deepEqual(config.files, ['docs/', '../drafts/']);
  const messages = findings.map((f) => `${f.range.start.line}: ${f.message}`);
  assert.ok(messages.includes('3: files: pattern "../drafts/" is not used: a pattern cannot reach above its folder ("..").'), messages.join('\n'));
  assert.ok(messages.includes('5: ignore: pattern "old/{a,b" may not say what you meant: its "{" has no closing "}", so it matches a "{" itself.'), messages.join('\n'));
});

test('crosswalk.files: the usable patterns, and a message for each other one (src/server/scope.ts)', async () => {
  const { settingsFilePatterns, settingsPatternMessage } = await import('../../src/server/scope');
  const { usable, problems } = settingsFilePatterns(['drafts/', '/work/site/docs/*.md', '!/work/site/docs/old.md', '../x.md', 'a/{b'], '/work/site');
  assert.deepEqual(usable, ['drafts/', 'a/{b']);
  assert.deepEqual(problems.map((p) => settingsPatternMessage(p, usable.length)), [
    'The crosswalk.files pattern "/work/site/docs/*.md" is not used: it is an absolute path; patterns are relative to the workspace folder: write "docs/*.md"; the other patterns still apply.',
    'The crosswalk.files pattern "!/work/site/docs/old.md" is not used: it is an absolute path; patterns are relative to the workspace folder: write "!docs/old.md"; the other patterns still apply.',
    'The crosswalk.files pattern "../x.md" is not used: a pattern cannot reach above its folder (".."); the other patterns still apply.',
    'The crosswalk.files pattern "a/{b" may not say what you meant: its "{" has no closing "}", so it matches a "{" itself.',
  ]);
  const none = settingsFilePatterns(['../x.md'], '/work/site');
  assert.deepEqual(none.usable, []);
  assert.match(settingsPatternMessage(none.problems[0], 0), /; with no other pattern, every Markdown file but project documents is a draft, as without the setting\.$/);
});

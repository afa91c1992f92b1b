import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ignoredByFiles, ignoredByFilesWithFolders, parseIgnoreFile, type IgnoreFileSet } from '../../src/index';

/**
 * `.gitignore` and `.crosswalkignore` as one decision (src/core/draft-files.ts) that the CLI
 * (src/cli/files.ts) and the editor (src/extension/ignore-files.ts) both make.
 */

const set = (base: string, source: string, text: string): IgnoreFileSet => ({ base, source, rules: parseIgnoreFile(text).rules });

test('the last matching pattern over the chain wins; .crosswalkignore after .gitignore takes a file back', () => {
  const sets = [set('/ws', '.gitignore', 'old-*.md\n# a comment\n'), set('/ws', '.crosswalkignore', '!old-keep.md\n'), set('/ws/docs', 'docs/.gitignore', 'draft.md\n')];
  assert.equal(ignoredByFiles(sets, '/ws/old-notes.md'), '.gitignore ("old-*.md")');
  assert.equal(ignoredByFiles(sets, '/ws/old-keep.md'), undefined);
  assert.equal(ignoredByFiles(sets, '/ws/docs/draft.md'), 'docs/.gitignore ("draft.md")');
  assert.equal(ignoredByFiles(sets, '/ws/draft.md'), undefined, 'a folder\'s file speaks only for what is below it');
  assert.equal(ignoredByFiles(sets, '/elsewhere/old-notes.md'), undefined);
});

test('a folder left out takes its contents, and "!" on a file inside it does not bring it back (as git)', () => {
  const sets = [set('/ws', '.gitignore', 'archive/\n'), set('/ws', '.crosswalkignore', '!archive/keep.md\n')];
  assert.equal(ignoredByFilesWithFolders(sets, '/ws/archive/2024/notice.md'), '.gitignore ("archive/")');
  assert.equal(ignoredByFilesWithFolders(sets, '/ws/archive/keep.md'), '.gitignore ("archive/")');
  assert.equal(ignoredByFilesWithFolders(sets, '/ws/archived.md'), undefined);
  assert.equal(ignoredByFilesWithFolders([], '/ws/a.md'), undefined);
});

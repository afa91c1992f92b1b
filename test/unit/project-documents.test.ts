import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaresAudienceOrType, projectDocumentReason } from '../../src/core/project-documents';

test('a project\'s own documents are not drafts; messages are', () => {
  for (const path of ['README.md', 'docs/CHANGELOG.md', 'CONTRIBUTING.md', 'LICENSE.md', 'SECURITY.md', 'CODE_OF_CONDUCT.md', 'readme.markdown', 'node_modules/pkg/notes.md', '.github/ISSUE_TEMPLATE/bug.md']) {
    assert.ok(projectDocumentReason(path), `${path} is a project document`);
  }
  for (const path of ['go-live.md', 'docs/downtime-notice.md', 'README-for-nurses/notice.md', 'readme-notes.md']) {
    assert.equal(projectDocumentReason(path), undefined, `${path} is a draft`);
  }
  assert.equal(projectDocumentReason('docs/CHANGELOG.md'), 'CHANGELOG.md is a project document, not a message');
  assert.equal(projectDocumentReason('.github/x.md'), 'it is under .github/');
});

test('front matter that names audience: or type: makes a project document a draft', () => {
  assert.ok(declaresAudienceOrType('---\naudience: it\n---\n# Changes\n'));
  assert.ok(declaresAudienceOrType('---\r\ntitle: x\r\ntype: go-live\r\n---\r\n'));
  assert.equal(declaresAudienceOrType('# Readme\n\naudience: it\n'), false, 'only in front matter');
  assert.equal(declaresAudienceOrType('---\ntitle: x\n---\naudience: it\n'), false, 'not after the closing fence');
  assert.equal(declaresAudienceOrType('---\n  audience: it\n---\n'), false, 'a top-level key only');
  assert.equal(declaresAudienceOrType(''), false);
});

// The harness itself: the suite runs inside a real VS Code extension host with the test workspace open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('Extension host', () => {
  it('is a real VS Code with the test workspace open', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    assert.equal(folder.name, 'workspace');
  });
});

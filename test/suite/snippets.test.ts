// Every template snippet expands in a real editor, and once its blanks hold realistic values
// (snippets/fills.json) the draft has no error for its own audience.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cleanUp, closeEverything, crosswalkApi, describeDiagnostic, diagnosticsWhere, openUntitled } from './drafts';
import { crosswalkDiagnostics } from './helpers';

interface Snippet {
  prefix: string;
  body: string[];
}

/**
 * Read when Mocha loads this file, so that there is one test per snippet. The suite is built to
 * out/suite/, two levels below the repository, whose snippets/ holds both files (fills.json is
 * not packaged, so the installed extension's folder would not do).
 */
function load(): { snippets: Record<string, Snippet>; fills: Record<string, Record<string, string>> } {
  const root = path.resolve(__dirname, '..', '..');
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(root, 'snippets', name), 'utf8'));
  return { snippets: read('crosswalk.code-snippets.json'), fills: read('fills.json') };
}

const { snippets, fills } = load();
const BLANK = /\[(?=[^\]]*[A-Z])[A-Z0-9][A-Z0-9 _/&.,:#'’-]*\]/g;

describe('Template snippets', () => {
  before(crosswalkApi);
  afterEach(cleanUp);
  after(closeEverything);

  it('are 25, each with a fill for every blank', () => {
    assert.equal(Object.keys(snippets).length, 25);
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(fills[name], `fills.json has values for "${name}"`);
      const blanks = new Set(snippet.body.join('\n').match(BLANK) ?? []);
      for (const blank of blanks) assert.ok(fills[name][blank], `fills.json gives "${name}" a value for ${blank}`);
    }
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" (${snippet.prefix}) expands, and filled in has no error for its audience`, async () => {
      const { document, editor } = await openUntitled('');
      assert.ok(await editor.insertSnippet(new vscode.SnippetString(snippet.body.join('\n')), new vscode.Position(0, 0)), 'the snippet inserts');
      const expanded = document.getText();
      assert.match(expanded, /^---\naudience: (clinical|admin|it|patients)\ntype: [a-z-]+\n/, 'front matter with audience and type');
      assert.doesNotMatch(expanded, /\$\{\d|\$\d/, 'no snippet syntax is left');
      const audience = /^audience: (\w+)/m.exec(expanded)?.[1];

      // Fill every blank with its realistic value, in one edit per blank occurrence.
      const edit = new vscode.WorkspaceEdit();
      for (const match of expanded.matchAll(BLANK)) {
        const value = fills[name]?.[match[0]];
        assert.ok(value !== undefined, `a value for ${match[0]}`);
        edit.replace(document.uri, new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length)), value);
      }
      assert.ok(await vscode.workspace.applyEdit(edit), 'the blanks fill in');
      assert.doesNotMatch(document.getText(), new RegExp(BLANK.source), 'no blank is left');

      const diagnostics = await diagnosticsWhere(document, () => true, `Crosswalk to check the filled "${name}"`);
      const result = (await crosswalkApi()).checker.result(document);
      assert.deepEqual(result?.audience, [audience], `the draft is checked for its own audience (${audience})`);
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(errors.map(describeDiagnostic(document)), [], 'no error-severity crosswalk diagnostics');
      assert.deepEqual(crosswalkDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), []);
    });
  }
});

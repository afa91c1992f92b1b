// The learn loop in a real VS Code: "Ignore here" keeps a suppression in .crosswalk.yaml that
// survives edits elsewhere in the draft and tells the user what it did.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, cleanUp, codeAction, crosswalkApi, diagnosticsWhere, on, openDraft, readText, remove, workspaceFolder, writeText } from './drafts';
import { waitFor } from './helpers';

const CLINICAL = '---\naudience: clinical\n---\n\n';

describe('Learn loop: Ignore here', () => {
  const configUri = () => vscode.Uri.joinPath(workspaceFolder().uri, '.crosswalk.yaml');
  let configBefore: string | undefined;

  before(async () => {
    await crosswalkApi();
    configBefore = await readText(configUri());
  });
  afterEach(cleanUp);
  after(async () => {
    if (configBefore === undefined) await remove(configUri());
    else await writeText(configUri(), configBefore);
    (await crosswalkApi()).checker.recheckAll();
  });

  it('stores the finding under ignored: in .crosswalk.yaml; it stays away after an edit above it, and the user is told', async () => {
    const api = await crosswalkApi();
    const { document } = await openDraft('ignore-here', `${CLINICAL}The UAT team meets Monday.\n\nThe cutover starts Friday.\n`);
    const name = vscode.workspace.asRelativePath(document.uri);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0 && on(document, ds, 'jargon', 'cutover').length > 0, 'jargon on UAT and cutover'), 'jargon', 'UAT');
    const told = api.log.told.length;
    await apply(await codeAction(document, finding.range, /^Ignore this jargon finding here \(kept in \.crosswalk\.yaml\)$/));
    const config = await waitFor(async () => {
      const text = await readText(configUri());
      return text?.includes(`file: ${name}`) ? text : undefined;
    }, 10_000, '.crosswalk.yaml to hold the ignored finding');
    assert.match(config, /ignored:\n {2}- rule: jargon\n {4}file: [^\n]+\n {4}text: UAT\n {4}context: The UAT team meets Monday\.\n/);
    if (configBefore?.trim()) assert.ok(config.startsWith(configBefore.trimEnd()), 'the rest of .crosswalk.yaml is as it was');
    await waitFor(() => api.log.told.slice(told).find((m) => m.startsWith(`Ignored jargon "UAT" in ${name}: saved under ignored: in .crosswalk.yaml`)), 10_000, 'a message naming the rule, the term and the file');
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 0 && on(document, ds, 'jargon', 'cutover').length === 1, 'the ignored finding to go away, the other to stay');

    // Lines added above: the finding is named by its text and context, not its line, and stays away.
    const cutoverLine = on(document, vscode.languages.getDiagnostics(document.uri), 'jargon', 'cutover')[0].range.start.line;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(4, 0), 'A new opening paragraph.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'cutover').some((d) => d.range.start.line === cutoverLine + 2), 'the draft checked again after the edit');
    assert.equal(on(document, vscode.languages.getDiagnostics(document.uri), 'jargon', 'UAT').length, 0, 'the ignored finding stays away');
  });
});

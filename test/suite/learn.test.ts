// The learn loop in a real VS Code: "Ignore here" keeps a suppression in .crosswalk.yaml that
// survives edits elsewhere in the draft and tells the user what it did.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, cleanUp, codeAction, crosswalkApi, diagnosticsWhere, exists, on, openDraft, readText, remove, workspaceFolder, writeText } from './drafts';
import { ruleId, waitFor } from './helpers';

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

describe('Settings: readability targets per audience as number fields', () => {
  const crosswalk = () => vscode.workspace.getConfiguration('crosswalk');
  const settingsUri = () => vscode.Uri.joinPath(workspaceFolder().uri, '.vscode', 'settings.json');
  let settingsBefore: string | undefined;
  let folderExisted = false;
  before(async () => {
    await crosswalkApi();
    settingsBefore = await readText(settingsUri());
    folderExisted = await exists(vscode.Uri.joinPath(workspaceFolder().uri, '.vscode'));
  });
  afterEach(cleanUp);
  after(async () => {
    await crosswalk().update('readabilityGrade.clinical', undefined, vscode.ConfigurationTarget.Workspace);
    // The workspace as it was: the settings file (and its folder) only if they were there.
    if (settingsBefore !== undefined) await writeText(settingsUri(), settingsBefore);
    else if (folderExisted) await remove(settingsUri());
    else await remove(vscode.Uri.joinPath(workspaceFolder().uri, '.vscode'));
  });

  it('lists a grade per built-in audience, patients included, and a grade set there changes what is flagged', async () => {
    for (const [audience, grade] of [['clinical', 8], ['admin', 9], ['it', 11], ['patients', 6]] as const) {
      assert.equal(crosswalk().inspect(`readabilityGrade.${audience}`)?.defaultValue, grade, `crosswalk.readabilityGrade.${audience} is a setting with the built-in grade as its default`);
    }
    const { document } = await openDraft('grade-setting', `${CLINICAL}The nurses will check each order before the new system starts next month.\n`);
    await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'readability'), 'no readability finding at the built-in grade 8');
    await crosswalk().update('readabilityGrade.clinical', 3, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(document, (ds) => ds.some((d) => ruleId(d) === 'readability'), 'a readability finding once the clinical grade is 3');
    await crosswalk().update('readabilityGrade.clinical', undefined, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(document, (ds) => !ds.some((d) => ruleId(d) === 'readability'), 'the finding gone with the setting');
  });
});

describe('Learn loop: Review Glossary Additions', () => {
  const folder = () => workspaceFolder().uri;
  const configUri = () => vscode.Uri.joinPath(folder(), '.crosswalk.yaml');
  const glossaryUri = () => vscode.Uri.joinPath(folder(), '.crosswalk', 'glossary.yaml');
  let configBefore: string | undefined;
  let glossaryDirExisted = false;

  before(async () => {
    await crosswalkApi();
    configBefore = await readText(configUri());
    glossaryDirExisted = await exists(vscode.Uri.joinPath(folder(), '.crosswalk'));
  });
  afterEach(cleanUp);
  after(async () => {
    if (configBefore === undefined) await remove(configUri());
    else await writeText(configUri(), configBefore);
    if (!glossaryDirExisted) await remove(vscode.Uri.joinPath(folder(), '.crosswalk'));
    (await crosswalkApi()).checker.recheckAll();
  });

  it('lists the entry Add to Glossary made, undoes the one picked in place, says so, and the finding returns', async () => {
    const api = await crosswalkApi();
    const { document } = await openDraft('review-glossary', `${CLINICAL}UAT starts Monday.\n`);
    const [finding] = on(document, await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length > 0, 'jargon on UAT'), 'jargon', 'UAT');
    const glossaryBefore = await readText(glossaryUri());
    await apply(await codeAction(document, finding.range, /^Add "UAT" to the team glossary as known to clinical readers/));
    const added = await waitFor(async () => {
      const text = await readText(glossaryUri());
      return text?.includes('term: UAT # crosswalk: added from the editor') ? text : undefined;
    }, 10_000, 'the glossary entry, marked as added from the editor');
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 0, 'the finding gone once the term is known');

    const told = api.log.told.length;
    const done = vscode.commands.executeCommand<string | undefined>('crosswalk.reviewGlossaryAdditions');
    const pick = await waitFor(() => api.glossaryPick(), 10_000, 'the Review Glossary Additions pick');
    const item = pick.items.find((i) => i.label === 'UAT');
    assert.ok(item, `UAT is listed: ${JSON.stringify(pick.items.map((i) => i.label))}`);
    assert.match(item.detail ?? '', /^\.crosswalk\/glossary\.yaml, line \d+: added from the editor/);
    pick.activeItems = [item];
    await waitFor(() => pick.activeItems[0]?.label === 'UAT', 10_000, 'UAT to be the active item');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const message = await done;
    assert.equal(message, 'Undid the glossary addition for "UAT": removed its entry from .crosswalk/glossary.yaml.');
    assert.ok(api.log.told.slice(told).includes(message), 'the user is told');
    const after = (await readText(glossaryUri())) ?? '';
    assert.doesNotMatch(after, /UAT/, 'the entry is gone');
    if (glossaryBefore !== undefined) assert.equal(after, glossaryBefore, 'the glossary is back as it was');
    assert.notEqual(after, added);
    await diagnosticsWhere(document, (ds) => on(document, ds, 'jargon', 'UAT').length === 1, 'the finding back once the addition is undone');
  });
});

import * as vscode from 'vscode';
import { engine, type Core } from './engine';
import { log } from './log';
import { mergeConfig, readSettings } from './settings';

export interface DocumentConfig {
  options: Core.LintOptions;
  /** The config file in force, if any, and its problems, for diagnostics on that file. */
  configUri?: vscode.Uri;
  problems: { uri: vscode.Uri; findings: Core.Finding[] }[];
  key: string;
  /** `files:` and `ignore:` of the `.crosswalk.yaml` in force, relative to its folder (src/extension/scope.ts). */
  scope: Pick<Core.CrosswalkConfig, 'files' | 'ignore'>;
}

const decoder = new TextDecoder();

/** Reads through VS Code so that open, unsaved config buffers and remote workspaces count. */
async function read(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Config files found per folder, kept until a setting, a config file or a glossary changes
 * (`forgetConfigs`), so that a check after each pause in typing does not search the disk again.
 */
const foundConfigs = new Map<string, Promise<{ loaded: Core.LoadedConfig; glossaries: { name: string; text: string }[] }>>();

export function forgetConfigs(): void {
  foundConfigs.clear();
}

async function findConfig(base: vscode.Uri | undefined, folder: vscode.WorkspaceFolder | undefined, settingsGlossaries: string[]) {
  let loaded: Core.LoadedConfig = { config: {}, problems: [], glossaries: [] };
  const core = engine();
  const stop = folder?.uri.path;
  if (base) {
    const toUri = (path: string) => base.with({ path });
    loaded = await core.discoverConfig(base.path, async (path) => {
      // Search and read no higher than the workspace folder: a file elsewhere on disk is not this project's.
      if (stop !== undefined && !core.isInside(path, stop)) return undefined;
      return read(toUri(path));
    }, undefined, { root: stop });
  }
  const glossaries = [...loaded.glossaries];
  const refused: string[] = [];
  for (const name of settingsGlossaries) {
    const target = glossaryTarget(folder, name);
    if ('refused' in target) {
      refused.push(target.refused);
      continue;
    }
    const text = await read(target.uri);
    if (text !== undefined) glossaries.push({ name: target.uri.path, text });
    else log.warn(`The glossary ${name} named in the crosswalk.glossaries setting could not be read (${target.uri.path}).`);
  }
  if (refused.length && folder) {
    // Settings have no line of their own to point at: the workspace's settings file carries the finding.
    const settingsFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const at = { line: 1, column: 1, offset: 0 };
    const findings = refused.map((message) => ({ ruleId: 'config', severity: 'warning' as const, audience: [], fixes: [], message, range: { start: at, end: at } }));
    loaded = { ...loaded, problems: [...loaded.problems, { path: settingsFile.path, findings }] };
  }
  const where = base ? vscode.workspace.asRelativePath(base) : 'an untitled draft';
  if (loaded.path) log.info(`Config for ${where}: ${loaded.path}`);
  else log.info(`Config for ${where}: no .crosswalk.yaml found in the workspace folder; settings and defaults apply.`);
  for (const glossary of glossaries) log.info(`Glossary loaded: ${glossary.name}`);
  for (const problem of loaded.problems) {
    for (const finding of problem.findings) log.warn(`${problem.path}:${finding.range.start.line}: ${finding.message}`);
  }
  return { loaded, glossaries };
}

/**
 * Where a team glossary named in settings (`crosswalk.glossaries`) lives: inside the workspace
 * folder, or refused with a message naming the path. Shared by reading (here) and by "Add to team
 * glossary" (commands/add-to-glossary.ts), so that neither can reach a file outside the folder.
 */
export function glossaryTarget(folder: vscode.WorkspaceFolder | undefined, name: string): { uri: vscode.Uri } | { refused: string } {
  const core = engine();
  if (!folder) return { refused: `Team glossary "${name}" is not read: open a folder to keep a team glossary in it.` };
  const path = core.resolvePath(folder.uri.path, name);
  if (!core.isInside(path, folder.uri.path)) {
    return { refused: `Team glossary "${name}" in the crosswalk.glossaries setting is outside the workspace folder (${path}); Crosswalk reads and writes no file outside it.` };
  }
  return { uri: folder.uri.with({ path }) };
}

/** Settings plus the `.crosswalk.yaml` found from the document's folder upwards, as the CLI finds it. */
export async function configFor(document: vscode.TextDocument): Promise<DocumentConfig> {
  const settings = readSettings(document.uri);
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const base = document.uri.scheme === 'untitled' ? folder?.uri : vscode.Uri.joinPath(document.uri, '..');
  const cacheKey = `${base?.toString() ?? ''}|${folder?.uri.toString() ?? ''}`;
  let found = foundConfigs.get(cacheKey);
  if (!found) {
    found = findConfig(base, folder, settings.config.glossaries ?? []);
    foundConfigs.set(cacheKey, found);
    // A failed read is not remembered: the next check tries again.
    found.catch(() => foundConfigs.delete(cacheKey));
  }
  const { loaded, glossaries } = await found;
  const config = mergeConfig(settings.config, loaded.config);
  const audience = settings.defaultAudience;
  const options: Core.LintOptions = { audience, config, glossaries, path: document.uri.path };
  const uriOf = (path: string) => (base ?? document.uri).with({ path });
  return {
    options,
    configUri: loaded.path ? uriOf(loaded.path) : undefined,
    problems: loaded.problems.map((p) => ({ uri: uriOf(p.path), findings: p.findings })),
    key: JSON.stringify([options.audience, options.config, glossaries.map((g) => g.text)]),
    scope: { files: loaded.config.files, ignore: loaded.config.ignore },
  };
}

/**
 * The audiences of the workspace: those of the active draft's config, else of the first folder's
 * `.crosswalk.yaml` (team audiences included), for commands that make a new untitled draft.
 */
export async function workspaceAudiences(): Promise<Core.AudienceCatalog> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme !== 'untitled') return engine().audiences((await configFor(active)).options.config);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return engine().audiences();
  const settings = readSettings(folder.uri);
  const { loaded } = await findConfig(folder.uri, folder, []);
  return engine().audiences(mergeConfig(settings.config, loaded.config));
}

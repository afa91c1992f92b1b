import * as vscode from 'vscode';
import { engine, type Core } from './engine';
import { mergeConfig, readSettings } from './settings';

export interface DocumentConfig {
  options: Core.LintOptions;
  /** The config file in force, if any, and its problems, for diagnostics on that file. */
  configUri?: vscode.Uri;
  problems: { uri: vscode.Uri; findings: Core.Finding[] }[];
  key: string;
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

/** Settings plus the `.crosswalk.yaml` found from the document's folder upwards, as the CLI finds it. */
export async function configFor(document: vscode.TextDocument): Promise<DocumentConfig> {
  const settings = readSettings(document.uri);
  const core = engine();
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  let loaded: Core.LoadedConfig = { config: {}, problems: [], glossaries: [] };
  const base = document.uri.scheme === 'untitled' ? folder?.uri : vscode.Uri.joinPath(document.uri, '..');
  if (base) {
    const toUri = (path: string) => base.with({ path });
    const stop = folder?.uri.path;
    loaded = await core.discoverConfig(base.path, async (path) => {
      // Search no higher than the workspace folder: a config elsewhere on disk is not this project's.
      if (stop && !path.startsWith(stop)) return undefined;
      return read(toUri(path));
    });
  }
  const glossaries = [...loaded.glossaries];
  for (const name of settings.config.glossaries ?? []) {
    const uri = folder && !name.startsWith('/') ? vscode.Uri.joinPath(folder.uri, name) : vscode.Uri.file(name);
    const text = await read(uri);
    if (text !== undefined) glossaries.push({ name: uri.path, text });
  }
  const config = mergeConfig(settings.config, loaded.config);
  const audience = settings.defaultAudience;
  const options: Core.LintOptions = { audience, config, glossaries, path: document.uri.path };
  const uriOf = (path: string) => (base ?? document.uri).with({ path });
  return {
    options,
    configUri: loaded.path ? uriOf(loaded.path) : undefined,
    problems: loaded.problems.map((p) => ({ uri: uriOf(p.path), findings: p.findings })),
    key: JSON.stringify([options.audience, options.config, glossaries.map((g) => g.text)]),
  };
}

import * as vscode from 'vscode';
import { declaresAudienceOrType, projectDocumentReason } from '../core/project-documents';
import type { DocumentConfig } from './config-loader';
import { engine, type Core } from './engine';

export type Verdict = { draft: true; why: string } | { draft: false; reason: string };

/** Markdown files the user asked to check ("Check this file"), kept per workspace across reloads. */
export class OptIns {
  private static readonly KEY = 'crosswalk.checkedFiles';
  private readonly session = new Set<string>();
  constructor(private readonly memento: vscode.Memento | undefined) {}

  has(uri: vscode.Uri): boolean {
    return this.list().includes(uri.toString());
  }

  async add(uri: vscode.Uri): Promise<void> {
    if (this.has(uri)) return;
    this.session.add(uri.toString());
    await this.memento?.update(OptIns.KEY, [...new Set(this.list())]);
  }

  private list(): string[] {
    return [...(this.memento?.get<string[]>(OptIns.KEY) ?? []), ...this.session];
  }
}

/** The path of `uri` below `base`, '/'-separated, or undefined when it is not below it. */
function below(base: vscode.Uri, uri: vscode.Uri): string | undefined {
  const root = base.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : undefined;
}

/** Compiled filters, by their patterns: a check after each pause in typing does not compile them again. */
const filters = new Map<string, Core.DraftFilter>();
function filterOf(scope: Pick<Core.CrosswalkConfig, 'files' | 'ignore'>): Core.DraftFilter {
  const key = JSON.stringify([scope.files, scope.ignore]);
  let filter = filters.get(key);
  if (!filter) {
    if (filters.size > 50) filters.clear();
    filter = engine().createDraftFilter(scope);
    filters.set(key, filter);
  }
  return filter;
}

/**
 * Whether a Markdown file is a draft to check, and why not (README "Which files are drafts"):
 * 1. a file the user asked for ("Check this file") is, and so is an untitled draft;
 * 2. `ignore:` in `.crosswalk.yaml` leaves files out, and `files:` there, else the
 *    `crosswalk.files` setting (relative to the workspace folder), says which files are in: the
 *    decision the CLI makes (src/core/draft-files.ts);
 * 3. with neither, every Markdown file is, but a project's own documents
 *    (src/core/project-documents.ts) unless they declare `audience:` or `type:`.
 */
export function draftVerdict(uri: vscode.Uri, text: string, optIns: OptIns, config: DocumentConfig, settingsFiles: readonly string[]): Verdict {
  if (optIns.has(uri)) return { draft: true, why: 'you asked to check it' };
  if (uri.scheme === 'untitled') return { draft: true, why: 'an untitled draft' };
  const configFolder = config.configUri ? vscode.Uri.joinPath(config.configUri, '..') : undefined;
  const fromConfig = configFolder && below(configFolder, uri);
  if (fromConfig !== undefined && (config.scope.files || config.scope.ignore?.length)) {
    // As the CLI decides for a file it finds walking the folder: dist/, node_modules/ and hidden folders stay out.
    const verdict = filterOf(config.scope).check(fromConfig);
    if (!verdict.draft) return { draft: false, reason: verdict.reason };
    if (config.scope.files) return { draft: true, why: 'matched by files: in the config' };
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const fromFolder = folder ? below(folder.uri, uri) : undefined;
  if (settingsFiles.length && fromFolder !== undefined) {
    const verdict = filterOf({ files: [...settingsFiles] }).check(fromFolder);
    if (!verdict.draft) return { draft: false, reason: verdict.reason.replace('files: in the config', 'the crosswalk.files setting') };
    return { draft: true, why: 'matched by the crosswalk.files setting' };
  }
  const reason = projectDocumentReason(fromFolder ?? uri.path.split('/').pop() ?? '');
  if (!reason) return { draft: true, why: 'a Markdown file' };
  if (declaresAudienceOrType(text)) return { draft: true, why: `${reason}, but it declares audience: or type:` };
  return { draft: false, reason };
}

import * as vscode from 'vscode';
import { declaresAudienceOrType, projectDocumentReason } from '../core/project-documents';

export type Verdict = { draft: true; why: string } | { draft: false; reason: string };

/** Markdown files the user asked to check ("Check this file"), kept per workspace across reloads. */
export class OptIns {
  private static readonly KEY = 'crosswalk.checkedFiles';
  constructor(private readonly memento: vscode.Memento | undefined) {}

  has(uri: vscode.Uri): boolean {
    return this.list().includes(uri.toString());
  }

  async add(uri: vscode.Uri): Promise<void> {
    if (this.has(uri)) return;
    this.session.add(uri.toString());
    await this.memento?.update(OptIns.KEY, [...new Set(this.list())]);
  }

  private readonly session = new Set<string>();

  private list(): string[] {
    return [...(this.memento?.get<string[]>(OptIns.KEY) ?? []), ...this.session];
  }
}

/** The path of `uri` relative to its workspace folder, '/'-separated, or undefined outside every folder. */
export function relativeToFolder(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const base = folder.uri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1) : undefined;
}

/**
 * Whether a Markdown file is a draft to check, with the reason (README Scope section):
 * a file the user asked for is; an untitled one is; otherwise, with no `files:` in
 * `.crosswalk.yaml` and no `crosswalk.files` setting, every Markdown file but the project's own
 * documents (src/core/project-documents.ts) unless it declares `audience:` or `type:`.
 */
export function draftVerdict(uri: vscode.Uri, text: string, optIns: OptIns): Verdict {
  if (optIns.has(uri)) return { draft: true, why: 'you asked to check it' };
  if (uri.scheme === 'untitled') return { draft: true, why: 'an untitled draft' };
  const path = relativeToFolder(uri) ?? uri.path.split('/').pop() ?? '';
  const reason = projectDocumentReason(path);
  if (!reason) return { draft: true, why: 'a Markdown file' };
  if (declaresAudienceOrType(text)) return { draft: true, why: `${reason}, but it declares audience: or type:` };
  return { draft: false, reason };
}

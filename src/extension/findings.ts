import * as vscode from 'vscode';
import type { Range, TextEdit } from '../core/types';

/** Engine ranges (1-based lines and columns, as the server reports sections) as editor ranges. */
export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}

/** A workspace edit for engine edits, applied in one undo step. */
export function toWorkspaceEdit(uri: vscode.Uri, edits: TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

/** True for the engine's EditRefused: a writer that will not change a file it does not understand (src/core/yaml-edit.ts). */
export function isRefusal(error: unknown): error is Error {
  return error instanceof Error && error.name === 'EditRefused';
}

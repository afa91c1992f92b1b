import * as vscode from 'vscode';
import { engine, type Core } from './engine';

const DOCS = 'https://github.com/crosswalk-health/crosswalk#rule-';

export function toRange(range: Core.Range): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}

const SEVERITY: Record<Core.Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The one place where engine findings become editor diagnostics. */
export function toDiagnostic(finding: Core.Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'crosswalk';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(DOCS + finding.ruleId) };
  return diagnostic;
}

/** A workspace edit for one engine fix, applied in one undo step. */
export function toWorkspaceEdit(uri: vscode.Uri, edits: Core.TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

/**
 * The edits of fix-all: the first fix of each finding, those that can apply together (the engine
 * chooses, src/core/apply-fixes.ts), sorted and checked; a second run picks up what was left.
 */
export function fixAllEdits(text: string, findings: Core.Finding[]): Core.TextEdit[] {
  const core = engine();
  return core.sortedEdits(text, core.fixAllFixes(findings));
}

/** True for the engine's EditRefused: a writer that will not change a file it does not understand (src/core/yaml-edit.ts). */
export function isRefusal(error: unknown): error is Error {
  return error instanceof Error && error.name === 'EditRefused';
}

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
 * Fix-all's plan: the fixes it may apply unattended (safe ones and first-use spell-outs; rewording
 * only when `crosswalk.fixAll.includeRewording` opts in), chosen by the engine
 * (src/core/fix-all.ts), with a title that says what it will do. A second run picks up the rest.
 */
export function fixAllPlan(text: string, findings: Core.Finding[], includeRewording: boolean): { edits: Core.TextEdit[]; title: string; count: number } {
  const core = engine();
  const plan = core.fixAllPlan(findings, { includeRewording });
  return { edits: core.sortedEdits(text, plan.fixes), title: plan.title, count: plan.fixes.length };
}

/** True for the engine's EditRefused: a writer that will not change a file it does not understand (src/core/yaml-edit.ts). */
export function isRefusal(error: unknown): error is Error {
  return error instanceof Error && error.name === 'EditRefused';
}

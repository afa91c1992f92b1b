import * as vscode from 'vscode';
import type { Checker } from './checker';
import { engine, type Core } from './engine';
import { fixAllPlan, isRefusal, toRange, toWorkspaceEdit } from './findings';
import { readSettings } from './settings';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('crosswalk');

/** Quick fixes for each finding, plus allow, glossary, disable and fix-all actions. */
export class CrosswalkCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly checker: Checker) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const result = await this.checker.current(document);
    if (!result) return [];
    if (context.only && FIX_ALL_KIND.contains(context.only) || context.only?.contains(FIX_ALL_KIND)) {
      // Unattended (on save): the title still says what it does, for the editor's log and menus.
      const action = this.fixAll(document, result.findings, (title) => `Crosswalk: ${title}`, FIX_ALL_KIND);
      return action ? [action] : [];
    }
    const actions: vscode.CodeAction[] = [];
    const findings = result.findings.filter((f) => toRange(f.range).intersection(range) !== undefined);
    const text = document.getText();
    for (const finding of findings) {
      const diagnostic = context.diagnostics.find((d) => d.source === 'crosswalk' && d.range.isEqual(toRange(finding.range)) && codeOf(d) === finding.ruleId);
      finding.fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.isPreferred = i === 0;
        if (diagnostic) action.diagnostics = [diagnostic];
        actions.push(action);
      });
      if (finding.term && (finding.ruleId === 'jargon' || finding.ruleId === 'undefined-acronym')) {
        const allow = new vscode.CodeAction(`Allow "${finding.term}" in this document`, vscode.CodeActionKind.QuickFix);
        try {
          allow.edit = toWorkspaceEdit(document.uri, [engine().allowTermEdit(text, finding.term)]);
          // Run after the edit: the user is told what changed and where (no silent commands).
          allow.command = { title: allow.title, command: 'crosswalk.tell', arguments: [`Allowed "${finding.term}" in ${vscode.workspace.asRelativePath(document.uri)}: added to its front matter allow list.`] };
        } catch (error) {
          // A front matter the writer will not touch: the action says why instead of vanishing.
          if (!isRefusal(error)) throw error;
          allow.disabled = { reason: (error as Error).message };
        }
        if (diagnostic) allow.diagnostics = [diagnostic];
        actions.push(allow);
        for (const audience of finding.audience) {
          const add = new vscode.CodeAction(`Add "${finding.term}" to the team glossary as known to ${this.checker.audiences(document).label(audience)} readers`, vscode.CodeActionKind.QuickFix);
          add.command = { title: add.title, command: 'crosswalk.addToGlossary', arguments: [document.uri, finding.term, audience] };
          if (diagnostic) add.diagnostics = [diagnostic];
          actions.push(add);
        }
      }
      // Where the comment changes nothing else: never in front matter, nor inside a table row's cells
      // or a comment that runs on past the line (src/core/disable-line.ts, shared with the language server).
      const disableEdit = engine().disableLineEdit(text, finding.range.start.line - 1, finding.ruleId);
      if (disableEdit) {
        const disable = new vscode.CodeAction(`Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
        disable.edit = toWorkspaceEdit(document.uri, [disableEdit]);
        if (diagnostic) disable.diagnostics = [diagnostic];
        actions.push(disable);
      }
    }
    const ruleIds = [...new Set(findings.filter((f) => f.fixes.length).map((f) => f.ruleId))];
    for (const ruleId of ruleIds) {
      const same = result.findings.filter((f) => f.ruleId === ruleId && f.fixes.length);
      const action = same.length > 1 ? this.fixAll(document, same, (title) => `${title} in this document (${ruleId})`, vscode.CodeActionKind.QuickFix) : undefined;
      if (action) actions.push(action);
    }
    if (findings.some((f) => f.fixes.length) && result.findings.filter((f) => f.fixes.length).length > 1) {
      const action = this.fixAll(document, result.findings, (title) => `${title} in this document (all Crosswalk fixes)`, vscode.CodeActionKind.QuickFix);
      if (action) actions.push(action);
    }
    return actions;
  }

  /**
   * A fix-all action, titled for what it does ("Spell out 4 acronyms"); none when it would do
   * nothing (every fix left is a rewording, and rewording is not opted in).
   */
  private fixAll(document: vscode.TextDocument, findings: Core.Finding[], title: (plan: string) => string, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
    const plan = fixAllPlan(document.getText(), findings, readSettings(document.uri).includeRewording);
    if (plan.count === 0) return undefined;
    const action = new vscode.CodeAction(title(plan.title), kind);
    action.edit = toWorkspaceEdit(document.uri, plan.edits);
    return action;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

import * as vscode from 'vscode';
import type { Checker } from './checker';
import { toRange } from './findings';

/** A language status item: the audience where the cursor is, and the draft's grade level. */
export class AudienceStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('crosswalk.audience', { language: 'markdown' });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly checker: Checker) {
    this.item.name = 'Crosswalk audience';
    this.item.command = { title: 'Set audience', command: 'crosswalk.setAudience' };
    this.item.text = 'Audience: …';
    this.subscriptions.push(
      checker.onDidCheck((doc) => {
        if (vscode.window.activeTextEditor?.document === doc) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection(() => this.update()),
    );
    this.update();
  }

  /** What the item shows, for tests and for the report. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return;
    const result = this.checker.result(editor.document);
    if (!result) return;
    const position = editor.selection.active;
    const section = result.sections.find((s) => toRange(s.range).contains(position)) ?? { audience: result.audience };
    const audiences = this.checker.audiences(editor.document);
    const names = audiences.isAll(section.audience) ? 'All' : section.audience.map((a) => audiences.title(a)).join(' + ');
    this.item.text = `$(person) Audience: ${names} · grade ${result.stats.gradeLevel}`;
    this.item.detail = `${result.stats.words} words · ${result.stats.readingTimeMinutes} min to read · ${result.findings.length} findings`;
    this.item.severity = result.findings.some((f) => f.severity === 'error') ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

import * as vscode from 'vscode';
import type { Checker } from './checker';
import { screenReaderText } from '../core/hover-text';
import { toRange } from './findings';

/**
 * A status bar item: the audience where the cursor is and the draft's grade level, for the active
 * draft only. A draft not checked (left out by the scope rules, too large, Crosswalk off) says so,
 * and a Markdown file left out offers "Check this file": the item never shows another draft's data.
 */
export class AudienceStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crosswalk.audience', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly checker: Checker) {
    this.item.name = 'Crosswalk audience';
    this.subscriptions.push(
      checker.onDidCheck((doc) => {
        if (vscode.window.activeTextEditor?.document === doc) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.update();
      }),
    );
    this.update();
  }

  /** What the item shows, for tests. */
  get text(): string {
    return this.item.text;
  }

  /** The screen reader's label: plain words, no icon names. */
  get label(): string {
    return this.item.accessibilityInformation?.label ?? '';
  }

  get command(): vscode.Command | undefined {
    const command = this.item.command;
    return typeof command === 'string' ? { title: command, command } : command;
  }

  get visible(): boolean {
    return this.shown;
  }

  private shown = false;

  private show(): void {
    this.item.show();
    this.shown = true;
  }

  private hide(): void {
    this.item.hide();
    this.shown = false;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      this.hide();
      return;
    }
    const document = editor.document;
    const skipped = this.checker.skipped(document);
    // While an edit is being checked, this draft's last findings stand (never another draft's).
    const result = this.checker.result(document) ?? (skipped ? undefined : this.checker.latest(document));
    if (!result) {
      this.item.backgroundColor = undefined;
      if (skipped?.canOptIn) {
        this.item.text = '$(circle-slash) Crosswalk: not a draft';
        this.item.tooltip = `Crosswalk does not check this file: ${skipped.reason}. Click to check this file.`;
        this.item.accessibilityInformation = { label: screenReaderText(`Crosswalk does not check this file: ${skipped.reason}. Activate to check this file.`) };
        this.item.command = { title: 'Check this file', command: 'crosswalk.checkThisFile', arguments: [document.uri] };
      } else if (skipped) {
        this.item.text = '$(circle-slash) Crosswalk: not checked';
        this.item.tooltip = `Crosswalk did not check this draft: ${skipped.reason}.`;
        this.item.accessibilityInformation = { label: screenReaderText(`Crosswalk did not check this draft: ${skipped.reason}.`) };
        this.item.command = { title: 'Show the Crosswalk log', command: 'crosswalk.showLog' };
      } else {
        // Edited since the last check, or not checked yet: nothing stale is shown meanwhile.
        this.item.text = '$(sync~spin) Crosswalk: checking…';
        this.item.tooltip = 'Crosswalk is checking this draft.';
        this.item.accessibilityInformation = { label: screenReaderText('Crosswalk is checking this draft.') };
        this.item.command = undefined;
      }
      this.show();
      return;
    }
    const position = editor.selection.active;
    const section = result.sections.find((s) => toRange(s.range).contains(position)) ?? { audience: result.audience };
    const audiences = this.checker.audiences(document);
    const names = audiences.isAll(section.audience) ? 'All' : section.audience.map((a) => audiences.title(a)).join(' + ');
    const { stats } = result;
    const findings = `${result.findings} finding${result.findings === 1 ? '' : 's'}`;
    // A new draft (the walkthrough's "New draft") has no words to grade: "grade 0" would be a number that means nothing.
    const empty = stats.words === 0;
    this.item.text = `$(person) Audience: ${names} · ${empty ? 'no text yet' : `grade ${stats.gradeLevel}`}`;
    this.item.tooltip = empty
      ? `Audience here: ${names}. No text to grade yet. Click to set the audience.`
      : `Audience here: ${names}. Grade level of the draft: ${stats.gradeLevel}. ${stats.words} words, ${stats.readingTimeMinutes} min to read, ${findings}. Click to set the audience.`;
    this.item.accessibilityInformation = { label: screenReaderText(`Crosswalk audience here: ${names}. ${empty ? 'No text to grade yet' : `Grade level ${stats.gradeLevel}`}. ${findings}. Activate to set the audience.`) };
    this.item.command = { title: 'Set audience', command: 'crosswalk.setAudience' };
    this.item.backgroundColor = result.errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}

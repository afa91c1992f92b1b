import * as vscode from 'vscode';
import type { Checker } from '../checker';
import { configFor } from '../config-loader';
import { engine, type Core } from '../engine';

const AUDIENCE_CHOICES = [
  { label: 'clinical', description: 'Doctors, nurses, pharmacists, therapists' },
  { label: 'admin', description: 'Finance, operations, legal, compliance, executives' },
  { label: 'it', description: 'Developers, infrastructure, security, analysts' },
];

/**
 * Applies edits to a string from the end of the text backwards, so that earlier offsets stay
 * valid; an edit that overlaps one already applied (or starts where it starts) is skipped.
 */
export function applyTextEdits(text: string, edits: Core.TextEdit[]): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset || b.range.end.offset - a.range.end.offset);
  let out = text;
  let floor = Infinity; // start of the last applied edit: later (earlier-in-text) edits must end at or before it
  let lastStart = -1;
  let applied = 0;
  let skipped = 0;
  for (const edit of sorted) {
    const { start, end } = { start: edit.range.start.offset, end: edit.range.end.offset };
    if (end > floor || start === lastStart) {
      skipped++;
      continue;
    }
    out = out.slice(0, start) + edit.newText + out.slice(end);
    floor = start;
    lastStart = start;
    applied++;
  }
  return { text: out, applied, skipped };
}

/** The fixes "Rewrite for Audience" takes from one finding: plain wording for jargon, spell-out for acronyms. */
export function rewriteFix(finding: Core.Finding): Core.Fix | undefined {
  if (finding.ruleId === 'jargon') return finding.fixes.find((f) => f.kind === 'replace');
  if (finding.ruleId === 'undefined-acronym') return finding.fixes.find((f) => f.kind === 'spell-out');
  return undefined;
}

/**
 * The draft rewritten for one audience: front matter `audience:` set to it, every jargon finding
 * for it replaced by its first "Replace with" wording and every undefined acronym spelled out at
 * its first use. Pure: the text in, the new text out.
 */
export function rewriteText(text: string, audience: Core.AudienceId, options: Core.LintOptions): { text: string; replaced: number; remaining: Core.Finding[] } {
  const core = engine();
  // Set the audience first and lint the result: the front matter then names the target audience,
  // which outranks `.crosswalk.yaml` and settings, so the findings are exactly this audience's.
  const retargeted = applyTextEdits(text, [core.setAudienceEdit(text, audience)]).text;
  const linter = core.createLinter({ ...options, audience });
  const result = linter.lint(retargeted);
  const edits: Core.TextEdit[] = [];
  for (const finding of result.findings) {
    // Sections marked for another audience keep their own wording.
    if (!finding.audience.includes(audience)) continue;
    const fix = rewriteFix(finding);
    if (fix) edits.push(...fix.edits);
  }
  const rewritten = applyTextEdits(retargeted, edits);
  const remaining = linter.lint(rewritten.text).findings.filter((f) => f.audience.includes(audience) && rewriteFix(f));
  return { text: rewritten.text, replaced: rewritten.applied, remaining };
}

/**
 * Crosswalk: Rewrite for Audience. Opens a NEW untitled draft with the current draft rewritten
 * for the chosen audience; the original is not touched. Arguments (for tests): the audience and
 * the draft's URI.
 */
export async function rewriteForAudience(checker: Checker, audienceArg?: string, uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const source = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!source || source.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a Markdown draft to rewrite it for an audience.');
    return undefined;
  }
  let audience = audienceArg;
  if (audience === undefined) {
    const pick = await vscode.window.showQuickPick(AUDIENCE_CHOICES, { title: 'Rewrite this draft for…', placeHolder: 'Pick the audience of the new draft' });
    if (!pick) return undefined;
    audience = pick.label;
  }
  const resolved = engine().resolveAudience(audience);
  if (!resolved.audience || resolved.audience.length !== 1) {
    void vscode.window.showErrorMessage(`Rewrite for one audience: clinical, admin or it (not "${audience}").`);
    return undefined;
  }
  const target = resolved.audience[0];
  const { options } = await configFor(source);
  const { text, replaced, remaining } = rewriteText(source.getText(), target, options);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
  void checker.check(document);
  const left = remaining.length ? ` ${remaining.length} could not be changed in one pass: see the Problems panel.` : '';
  void vscode.window.showInformationMessage(`Crosswalk rewrote ${replaced} term${replaced === 1 ? '' : 's'} for ${target} readers in a new draft.${left}`);
  return editor;
}

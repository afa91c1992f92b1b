import * as vscode from 'vscode';
import type { Checker } from '../checker';
import { configFor } from '../config-loader';
import { engine, type Core } from '../engine';
import { isRefusal } from '../findings';
import { audienceChoices } from './set-audience';

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
  const retargeted = core.applyFixes(text, [core.setAudienceEdit(text, audience)]);
  const linter = core.createLinter({ ...options, audience });
  const result = linter.lint(retargeted);
  const wanted: Core.Fix[] = [];
  for (const finding of result.findings) {
    // Sections marked for another audience keep their own wording.
    if (!finding.audience.includes(audience)) continue;
    const fix = rewriteFix(finding);
    if (fix) wanted.push(fix);
  }
  // Fixes that clash with one before them are left out, and counted among those remaining.
  const fixes = core.compatibleFixes(wanted);
  const rewritten = core.applyFixes(retargeted, fixes);
  const remaining = linter.lint(rewritten).findings.filter((f) => f.audience.includes(audience) && rewriteFix(f));
  return { text: rewritten, replaced: fixes.length, remaining };
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
  const { options } = await configFor(source);
  const audiences = engine().audiences(options.config);
  let audience = audienceArg;
  if (audience === undefined) {
    const choices = audienceChoices(audiences).filter((c) => c.label !== 'all');
    const pick = await vscode.window.showQuickPick(choices, { title: 'Rewrite this draft for…', placeHolder: 'Pick the audience of the new draft' });
    if (!pick) return undefined;
    audience = pick.label;
  }
  const resolved = audiences.resolve(audience);
  if (!resolved.audience || resolved.audience.length !== 1) {
    void vscode.window.showErrorMessage(`Rewrite for one audience: ${audiences.ids.join(', ')} (not "${audience}").`);
    return undefined;
  }
  const target = resolved.audience[0];
  let rewritten: ReturnType<typeof rewriteText>;
  try {
    rewritten = rewriteText(source.getText(), target, options);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    void vscode.window.showErrorMessage(`Crosswalk could not set the audience of the new draft: ${error.message}`);
    return undefined;
  }
  const { text, replaced, remaining } = rewritten;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
  void checker.check(document);
  const left = remaining.length ? ` ${remaining.length} could not be changed in one pass: see the Problems panel.` : '';
  void vscode.window.showInformationMessage(`Crosswalk rewrote ${replaced} term${replaced === 1 ? '' : 's'} for ${target} readers in a new draft.${left}`);
  return editor;
}

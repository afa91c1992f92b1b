// Small helpers for the extension-host tests.
import * as vscode from 'vscode';

/**
 * Polls `condition` until it returns a truthy value, and returns that value.
 * Throws after `timeoutMs`, with `what` and the last error the condition threw.
 * Use it instead of fixed sleeps: diagnostics, hovers and code actions reach the workbench
 * a little after the extension produces them.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  timeoutMs = 15_000,
  what = 'condition',
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Crosswalk's diagnostics on a document. */
export function crosswalkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'crosswalk');
}

/** The range of the first occurrence of `text` in the document (after `from`, an offset). */
export function rangeOf(document: vscode.TextDocument, text: string, from = 0): vscode.Range {
  const offset = document.getText().indexOf(text, from);
  if (offset < 0) throw new Error(`"${text}" not found in ${document.uri.toString()}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

/** Plain text of a hover's contents. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** A diagnostic's rule id, whether `code` is a plain value or `{ value, target }`. */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

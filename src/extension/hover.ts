import * as vscode from 'vscode';
import type { Checker } from './checker';
import { readabilityHoverMarkdown, termHoverMarkdown } from '../core/hover-text';
import { toRange } from './findings';

/** Explains glossary terms and hard sentences where the cursor rests; the words are the language server's too. */
export class CrosswalkHover implements vscode.HoverProvider {
  constructor(private readonly checker: Checker) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const result = await this.checker.current(document);
    if (!result) return undefined;
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;

    // The draft's config may add team audiences: "Known to: IT, Pharmacy".
    const audiences = this.checker.audiences(document);
    const term = result.terms.find((t) => toRange(t.range).contains(position));
    if (term) {
      range = toRange(term.range);
      parts.push(new vscode.MarkdownString(termHoverMarkdown(term, audiences)));
    }
    const hard = result.findings.find((f) => f.ruleId === 'readability' && toRange(f.range).contains(position));
    const hardText = hard && readabilityHoverMarkdown(hard, audiences);
    if (hard && hardText) {
      range ??= toRange(hard.range);
      parts.push(new vscode.MarkdownString(hardText));
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }
}

import * as vscode from 'vscode';
import type { Checker } from './checker';
import type { Core } from './engine';
import { toRange } from './findings';

const LABEL: Record<string, string> = { clinical: 'clinical staff', admin: 'administrators', it: 'IT' };
const who = (audiences: string[]) => audiences.map((a) => LABEL[a] ?? a).join(', ');

/** Explains glossary terms and hard sentences where the cursor rests. */
export class CrosswalkHover implements vscode.HoverProvider {
  constructor(private readonly checker: Checker) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const result = await this.checker.current(document);
    if (!result) return undefined;
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;

    const term = result.terms.find((t) => toRange(t.range).contains(position));
    if (term) {
      range = toRange(term.range);
      parts.push(termHover(term));
    }
    const hard = result.findings.find((f) => f.ruleId === 'readability' && toRange(f.range).contains(position));
    if (hard?.data) {
      range ??= toRange(hard.range);
      const d = hard.data as { grade: number; targetGrade: number; words: number; longWords: number; reasons: string[] };
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**Hard to read for ${who(hard.audience)}**\n\n`);
      md.appendMarkdown(`Grade ${d.grade} against a target of grade ${d.targetGrade}: ${d.reasons.join(', ')}.\n\n`);
      md.appendMarkdown(`${d.words} words, ${d.longWords} of three or more syllables. Split the sentence or use shorter words.`);
      parts.push(md);
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }
}

function termHover(term: Core.TermOccurrence): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const unknown = term.audience.filter((a) => !term.familiarTo.includes(a));
  md.appendMarkdown(`**${escape(term.term)}**${term.expansion ? ` — ${escape(term.expansion)}` : ''}\n\n`);
  md.appendMarkdown(`${escape(term.definition)}\n\n`);
  const all = ['clinical', 'admin', 'it'] as const;
  const knownBy = all.filter((a) => term.familiarTo.includes(a));
  const notKnownBy = all.filter((a) => !term.familiarTo.includes(a));
  md.appendMarkdown(`Known to: ${knownBy.length ? who([...knownBy]) : 'no audience'}. `);
  if (notKnownBy.length) md.appendMarkdown(`Not known to: ${who([...notKnownBy])}.`);
  md.appendMarkdown('\n\n');
  if (unknown.length) {
    for (const audience of unknown) {
      const wording = term.replace[audience] ?? term.plain;
      if (wording) md.appendMarkdown(`For ${LABEL[audience]} here, say: *${escape(wording)}*\n\n`);
    }
  } else {
    md.appendMarkdown(`This section's readers (${who(term.audience)}) know this term.\n\n`);
  }
  const source = term.sources.find((s) => s.url);
  if (source?.url) md.appendMarkdown(`Source: [${escape(source.title)}](${source.url})`);
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

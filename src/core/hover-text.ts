import type { AudienceCatalog } from './audience';
import type { AudienceId, Finding, TermOccurrence } from './types';

/**
 * The words of a hover, as Markdown, for the VS Code extension (src/extension/hover.ts) and the
 * language server (src/server/server.ts) alike: what a term means, who knows it and the wording
 * for this section's readers; why a sentence is hard.
 */

/** The audiences a hover names, and how it names them: data/audiences.yaml's `readers`, via the engine. */
type HoverAudiences = Pick<AudienceCatalog, 'ids' | 'readers'>;

/** The hover of a glossary term where it stands; `audiences` are the draft's (team audiences included). */
export function termHoverMarkdown(term: TermOccurrence, audiences: HoverAudiences): string {
  const who = (ids: readonly AudienceId[]) => ids.map((a) => audiences.readers(a)).join(', ');
  const ALL = audiences.ids;
  let md = '';
  const unknown = term.audience.filter((a) => !term.familiarTo.includes(a));
  md += `**${escapeMarkdown(term.term)}**${term.expansion ? ` — ${escapeMarkdown(term.expansion)}` : ''}\n\n`;
  md += `${escapeMarkdown(term.definition)}\n\n`;
  const knownBy = ALL.filter((a) => term.familiarTo.includes(a));
  const notKnownBy = ALL.filter((a) => !term.familiarTo.includes(a));
  md += `Known to: ${knownBy.length ? who(knownBy) : 'no audience'}. `;
  if (notKnownBy.length) md += `Not known to: ${who(notKnownBy)}.`;
  md += '\n\n';
  if (unknown.length) {
    for (const audience of unknown) {
      const wording = term.replace[audience] ?? term.plain;
      if (wording) md += `For ${audiences.readers(audience)} here, say: *${escapeMarkdown(wording)}*\n\n`;
    }
  } else {
    md += `This section's readers (${who(term.audience)}) know this term.\n\n`;
  }
  const source = term.sources.find((s) => s.url);
  if (source?.url) md += `Source: [${escapeMarkdown(source.title)}](${source.url})`;
  return md;
}

/** The hover of a sentence the readability rule flagged, or undefined for any other finding. */
export function readabilityHoverMarkdown(finding: Finding, audiences: HoverAudiences): string | undefined {
  if (finding.ruleId !== 'readability' || !finding.data) return undefined;
  const who = (ids: readonly AudienceId[]) => ids.map((a) => audiences.readers(a)).join(', ');
  const d = finding.data as { grade: number; targetGrade: number; words: number; longWords: number; reasons: string[] };
  return `**Hard to read for ${who(finding.audience)}**\n\n` +
    `Grade ${d.grade} against a target of grade ${d.targetGrade}: ${d.reasons.join(', ')}.\n\n` +
    `${d.words} words, ${d.longWords} of three or more syllables. Split the sentence or use shorter words.`;
}

/** The same words for a client that shows plain text only: no emphasis, no escapes, links spelled out. */
export function markdownToPlainText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 <$2>')
    .replace(/(?<!\\)\*{1,2}/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

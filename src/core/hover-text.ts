import type { AudienceCatalog } from './audience';
import { syllablesOf } from './readability';
import type { AudienceId, Finding, LintResult, Range, TermOccurrence } from './types';

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

/** What a sentence hover needs of the terms in its sentence: where they stand and who knows them. */
type SentenceTerm = Pick<TermOccurrence, 'term' | 'text' | 'range' | 'familiarTo'>;

interface SentenceData {
  grade: number;
  targetGrade: number;
  words: number;
  longWords: number;
  hardWords?: string[];
  /** long-sentence: the readers' word limit, and whether the sentence is also hard for them. */
  limit?: number;
  hard?: boolean;
}

const within = (inner: Range, outer: Range) => inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset;

/** A term these readers do not know: jargon that pushes a sentence's difficulty up. */
const unknownTo = (term: Pick<TermOccurrence, 'familiarTo'>, readers: readonly AudienceId[]) => readers.some((a) => !term.familiarTo.includes(a));

/**
 * The hover of a sentence the readability rule flagged (hard) or long-sentence flagged (long), or
 * undefined for any other finding. A hard sentence's card names the readers' target and leaves the
 * grade to the diagnostic shown with it (said once); a long one's gives the grade. Both name what
 * pushes the grade up: the long words (with their syllables) and the jargon of the sentence
 * for these readers (`terms`: the draft's term occurrences; those outside the sentence are ignored).
 */
export function sentenceHoverMarkdown(finding: Finding, audiences: HoverAudiences, terms: readonly SentenceTerm[] = []): string | undefined {
  if ((finding.ruleId !== 'readability' && finding.ruleId !== 'long-sentence') || !finding.data) return undefined;
  const d = finding.data as unknown as SentenceData;
  if (typeof d.grade !== 'number' || typeof d.targetGrade !== 'number') return undefined;
  const who = finding.audience.map((a) => audiences.readers(a)).join(', ');
  const jargon: string[] = [];
  for (const t of terms) {
    if (within(t.range, finding.range) && unknownTo(t, finding.audience) && !jargon.some((j) => j.toLowerCase() === t.text.toLowerCase())) jargon.push(t.text);
  }
  const inJargon = (word: string) => jargon.some((j) => j.toLowerCase().split(/\s+/).includes(word.toLowerCase()));
  const long = (d.hardWords ?? []).filter((w) => !inJargon(w)).map((w) => `*${escapeMarkdown(w)}* (${syllablesOf(w)} syllables)`);
  const pushes: string[] = [];
  if (long.length) pushes.push(`the long words ${long.join(', ')}`);
  if (jargon.length) pushes.push(`the jargon ${jargon.map((j) => `*${escapeMarkdown(j)}*`).join(', ')} (hover each for plainer words)`);
  const size = `${d.words} words${d.longWords ? `, ${d.longWords} of three or more syllables` : ''}.`;
  if (finding.ruleId === 'long-sentence') {
    const grade = d.hard ? `Grade ${d.grade} against a target of grade ${d.targetGrade}.` : `Grade ${d.grade}, within the target of grade ${d.targetGrade}: the length is the problem.`;
    return `**Long for ${who}**\n\n${d.words} words in one sentence; these readers read best at ${d.limit ?? 'fewer'} or fewer. ${grade}\n\n`
      + (d.hard && pushes.length ? `What pushes the grade up: ${pushes.join('; ')}.\n\n` : '')
      + 'Split it in two.';
  }
  // The grade itself is in the diagnostic's message, which editors show with this hover (VS Code in
  // the same box, others beside it): said once (readability's `editorMessage`).
  return `**Hard to read for ${who}** (their target: grade ${d.targetGrade})\n\n`
    + `What pushes the grade up: ${pushes.length ? pushes.join('; ') : 'many words for one sentence'}.\n\n`
    + `${size} Split the sentence or use shorter words.`;
}

/** The hover of a sentence the readability rule flagged, or undefined for any other finding (the language server's name for it). */
export function readabilityHoverMarkdown(finding: Finding, audiences: HoverAudiences, terms: readonly SentenceTerm[] = []): string | undefined {
  return finding.ruleId === 'readability' ? sentenceHoverMarkdown(finding, audiences, terms) : undefined;
}

/**
 * Everything the hover at one offset shows, for the extension (src/extension/hover.ts) and the
 * language server alike: a glossary term's card and the hard or long sentence it stands in. In a
 * flagged sentence a term's card shows only for a term these readers do not know (one of the
 * things that make the sentence hard): a known term's definition there would be beside the point.
 * The parts are Markdown; `range` is the term's where there is one, else the sentence's.
 */
export function hoverAt(result: Pick<LintResult, 'findings' | 'terms'>, offset: number, audiences: HoverAudiences): { parts: string[]; range: Range } | undefined {
  const at = (range: Range) => range.start.offset <= offset && offset <= range.end.offset;
  // One sentence part, so the grade is said once: readability's where both rules flagged the sentence.
  const sentence = result.findings.find((f) => f.ruleId === 'readability' && at(f.range) && f.data)
    ?? result.findings.find((f) => f.ruleId === 'long-sentence' && at(f.range) && f.data);
  const sentenceText = sentence && sentenceHoverMarkdown(sentence, audiences, result.terms);
  const term = result.terms.find((t) => at(t.range));
  const showTerm = term && (!sentenceText || !sentence || unknownTo(term, sentence.audience));
  const parts: string[] = [];
  if (showTerm) parts.push(termHoverMarkdown(term, audiences));
  if (sentenceText) parts.push(sentenceText);
  const range = showTerm ? term.range : sentence?.range;
  return parts.length && range ? { parts, range } : undefined;
}

/**
 * A finding's message in an editor (the Problems panel, and the hover box beside the card): a rule
 * may give a shorter one (`data.editorMessage`: a hard sentence's grade and first hard words) that
 * leaves the rest to the hover, so the two do not repeat each other. The CLI and reports keep the
 * full message.
 */
export function editorMessage(finding: Pick<Finding, 'message' | 'data'>): string {
  const short = finding.data?.editorMessage;
  return typeof short === 'string' && short ? short : finding.message;
}

/** The same words for a client that shows plain text only: no emphasis, no escapes, links spelled out. */
export function markdownToPlainText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 <$2>')
    .replace(/(?<!\\)\*{1,2}/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/**
 * Words for a screen reader (a status item's `accessibilityInformation.label`): no codicon names
 * ("$(person)"), no Markdown emphasis, code marks, tags or escapes, whatever a file name or a team
 * audience's label brings in (underscores stay: "my_draft.md"); runs of spaces are closed up.
 */
export function screenReaderText(text: string): string {
  return markdownToPlainText(text.replace(/\$\([\w.~-]+\)/g, ''))
    .replace(/`+|~~|<\/?[a-z][^>]*>/gi, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

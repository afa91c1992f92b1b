import { joinWords } from '../core/audience';
import { blockRange, isAllowed, type PlacedBlock, type PreparedDocument, type RawFinding, type RawFix, type Rule } from '../core/document';
import { draftDefinitions } from '../core/definitions';
import type { GlossaryMatch } from '../core/glossary';
import type { AudienceId } from '../core/types';
import { baseForms } from '../core/tokens';
import { atSentenceStart, capitalise } from './wording';

const DOMAIN_LABELS: Record<string, string> = {
  clinical: 'clinical',
  it: 'IT',
  admin_finance: 'finance',
  regulatory: 'regulatory',
};

/** Glossary terms that the audience of the place where they stand will not know. */
export const jargon: Rule = {
  id: 'jargon',
  title: 'Jargon',
  description: 'A term this audience will not know, with plain wording for them.',
  defaultSeverity: 'warning',
  /**
   * Whole-document: a term the draft defines is not flagged, and only the first use of a term in
   * each audience section is; the later uses become the finding's related locations (issue 11).
   */
  check(doc) {
    const defined = draftDefinitions(doc);
    const findings: RawFinding[] = [];
    const firsts = new Map<string, { finding: RawFinding; wording?: string; edits: { start: number; end: number; newText: string }[] }>();
    for (const block of doc.blocks) {
      for (const match of block.analysis.glossary) {
        if (defined.entries.has(match.entry)) continue;
        const at = block.chunkStart + blockRange(block, match.start, match.end).start;
        const to = block.chunkStart + blockRange(block, match.start, match.end).end;
        if (defined.insideExpansion(at, to) || doc.isSuppressed?.('jargon', at)) continue;
        const key = `${match.entry.term}|${block.audience.join()}`;
        const first = firsts.get(key);
        if (first) {
          if (!isFlagged(block, match, doc)) continue;
          (first.finding.related ??= []).push({ start: at, end: to });
          if (first.wording) first.edits.push(shift(replacement(block, block.analysis.text, match.start, match.end, first.wording), block.chunkStart));
          continue;
        }
        const finding = findingFor(block, match, doc);
        if (!finding) continue;
        finding.start += block.chunkStart;
        finding.end += block.chunkStart;
        for (const fix of finding.fixes ?? []) fix.edits = fix.edits.map((e) => shift(e, block.chunkStart));
        const replace = finding.fixes?.find((f) => f.kind === 'replace');
        const wording = (finding.data?.wording as string | undefined);
        firsts.set(key, { finding, wording, edits: replace ? [...replace.edits] : [] });
        findings.push(finding);
      }
    }
    // One fix replaces every use the finding stands for.
    for (const { finding, wording, edits } of firsts.values()) {
      if (!finding.related?.length || !wording || edits.length < 2) continue;
      finding.fixes?.push({ title: `Replace all ${edits.length} uses with "${wording}"`, kind: 'replace', edits });
    }
    return findings;
  },
};

function shift<T extends { start: number; end: number }>(e: T, by: number): T {
  return { ...e, start: e.start + by, end: e.end + by };
}

/** True when this use of a term would be flagged for the audience where it stands. */
function isFlagged(block: PlacedBlock, match: GlossaryMatch, doc: PreparedDocument): boolean {
  const entry = match.entry;
  if (isAllowed(doc, entry.term, match.text)) return false;
  return entry.banned || block.audience.some((a) => !entry.familiarTo.includes(a));
}

/** The finding for one use of a term, in offsets relative to the block's chunk; none when it is known. */
function findingFor(block: PlacedBlock, match: GlossaryMatch, doc: PreparedDocument): RawFinding | undefined {
  const prose = block.analysis.text;
  const entry = match.entry;
  if (!isFlagged(block, match, doc)) return undefined;
  const strangers: AudienceId[] = entry.banned
    ? block.audience
    : block.audience.filter((a) => !entry.familiarTo.includes(a));
  const { start, end } = blockRange(block, match.start, match.end);
  const wordings = wordingsFor(strangers, entry.replace, entry.plain);
  const domain = DOMAIN_LABELS[entry.domain] ?? entry.domain;
  // An alias ("downtime PC" for BCA) is not what the expansion spells out.
  const isAbbreviation = Boolean(entry.expansion) && (match.text === entry.term || baseForms(match.text).includes(entry.term));
  const named = isAbbreviation ? `"${match.text}" (${entry.expansion})` : `"${match.text}"`;
  const advice = wordings.length ? ` Say: "${wordings[0].text}".` : '';
  const message = entry.banned
    ? `${named} is on your team's banned list.${advice}`
    : `${named} is ${domain} jargon that ${doc.config.audiences.describe(strangers)} may not know.${advice}`;
  const fixes: RawFix[] = wordings.map((w) => ({
    title: `Replace with "${w.text}"${w.for.length && strangers.length > 1 ? ` (for ${joinWords(w.for.map((a) => doc.config.audiences.label(a)))} readers)` : ''}`,
    kind: 'replace',
    edits: [replacement(block, prose, match.start, match.end, w.text)],
  }));
  const alreadySpelled = entry.expansion && prose.slice(Math.max(0, match.start - entry.expansion.length - 3), match.start).toLowerCase().includes(entry.expansion.toLowerCase());
  if (entry.expansion && isAbbreviation && !alreadySpelled) {
    // Not safe unattended: it is offered at every use, and spelling out every use is noise.
    fixes.push({ title: `Spell out: "${entry.expansion} (${match.text})"`, kind: 'spell-out', edits: [{ start, end, newText: `${entry.expansion} (${match.text})` }] });
  }
  return {
    message,
    start,
    end,
    audience: strangers,
    term: entry.term,
    severity: entry.severity === 'info' ? 'info' : undefined,
    fixes,
    data: { definition: entry.definition, expansion: entry.expansion, familiarTo: entry.familiarTo, domain: entry.domain, wording: wordings[0]?.text },
  };
}

/**
 * The edit that puts plain wording in place of a term. Wording that brings its own article ("the
 * electronic messages...") takes the place of the article before the term too, so that "the HL7
 * feed" does not become "the the electronic messages...".
 */
function replacement(block: PlacedBlock, prose: string, from: number, to: number, wording: string): { start: number; end: number; newText: string } {
  const own = /^(?:the|a|an|our|your)\s/i.test(wording);
  const article = own ? /\b(?:the|a|an|our|your)\s+$/i.exec(prose.slice(Math.max(0, from - 6), from)) : null;
  const start = article ? from - article[0].length : from;
  const upper = article ? /^[A-Z]/.test(article[0]) || atSentenceStart(prose, start) : atSentenceStart(prose, from);
  return { ...blockRange(block, start, to), newText: upper ? capitalise(wording) : wording };
}

/** One wording per distinct text, the audience-specific ones first, then the neutral one. */
function wordingsFor(strangers: AudienceId[], replace: Partial<Record<AudienceId, string>>, plain: string): { text: string; for: AudienceId[] }[] {
  const out: { text: string; for: AudienceId[] }[] = [];
  for (const audience of strangers) {
    const text = replace[audience];
    if (!text) continue;
    const existing = out.find((w) => w.text === text);
    if (existing) existing.for.push(audience);
    else out.push({ text, for: [audience] });
  }
  if (plain && (out.length === 0 || strangers.length > 1) && !out.some((w) => w.text === plain)) out.push({ text: plain, for: [] });
  return out;
}

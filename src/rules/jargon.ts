import { joinWords } from '../core/audience';
import { blockRange, isAllowed, type PlacedBlock, type RawFinding, type RawFix, type Rule } from '../core/document';
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
  checkBlock(block, doc) {
    const findings: RawFinding[] = [];
    const prose = block.analysis.text;
    for (const match of block.analysis.glossary) {
      const entry = match.entry;
      if (isAllowed(doc, entry.term, match.text)) continue;
      const strangers: AudienceId[] = entry.banned
        ? block.audience
        : block.audience.filter((a) => !entry.familiarTo.includes(a));
      if (strangers.length === 0) continue;
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
      findings.push({
        message,
        start,
        end,
        audience: strangers,
        term: entry.term,
        severity: entry.severity === 'info' ? 'info' : undefined,
        fixes,
        data: { definition: entry.definition, expansion: entry.expansion, familiarTo: entry.familiarTo, domain: entry.domain },
      });
    }
    return findings;
  },
};

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

import { docRange, isAllowed, type PlacedBlock, type RawFinding, type RawFix, type Rule } from '../core/document';
import { sentencePreview, spellOut } from './wording';
import { draftDefinitionsSteps } from '../core/definitions';
import { knownAcronyms, knownToAudiences } from '../core/known-acronyms';
import { LineIndex } from '../core/positions';
import type { GlossaryMatch } from '../core/glossary';
import { jargonFlags } from '../core/jargon-uses';
import { partitionPoint } from '../core/sorted-search';

/**
 * An acronym not spelled out at its first use, for readers who may not know it. An acronym the
 * glossary marks familiar to this audience (its term or an alias), or that data/common-acronyms.yaml
 * lists for it, needs no expansion for it; a broad message still spells out what one audience
 * knows and another does not. Once the draft spells it out, later uses pass. Only the first use
 * in each audience section is flagged; the later ones are its related locations (issue 11).
 */
export const undefinedAcronym: Rule = {
  id: 'undefined-acronym',
  title: 'Undefined acronyms',
  description: 'An acronym that is not spelled out the first time it appears.',
  defaultSeverity: 'warning',
  *check(doc) {
    const jargonOn = doc.enabled.has('jargon');
    const defined = yield* draftDefinitionsSteps(doc);
    const known = knownAcronyms();
    const spelled = new Set<string>();
    // Runs on every keystroke over the whole draft: one pass, one finding per acronym and section audience.
    const flagged = new Map<string, RawFinding>();
    const findings: RawFinding[] = [];
    // Lines counted as the rest of the engine counts them (LF, CRLF, lone CR), built once per check.
    let lines: LineIndex | undefined;
    const lineOf = (offset: number) => (lines ??= new LineIndex(doc.text)).position(offset).line;
    for (let b = 0; b < doc.blocks.length; b++) {
      // Steps between blocks (src/core/steps.ts): a 5 MB draft's pass does not hold up the editor.
      if ((b & 63) === 63) yield;
      const block = doc.blocks[b];
      // A heading's acronym spelled out in the text right under it: the reader meets the words at once.
      const under = block.analysis.kind === 'heading' ? doc.blocks[b + 1] : undefined;
      const underEnd = under && under.analysis.kind !== 'heading' ? docRange(under, 0, under.analysis.text.length).end : -1;
      for (const use of block.analysis.acronyms) {
        const { acronym } = use;
        if (use.spelledOut) spelled.add(acronym);
        if (spelled.has(acronym)) continue;
        const entry = doc.glossary.lookupAcronym(acronym);
        if (isAllowed(doc, acronym, entry?.term) || doc.config.organizationInitials.includes(acronym)) continue;
        const audience = block.audience;
        if (entry && !entry.banned && audience.every((a) => entry.familiarTo.includes(a))) continue;
        // "AR days", "AE titles": the acronym is part of a longer glossary term that this audience
        // knows, so it knows the acronym as written there (AR is accounts receivable to finance).
        const within = longerTermAround(block, use.start, use.end);
        if (within && (isAllowed(doc, within.entry.term, within.text) || (!within.entry.banned && audience.every((a) => within.entry.familiarTo.includes(a))))) continue;
        // "TLS certificate" to admin: the longer term is jargon here and flagged as a whole, and its
        // fix rewords the acronym too. One finding per place: the wider term's.
        if (within && jargonFlags(doc, block, within, defined)) continue;
        // "This is known as MFA fatigue": the draft explains the term it stands in.
        if (entry && defined.explained.has(entry)) continue;
        if (knownToAudiences(known, acronym, audience)) continue;
        // Jargon for this audience is flagged there, with "spell out" among its fixes.
        if (jargonOn && entry && !defined.entries.has(entry)) continue;
        const { start, end } = docRange(block, use.start, use.end);
        if (doc.isSuppressed?.('undefined-acronym', start)) continue;
        // "U.S. Department of Veterans Affairs ... VA facilities": an organisation's initials
        // where the draft names it (a headline may use them before the body does).
        if ((yield* defined.namedAtSteps(acronym)) !== undefined) continue;
        const key = `${acronym}|${audience.join()}`;
        const first = flagged.get(key);
        if (first) {
          (first.related ??= []).push({ start, end });
          (first.data as { uses: number }).uses++;
          continue;
        }
        const laterAt = defined.acronyms.get(acronym);
        if (laterAt !== undefined && laterAt > start && laterAt < underEnd) continue;
        const where = laterAt !== undefined && laterAt > start ? ` It is spelled out later (line ${lineOf(laterAt)}): move that to here.` : '';
        const message = entry?.expansion
          ? `"${acronym}" is not spelled out at its first use: write "${entry.expansion} (${acronym})".${where}`
          : `"${acronym}" is not spelled out at its first use: write the full words followed by "(${acronym})".${where}`;
        const finding: RawFinding = {
          message,
          start,
          end,
          audience,
          term: acronym,
          fixes: entry?.expansion ? [spellOutFix(block, use.start, use.end, entry.expansion, [acronym, entry.term, ...entry.aliases])] : [],
          data: { expansion: entry?.expansion, uses: 1 },
        };
        flagged.set(key, finding);
        findings.push(finding);
      }
    }
    return findings;
  },
};

/**
 * The glossary match of more words than the acronym that holds it ("AR days" around AR), if any.
 * A block's matches are in order and do not overlap: a binary search finds the one at `start`.
 */
function longerTermAround(block: PlacedBlock, start: number, end: number): GlossaryMatch | undefined {
  const matches = block.analysis.glossary;
  // The first match that ends after `start` is the only one that can hold it.
  const m = matches[partitionPoint(matches.length, (i) => matches[i].end <= start)];
  if (!m || m.start > start) return undefined;
  return end <= m.end && m.end - m.start > end - start && /\s/.test(m.text) ? m : undefined;
}

/**
 * Safe unattended: the writer's acronym stays, the glossary's expansion goes before it, once; it
 * reads as English in place (src/rules/wording.ts: capitals, a/an, plurals).
 */
function spellOutFix(block: PlacedBlock, from: number, to: number, expansion: string, forms: string[]): RawFix {
  const edits = spellOut(block.analysis.text, from, to, expansion, forms);
  const spelled = edits[edits.length - 1].newText;
  // The title shows the sentence as it will read, as jargon's fixes do.
  const preview = sentencePreview(block.analysis, edits);
  return { title: `Spell out at first use: "${spelled}"${preview ? `: "${preview}"` : ''}`, kind: 'spell-out', safe: true, edits: edits.map((e) => ({ ...docRange(block, e.start, e.end), newText: e.newText })) };
}

import type { PreparedDocument, RawFinding, RawFix, Rule } from '../core/document';
import { findAnyCue, hasPhrase } from '../core/cues';
import { messageType, type MessagePart, type MessageType } from '../core/message-types';
import type { AudienceId } from '../core/types';
import type { Steps } from '../core/steps';
import { audiencesOf, baseAudience, chooseSlot, eolOf, hasBlank, insertBlocks, placeOf, sectionOf, slotIndex, unitsSteps, type DraftUnits, type Unit } from './draft-units';

/**
 * What a message of a given front matter `type:` must say for its readers (data/message-types.yaml,
 * after guidance.md: ONC SAFER Guide for downtime notices, 45 CFR 164.404(c) for breach notices,
 * CDC CERC for incident updates). A part is recognised by meaning wherever it stands (src/core/cues.ts);
 * each missing one is a finding on the title saying what is missing and why it matters to this
 * audience, with a quick fix that inserts its section, with a blank, where the template puts it.
 */
export const messageParts: Rule = {
  id: 'message-parts',
  title: 'Missing message parts',
  description: 'A message of a known type (downtime notice, incident update, breach notice, ...) missing a part its readers need.',
  defaultSeverity: 'warning',
  *check(doc) {
    const type = messageType(doc.frontMatter?.type);
    if (!type || doc.blocks.length === 0) return [];
    const draft = yield* unitsSteps(doc);
    if (draft.units.length === 0) return [];
    const audiences = audiencesOf(doc);
    const findings: RawFinding[] = [];
    const parts = type.parts.filter((p) => !p.audiences || audiences.some((a) => p.audiences?.includes(baseAudience(doc, a))));
    for (const entry of entriesOf(doc, draft, type)) {
      findings.push(...(yield* missingParts(doc, draft, type, parts, entry, audiences)));
    }
    if (type.maxWords) {
      const words = doc.blocks.reduce((n, b) => n + b.analysis.words, 0);
      if (words > type.maxWords) {
        const at = placeOf(doc, draft.title);
        findings.push({
          ...at,
          message: `This ${type.label} has ${words} words, more than ${type.maxWordsName ?? 'its limit'} (about ${type.maxWords}): ${type.maxWordsWhy ?? 'cut it down'}.`,
          audience: audiences,
          data: { type: type.id, part: 'length', words },
        });
      }
    }
    return findings;
  },
};

/** A stretch of the draft checked for every part: the whole draft, or one entry of a log. */
interface Entry {
  units: Unit[];
  title?: Unit;
  /** Document offset where the entry ends (exclusive). */
  end: number;
  /** Entries in tables cannot take an inserted section. */
  fixable: boolean;
}

function entriesOf(doc: PreparedDocument, draft: DraftUnits, type: MessageType): Entry[] {
  const whole: Entry = { units: draft.units, title: draft.title, end: doc.text.length, fixable: true };
  if (!type.entries) return [whole];
  const rows = type.entries.column ? draft.units.filter((u) => u.kind === 'row' && hasPhrase(columnNames(u), type.entries?.column)) : [];
  if (rows.length) return rows.map((row) => ({ units: [row], title: row, end: row.end, fixable: false }));
  const matching = draft.headings.filter((h) => hasPhrase(h.text, type.entries?.heading));
  if (!matching.length) return [whole];
  const depths = [...new Set(matching.map((h) => h.depth ?? 1))].sort((a, b) => a - b);
  const depth = depths.find((d) => matching.filter((h) => (h.depth ?? 1) === d).length >= 2) ?? depths[depths.length - 1];
  return matching.filter((h) => (h.depth ?? 1) === depth).map((heading) => {
    const section = sectionOf(draft, heading);
    const next = draft.units[draft.units.indexOf(heading) + section.length + 1];
    return { units: [heading, ...section], title: heading, end: next ? next.lineStart : doc.text.length, fixable: true };
  });
}

/** "Date: … | Decision: …" → "Date Decision": the column names a row unit was read with. */
function columnNames(row: Unit): string {
  return row.text.split(' | ').map((cell) => cell.split(':')[0]).join(' ');
}

/** Steps: a yield after each part looked for (each may read every unit of a long draft). */
function* missingParts(doc: PreparedDocument, draft: DraftUnits, type: MessageType, parts: MessagePart[], entry: Entry, audiences: AudienceId[]): Steps<RawFinding[]> {
  const found: (Unit | undefined)[] = [];
  for (const part of parts) {
    found.push(findPart(draft, part, entry.units));
    yield;
  }
  const findings: RawFinding[] = [];
  parts.forEach((part, i) => {
    if (found[i]) return;
    const forWhom = part.audiences ? audiences.filter((a) => part.audiences?.includes(baseAudience(doc, a))) : audiences;
    const why = forWhom.length === 1 ? (part.why[baseAudience(doc, forWhom[0])] ?? part.why.default) : part.why.default;
    const where = entry.title && entry.title !== draft.title ? 'This entry' : `This ${type.label}`;
    const fix = entry.fixable ? insertFix(doc, draft, part, entry, found.slice(0, i).reverse().find((u) => u), forWhom) : undefined;
    findings.push({
      ...placeOf(doc, entry.title),
      message: `${where} does not say ${part.name}: ${why}.`,
      audience: forWhom,
      data: { type: type.id, part: part.id },
      fixes: fix ? [fix] : [],
    });
  });
  return findings;
}

/** Where a part stands, or undefined: a cue that holds, or a section for it holding a blank still to fill. */
function findPart(draft: DraftUnits, part: MessagePart, units: Unit[]): Unit | undefined {
  const byCue = findAnyCue(part.cues, units);
  if (byCue) return byCue;
  const names = [part.heading, ...(part.headings ?? [])];
  for (const unit of units) {
    // A first heading below level 1 is a section a fix may have added, not the title (as in interests).
    if (unit.kind === 'heading' && (unit !== draft.title || (unit.depth ?? 1) > 1) && hasPhrase(unit.text, names) && sectionOf(draft, unit).some((u) => hasBlank(u.text))) return unit;
  }
  if (part.place === 'opening' && units.some((u) => u.opening && u.kind !== 'heading' && u.text.includes(part.blank))) return units.find((u) => u.opening);
  // The blank a fix inserted where the opening's audience holds may fall past the first lines
  // (a marker's block first, for another audience): it still stands, so fix-all settles and
  // the placeholder rule keeps asking for it to be filled.
  if (part.place === 'opening') return units.find((u) => u.kind !== 'heading' && u.text.includes(part.blank));
  return undefined;
}

/**
 * Inserts the part's section where the template puts it: after the section of the part before it
 * that the draft has, or else before the first section after the title; a part of the opening
 * goes just under the title. In the draft's own line endings, and only where the engine would
 * place the section under an audience the part is for and every other block keeps its audience
 * (src/core/document.ts `insertedAudience`): when the template's place is not such a place, the
 * nearest one before it (after the part before), or else after it within the entry.
 */
function insertFix(doc: PreparedDocument, draft: DraftUnits, part: MessagePart, entry: Entry, before: Unit | undefined, forWhom: AudienceId[]): RawFix | undefined {
  const text = doc.text;
  const eol = eolOf(text);
  const title = entry.title;
  const slots = doc.insertionSlots?.() ?? [];
  const forUs = (audience: AudienceId[]) => audience.some((a) => forWhom.includes(a));
  if (part.place === 'opening') {
    if (!title) {
      const first = entry.units[0];
      const slot = first && chooseSlot(slots, slotIndex(slots, first.start), { lo: 0, hi: entry.end }, undefined, forUs);
      return slot && { kind: 'insert', title: `Add "${part.blank}" at the top`, edits: [insertBlocks(text, slot, [part.blank])] };
    }
    // Just under the title: after the line its block ends on (a setext heading's underline too).
    const lineEnd = nextBreak(text, title.blockEnd);
    const at = lineEnd === -1 ? text.length : lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
    // A marker after the title on its line would give its scope to the paragraph added here.
    if (markerBetween(doc, title.start, at) || !forUs(title.audience)) return undefined;
    return { kind: 'insert', title: `Add "${part.blank}" under the title`, edits: [{ start: at, end: at, newText: lineEnd === -1 ? `${eol}${eol}${part.blank}${eol}` : `${eol}${part.blank}${eol}` }] };
  }
  const level = Math.min(6, (title?.depth ?? 1) + 1);
  const anchor = before ?? title ?? entry.units[0];
  const from = anchor ? draft.units.indexOf(anchor) : 0;
  const next = draft.units.slice(from + 1).find((u) => u.kind === 'heading' && (u.depth ?? 1) <= level && u.lineStart < entry.end);
  const lo = anchor && anchor !== entry.units[0] ? anchor.end : anchor ? slots[Math.max(0, slotIndex(slots, anchor.start))]?.offset ?? 0 : 0;
  const slot = chooseSlot(slots, slotIndex(slots, next ? next.lineStart : entry.end), { lo, hi: entry.end }, level, forUs);
  if (!slot) return undefined;
  return { kind: 'insert', title: `Add the section "${part.heading}"`, edits: [insertBlocks(text, slot, [`${'#'.repeat(level)} ${part.heading}`, part.blank])] };
}

/** The offset of the first line break at or after `from`, or -1. */
function nextBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  return cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
}

/** True when an audience marker stands in the document range [start, end). */
function markerBetween(doc: PreparedDocument, start: number, end: number): boolean {
  return doc.chunks.some((c) => c.analysis.markers.some((m) => c.start + m.start >= start && c.start + m.start < end));
}

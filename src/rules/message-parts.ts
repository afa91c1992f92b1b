import type { PreparedDocument, RawFinding, RawFix, Rule } from '../core/document';
import { findAnyCue, hasPhrase } from '../core/cues';
import { messageType, type MessagePart, type MessageType } from '../core/message-types';
import type { AudienceId } from '../core/types';
import { audiencesOf, baseAudience, hasBlank, placeOf, sectionOf, unitsOf, type DraftUnits, type Unit } from './draft-units';

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
  check(doc) {
    const type = messageType(doc.frontMatter?.type);
    if (!type || doc.blocks.length === 0) return [];
    const draft = unitsOf(doc);
    if (draft.units.length === 0) return [];
    const audiences = audiencesOf(doc);
    const findings: RawFinding[] = [];
    const parts = type.parts.filter((p) => !p.audiences || audiences.some((a) => p.audiences?.includes(baseAudience(doc, a))));
    for (const entry of entriesOf(doc, draft, type)) {
      findings.push(...missingParts(doc, draft, type, parts, entry, audiences));
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

function missingParts(doc: PreparedDocument, draft: DraftUnits, type: MessageType, parts: MessagePart[], entry: Entry, audiences: AudienceId[]): RawFinding[] {
  const found = parts.map((part) => findPart(draft, part, entry.units));
  const findings: RawFinding[] = [];
  parts.forEach((part, i) => {
    if (found[i]) return;
    const forWhom = part.audiences ? audiences.filter((a) => part.audiences?.includes(baseAudience(doc, a))) : audiences;
    const why = forWhom.length === 1 ? (part.why[baseAudience(doc, forWhom[0])] ?? part.why.default) : part.why.default;
    const where = entry.title && entry.title !== draft.title ? 'This entry' : `This ${type.label}`;
    const fix = entry.fixable ? insertFix(doc, draft, part, entry, found.slice(0, i).reverse().find((u) => u)) : undefined;
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
  return undefined;
}

/**
 * Inserts the part's section where the template puts it: after the section of the part before it
 * that the draft has, or else before the first section after the title; a part of the opening
 * goes just under the title.
 */
function insertFix(doc: PreparedDocument, draft: DraftUnits, part: MessagePart, entry: Entry, before: Unit | undefined): RawFix | undefined {
  const text = doc.text;
  const title = entry.title;
  if (part.place === 'opening') {
    if (!title) {
      const first = entry.units[0];
      return first && { kind: 'insert', title: `Add "${part.blank}" at the top`, edits: [{ start: first.lineStart, end: first.lineStart, newText: `${part.blank}\n\n` }] };
    }
    const lineEnd = text.indexOf('\n', title.end);
    const at = lineEnd === -1 ? text.length : lineEnd + 1;
    return { kind: 'insert', title: `Add "${part.blank}" under the title`, edits: [{ start: at, end: at, newText: lineEnd === -1 ? `\n\n${part.blank}\n` : `\n${part.blank}\n` }] };
  }
  const level = Math.min(6, (title?.depth ?? 1) + 1);
  const anchor = before ?? title ?? entry.units[0];
  const from = anchor ? draft.units.indexOf(anchor) : 0;
  const next = draft.units.slice(from + 1).find((u) => u.kind === 'heading' && (u.depth ?? 1) <= level && u.lineStart < entry.end);
  const section = `${'#'.repeat(level)} ${part.heading}\n\n${part.blank}\n`;
  if (next) return { kind: 'insert', title: `Add the section "${part.heading}"`, edits: [{ start: next.lineStart, end: next.lineStart, newText: `${section}\n` }] };
  const at = entry.end;
  if (at < text.length) return { kind: 'insert', title: `Add the section "${part.heading}"`, edits: [{ start: at, end: at, newText: `${section}\n` }] };
  const lead = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { kind: 'insert', title: `Add the section "${part.heading}"`, edits: [{ start: at, end: at, newText: `${lead}${section}` }] };
}

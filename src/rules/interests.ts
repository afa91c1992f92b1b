import type { PreparedDocument, RawFinding, RawFix, Rule } from '../core/document';
import { findAnyCue, hasPhrase } from '../core/cues';
import { interestsFor, messageType, type Interest } from '../core/message-types';
import type { AudienceId } from '../core/types';
import { capitalise } from './wording';
import { audiencesOf, baseAudience, chooseSlot, hasBlank, insertBlocks, placeOf, sectionOf, slotIndex, unitsSteps, type DraftUnits, type Unit } from './draft-units';

/**
 * What each audience cares about (data/interests.yaml): clinicians patient care and their
 * workflow, administrators cost, risk or compliance and the decision asked of them, IT the
 * systems, timing, rollback and security, patients their care, what to do, whom to call and the
 * privacy of their information. Each interest that the parts of a draft written for that
 * audience (the whole draft, or its sections for that audience) never address is one finding on
 * the title, with the question the reader will ask and a quick fix that adds a section for it.
 */
export const interests: Rule = {
  id: 'interests',
  title: 'Audience interests',
  description: 'A message that never says what one of its audiences cares about (patient care, cost, rollback, ...).',
  defaultSeverity: 'info',
  *check(doc) {
    const type = messageType(doc.frontMatter?.type);
    if (!type?.interests || doc.blocks.length === 0) return [];
    const draft = yield* unitsSteps(doc);
    if (draft.units.length === 0) return [];
    const at = placeOf(doc, draft.title);
    const findings: RawFinding[] = [];
    // A question every reader of the type asks (a breach notice's "Has anyone used my
    // information?") is one finding for all the audiences that find it unanswered.
    const shared = new Map<string, RawFinding>();
    for (const audience of audiencesOf(doc)) {
      const units = draft.units.filter((u) => u.audience.includes(audience));
      if (units.length === 0) continue;
      // A team audience (`pharmacy` extends `clinical`) cares about what its parent cares about.
      for (const interest of interestsFor(type, baseAudience(doc, audience))) {
        // Steps (src/core/steps.ts): each interest may read every unit of a long draft.
        yield;
        if (addresses(draft, interest, units)) continue;
        const previous = interest.forType ? shared.get(interest.id) : undefined;
        if (previous) {
          previous.audience.push(audience);
          previous.message = `${capitalise(doc.config.audiences.describe(previous.audience))} will ask "${interest.question}": this ${type.label} never says ${interest.name}.`;
          // The section then goes at the end of the draft, for all of them.
          const fix = insertFix(doc, draft, interest, draft.units, audience, false);
          previous.fixes = fix ? [fix] : [];
          continue;
        }
        const fix = insertFix(doc, draft, interest, units, audience);
        const finding: RawFinding = {
          ...at,
          message: interest.forType
            ? `${capitalise(doc.config.audiences.label(audience))} readers will ask "${interest.question}": this ${type.label} never says ${interest.name}.`
            : `${capitalise(doc.config.audiences.label(audience))} readers will ask "${interest.question}": this ${type.label} never says anything about ${interest.name}.`,
          audience: [audience],
          data: { interest: interest.id, question: interest.question, audience },
          fixes: fix ? [fix] : [],
        };
        if (interest.forType) shared.set(interest.id, finding);
        findings.push(finding);
      }
    }
    return findings;
  },
};

/** A cue holds in the audience's units, or a section named for the interest holds a blank still to fill. */
function addresses(draft: DraftUnits, interest: Interest, units: Unit[]): boolean {
  if (findAnyCue(interest.cues, units)) return true;
  if (!interest.heading) return false;
  // A first heading below level 1 is a section, not a title: a draft with no "# " heading whose
  // first section a fix added ("## Timing") is not asked for it again.
  return units.some((u) => u.kind === 'heading' && (u !== draft.title || (u.depth ?? 1) > 1) && hasPhrase(u.text, [interest.heading]) && sectionOf(draft, u).some((s) => hasBlank(s.text)));
}

/**
 * Adds the interest's section, with its blank, after the last block written for this audience:
 * the end of the draft, or the end of the audience's own section in a draft for several. The
 * section goes only where the engine would place it under this audience and where it leaves every
 * other block's audience as it was (not just after a marker, whose scope the next block decides,
 * nor at a level that would end a marker's heading section early); when the place after the last
 * block is not such a place, the nearest one before it in the audience's part of the draft is.
 */
function insertFix(doc: PreparedDocument, draft: DraftUnits, interest: Interest, units: Unit[], audience: AudienceId, forOne = true): RawFix | undefined {
  if (!interest.heading || !interest.blank) return undefined;
  const several = audiencesOf(doc).length > 1;
  // In a draft for several audiences, the section goes under the audience's own heading.
  const own = forOne && several ? [...units].reverse().find((u) => u.kind === 'heading' && u !== draft.title) : undefined;
  const level = Math.min(6, (own?.depth ?? draft.title?.depth ?? 1) + 1);
  const slots = doc.insertionSlots?.() ?? [];
  const last = units[units.length - 1];
  const lo = slots[Math.max(0, slotIndex(slots, units[0].start))]?.offset ?? 0;
  const slot = chooseSlot(slots, slotIndex(slots, last.end, true), { lo, hi: lo - 1 }, level, (a) => a.includes(audience));
  if (!slot) return undefined;
  const forWhom = forOne && several ? ` for ${doc.config.audiences.label(audience)} readers` : '';
  return { kind: 'insert', title: `Add the section "${interest.heading}"${forWhom}`, edits: [insertBlocks(doc.text, slot, [`${'#'.repeat(level)} ${interest.heading}`, interest.blank])] };
}

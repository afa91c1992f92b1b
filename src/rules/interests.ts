import type { RawFinding, Rule } from '../core/document';
import { findAnyCue } from '../core/cues';
import { AUDIENCE_INTERESTS, messageType } from '../core/message-types';
import { capitalise } from './wording';
import { audiencesOf, baseAudience, placeOf, unitsOf } from './draft-units';

/**
 * What each audience cares about (data/interests.yaml): clinicians patient care and their
 * workflow, administrators cost, risk or compliance and the decision asked of them, IT the
 * systems, timing, rollback and security. Each interest that the parts of a draft written for
 * that audience never address is one finding on the title, with the question the reader will ask.
 */
export const interests: Rule = {
  id: 'interests',
  title: 'Audience interests',
  description: 'A message that never says what one of its audiences cares about (patient care, cost, rollback, ...).',
  defaultSeverity: 'info',
  check(doc) {
    const type = messageType(doc.frontMatter?.type);
    if (!type?.interests || doc.blocks.length === 0) return [];
    const draft = unitsOf(doc);
    if (draft.units.length === 0) return [];
    const at = placeOf(doc, draft.title);
    const findings: RawFinding[] = [];
    for (const audience of audiencesOf(doc)) {
      const units = draft.units.filter((u) => u.audience.includes(audience));
      if (units.length === 0) continue;
      // A team audience (`pharmacy` extends `clinical`) cares about what its parent cares about.
      for (const interest of AUDIENCE_INTERESTS[baseAudience(doc, audience)] ?? []) {
        if (findAnyCue(interest.cues, units)) continue;
        findings.push({
          ...at,
          message: `${capitalise(doc.config.audiences.label(audience))} readers will ask "${interest.question}": this ${type.label} never says anything about ${interest.name}.`,
          audience: [audience],
          data: { interest: interest.id, question: interest.question, audience },
        });
      }
    }
    return findings;
  },
};

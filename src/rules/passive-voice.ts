import { blockRange, type RawFinding, type Rule } from '../core/document';

/** Passive voice hides who acts: in a downtime notice, readers need to know who does what. */
export const passiveVoice: Rule = {
  id: 'passive-voice',
  title: 'Passive voice',
  description: 'Passive voice, which hides who has to act.',
  defaultSeverity: 'info',
  checkBlock(block) {
    const findings: RawFinding[] = [];
    for (const hit of block.analysis.passive) {
      const { start, end } = blockRange(block, hit.start, hit.end);
      findings.push({
        message: `"${hit.actual}" is passive: say who does it ("the pharmacy will verify", not "will be verified").`,
        start,
        end,
        audience: block.audience,
      });
    }
    return findings;
  },
};

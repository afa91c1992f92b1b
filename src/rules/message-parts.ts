import type { PreparedDocument, RawFinding, Rule } from '../core/document';

/**
 * What a message of a given type must say (guidance.md): a downtime notice says when, what to do
 * instead, whom to call and how staff will learn the system is back (ONC SAFER Guide,
 * Contingency Planning); an incident update says what is known, what is not yet known, what to
 * do, and when the next update comes (CDC CERC). The type comes from front matter `type:`.
 */
const TIME = /\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|today|tomorrow|noon|midnight)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}\/\d{1,2}\b|\b(?:hours?|minutes?)\b/i;

const PARTS: Record<string, { name: string; pattern: RegExp; advice: string }[]> = {
  'downtime-notice': [
    { name: 'when', pattern: TIME, advice: 'say when it starts and when it should end (or how long it lasts)' },
    { name: 'what to do instead', pattern: /\b(?:paper|downtime (?:forms?|procedures?|plan|viewer|reports?|binder)|read-only|view-only|instead|workaround|manual(?:ly)?|backup|back-up)\b/i, advice: 'say what to do instead (the paper forms, the view-only copy of the chart)' },
    { name: 'whom to call', pattern: /\b(?:call|contact|page|phone|extension|ext\.|help ?desk|service desk|hotline|bridge line|reach)\b/i, advice: 'say whom to call, with a name and a number' },
    { name: 'how they will know it is back', pattern: /\b(?:is back|are back|back (?:up|online|on ?line|in service)|restored|comes? back|up again|all[- ]clear|resumes?d?|we will (?:page|email|text|call|announce|tell|notify|let you know)|will be told|overhead page)\b/i, advice: 'say how staff will learn the system is back' },
  ],
  'incident-update': [
    { name: 'what is known', pattern: /\b(?:what we know|we know|is known|confirmed|since \d|at \d|started|began|happened)\b/i, advice: 'say what is known so far' },
    { name: 'what is not yet known', pattern: /\b(?:not (?:yet )?(?:know|known|clear|sure|confirmed)|do not (?:yet )?know|don['’]t (?:yet )?know|unknown|still (?:investigating|working|checking|looking)|under investigation|we are (?:still )?(?:investigating|looking into))\b/i, advice: 'say what is not known yet' },
    { name: 'what to do', pattern: /\b(?:please|should|do not|don['’]t|follow|report|keep|avoid|use|call|contact)\b/i, advice: 'give readers at least one thing to do' },
    { name: 'when the next update comes', pattern: /\b(?:next update|further updates?|we will (?:update you|send (?:an|another|the next) update|share more|post (?:an|another) update)|updates? (?:you |again )?(?:by|before|within|every) )/i, advice: 'say when the next update will come' },
  ],
};

export const messageParts: Rule = {
  id: 'message-parts',
  title: 'Missing message parts',
  description: 'A downtime notice or incident update missing a part readers need (when, what to do, whom to call, ...).',
  defaultSeverity: 'warning',
  check(doc) {
    const type = doc.frontMatter?.type;
    const parts = type ? PARTS[type] : undefined;
    if (!parts || doc.blocks.length === 0) return [];
    const prose = doc.blocks.map((b) => b.analysis.text).join('\n');
    const findings: RawFinding[] = [];
    const { start, end } = placeOf(doc);
    for (const part of parts) {
      if (part.pattern.test(prose)) continue;
      findings.push({
        start,
        end,
        message: `This ${type === 'downtime-notice' ? 'downtime notice' : 'incident update'} does not say ${part.name}: ${part.advice}.`,
        audience: doc.audience,
        data: { type, part: part.name },
      });
    }
    return findings;
  },
};

/** The first heading, where a reader would look for the message's essentials. */
function placeOf(doc: PreparedDocument): { start: number; end: number } {
  const heading = doc.blocks.find((b) => b.analysis.kind === 'heading') ?? doc.blocks[0];
  const map = heading.analysis.map;
  return { start: heading.chunkStart + map[0], end: heading.chunkStart + map[map.length - 1] };
}

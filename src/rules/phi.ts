import { blockRange, type RawFinding, type Rule } from '../core/document';

/**
 * Patient information in a message to groups breaks HIPAA's minimum necessary standard
 * (45 CFR 164.502(b)); guidance.md, check 10. Each pattern names what it found.
 */
const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'a medical record number', pattern: /\b(?:MRN|medical record (?:number|no\.?|#)|record (?:number|no\.?|#)|account (?:number|no\.?|#)|acct\.? ?#?)\s*[:#]?\s*[A-Z]{0,2}\d{5,}\b/gi },
  { what: 'a date of birth', pattern: /\b(?:DOB|D\.O\.B\.|date of birth|born on)\s*[:-]?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})/g },
  { what: 'a Social Security number', pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  { what: 'a patient located by room or bed', pattern: /\b(?:patient|pt\.?|resident)\s+(?:in|from|at)\s+(?:room|rm\.?|bed)\s*#?\s*\d+[A-Z]?\b/gi },
  { what: 'a named patient', pattern: /\b(?:patient|pt\.?)\s+(?:named\s+)?(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z][a-z]+|\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z][a-z]+\s+(?:in|from)\s+(?:room|bed)\s*\d+/g },
];

export const phi: Rule = {
  id: 'phi',
  title: 'Patient information',
  description: 'Patient information (record numbers, dates of birth, a patient by room) in a message to groups.',
  defaultSeverity: 'warning',
  checkBlock(block) {
    const findings: RawFinding[] = [];
    const text = block.analysis.text;
    if (!/\d|Mr|Mrs|Ms|Miss|Mx/.test(text)) return findings;
    const broad = block.audience.length > 1;
    for (const { what, pattern } of PATTERNS) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const { start, end } = blockRange(block, m.index, m.index + m[0].length);
        findings.push({
          start,
          end,
          message: `This looks like patient information (${what}). Keep it out of messages to groups: share only what readers need (HIPAA minimum necessary).`,
          audience: block.audience,
          // In a broad message, patient details reach people with no need to see them.
          severity: broad ? 'error' : undefined,
          term: m[0],
        });
      }
    }
    return findings;
  },
};

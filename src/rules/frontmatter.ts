import type { RawFinding, Rule } from '../core/document';

/** Broken front matter, unknown audiences and mistyped keys, at the place they stand. */
export const frontmatter: Rule = {
  id: 'frontmatter',
  title: 'Front matter',
  description: 'Broken front matter or audience markers: YAML errors, unknown audiences, mistyped keys.',
  defaultSeverity: 'warning',
  check(doc) {
    const problems = [...(doc.frontMatter?.problems ?? []), ...doc.markerProblems];
    return problems.map((p): RawFinding => ({
      message: p.message,
      start: p.start,
      end: p.end,
      audience: doc.audience,
      severity: p.severity,
    }));
  },
};

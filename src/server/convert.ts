import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { editorMessage } from '../core/hover-text';
import type { Finding, Range as CoreRange } from '../index';

/** Where a rule's docs are: the README's anchor for it (test/unit/rule-docs.test.ts keeps them in step). */
const DOCS = 'https://github.com/crosswalk-health/crosswalk#rule-';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Engine ranges are 1-based and count UTF-16 code units, as LSP's default position encoding does. */
export function toLspRange(range: CoreRange): Range {
  return { start: { line: range.start.line - 1, character: range.start.column - 1 }, end: { line: range.end.line - 1, character: range.end.column - 1 } };
}

/** The one place where engine findings become LSP diagnostics: the rule id as code, its docs as the code's link. */
export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: toLspRange(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: DOCS + finding.ruleId },
    source: 'crosswalk',
    // The hover says what the short editor message leaves out (a hard sentence's grade).
    message: editorMessage(finding),
  };
}

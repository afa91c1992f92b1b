import { engine, type Core } from '../engine';

/**
 * The Audience Report's model lives in src/core/report.ts (engine results in, figures out), so the
 * extension, the language server and the CLI compute it alike; here it is bound to the engine the
 * extension loads (dist/core.js).
 */
export type { AudienceColumn, AudienceReport, ReportFinding, ReportJargon } from '../../core/report';

export type ReportLinters = Core.ReportLinters;

export function reportLinters(): ReportLinters {
  return new (engine().ReportLinters)(engine());
}

export function buildReport(title: string, text: string, options: Core.LintOptions, linters = reportLinters(), draftAudience: Core.AudienceId[] = []): Core.AudienceReport {
  return engine().buildReport(engine(), title, text, options, linters, draftAudience);
}

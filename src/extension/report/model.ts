/**
 * The Audience Report's model lives in src/core/report.ts (engine results in, figures out), so the
 * extension, the language server and the CLI compute it alike. The language server builds it
 * (src/server/requests.ts `crosswalk/report`); the extension only renders it (./html.ts).
 */
export type { AudienceColumn, AudienceReport, ReportFinding, ReportJargon } from '../../core/report';

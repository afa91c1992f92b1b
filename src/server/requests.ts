import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import * as Engine from '../index';
import {
  audiences, buildReport, createLinterAsync, describeIgnored, glossaryAdditions, ignoreEntryFor, lint, undoGlossaryAddition, type GlossaryAddition, ReportLinters, type AudienceReport, rewriteForAudience, templateForAudience, type AudienceId, type AudienceSection, type CrosswalkConfig, type Linter, type LintResult, type RewriteResult, type Stats,
} from '../index';
import { glossaryEdit, ignoreEdit, isRefusal, minimalEdit } from './actions';
import { toDiagnostic } from './convert';
import type { ServerCore } from './server';
import { isInside, joinUri, sameUri, splitUri } from './uri';

/**
 * The requests and notifications only Crosswalk's own clients use (the VS Code extension, desktop
 * and web: src/extension/client.ts). The engine runs here, in the server, never on the extension
 * host: the extension's status item, report, Rewrite for Audience, Check All Drafts and Add to
 * Glossary ask for what they show. Other editors never send these and lose nothing.
 */

/** Server → client after every check: what the status item needs, not the whole result. */
export interface CheckedNotice {
  uri: string;
  version: number;
  /** The team audiences of the draft's config (merged with settings), so the client names them as the server does. */
  audiences: NonNullable<CrosswalkConfig['audiences']>;
  checked?: { audience: AudienceId[]; stats: Stats; sections: AudienceSection[]; findings: number; errors: number };
  skipped?: { reason: string; canOptIn: boolean };
}

/** One file of Check All Drafts: its counts and diagnostics (at most the per-file problem limit), or why it was skipped. */
export type FileCheck =
  | { uri: string; findings: number; errors: number; warnings: number; diagnostics: Diagnostic[] }
  | { uri: string; skipped: string };

export type RewriteAnswer = { rewritten: RewriteResult } | { refused: string };
export type IgnoreAnswer = { edit: WorkspaceEdit; target: string; message: string } | { refused: string };
export type GlossaryAnswer = { edit: WorkspaceEdit; target: string; label: string } | { refused: string };

export function registerCrosswalkRequests(core: ServerCore): void {
  const { connection, documents } = core;
  const reportLinters = new Map<string, ReportLinters>();
  documents.onDidClose((event) => reportLinters.delete(event.document.uri));

  // Checks the draft as it is now if it is not yet; the `crosswalk/didCheck` notice goes out first.
  connection.onRequest('crosswalk/check', async ({ uri }: { uri: string }): Promise<boolean> => (await core.current(uri)) !== undefined);

  connection.onRequest('crosswalk/result', async ({ uri }: { uri: string }): Promise<LintResult | null> => (await core.current(uri)) ?? null);

  connection.onRequest('crosswalk/config', async ({ uri }: { uri: string }): Promise<{ audiences: NonNullable<CrosswalkConfig['audiences']> }> => {
    const config = await core.configFor(uri, await core.settingsFor(uri));
    return { audiences: config.options.config?.audiences ?? {} };
  });

  connection.onRequest('crosswalk/report', async ({ uri }: { uri: string }): Promise<AudienceReport | null> => {
    const document = documents.get(uri);
    if (!document) return null;
    const { options } = await core.configFor(uri, await core.settingsFor(uri));
    const text = document.getText();
    const own = (await core.current(uri))?.audience ?? lint(text, options).audience;
    let linters = reportLinters.get(uri);
    if (!linters) reportLinters.set(uri, (linters = new ReportLinters(Engine)));
    const name = splitUri(uri)?.path.split('/').pop() || uri;
    return buildReport(Engine, name, text, options, linters, own);
  });

  connection.onRequest('crosswalk/rewrite', async ({ uri, audience }: { uri: string; audience: AudienceId }): Promise<RewriteAnswer | null> => {
    const document = documents.get(uri);
    if (!document) return null;
    const { options } = await core.configFor(uri, await core.settingsFor(uri));
    try {
      return { rewritten: rewriteForAudience(document.getText(), audience, options) };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return { refused: error.message };
    }
  });

  // New Communication from Template: the chosen audience's interest sections (src/template-interests.ts lints the template).
  connection.onRequest('crosswalk/templateForAudience', ({ body, audience }: { body: string; audience: AudienceId }): string => templateForAudience(body, audience).body);

  connection.onRequest('crosswalk/glossaryEdit', async ({ uri, term, audience }: { uri: string; term: string; audience: string }): Promise<GlossaryAnswer> => {
    const config = await core.configFor(uri, await core.settingsFor(uri));
    const catalog = audiences(config.options.config);
    try {
      const edit = await glossaryEdit(config, term, audience, uri, core.actionContext());
      const touched = (edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c ? [c.textDocument.uri] : []));
      const target = touched.find((u) => !/\/\.crosswalk\.ya?ml$/.test(u)) ?? touched[0] ?? Object.keys(edit.changes ?? {})[0] ?? '';
      return { edit, target, label: catalog.label(audience) };
    } catch (error) {
      return { refused: (error as Error).message };
    }
  });

  // "Ignore here" from the extension: the edit of .crosswalk.yaml (src/server/actions.ts), and the message that says what it stores.
  connection.onRequest('crosswalk/ignoreEdit', async ({ uri, ruleId, start, end }: { uri: string; ruleId: string; start: number; end: number }): Promise<IgnoreAnswer> => {
    const result = await core.current(uri);
    const document = documents.get(uri);
    const finding = result?.findings.find((f) => f.ruleId === ruleId && f.range.start.offset === start && f.range.end.offset === end);
    if (!document || !finding) return { refused: 'the finding is no longer there.' };
    try {
      const config = await core.configFor(uri, await core.settingsFor(uri));
      const edit = await ignoreEdit(config, finding, document.getText(), uri, core.actionContext());
      const target = (edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c ? [c.textDocument.uri] : []))[0] ?? Object.keys(edit.changes ?? {})[0] ?? '';
      const entry = ignoreEntryFor(document.getText(), finding, core.relative(uri));
      return { edit, target, message: `Ignored ${describeIgnored(entry)}: saved under ignored: in {config}, so the CLI leaves it out too.` };
    } catch (error) {
      return { refused: (error as Error).message };
    }
  });

  /**
   * Review Glossary Additions: the team glossary entries added from the editor (marked by
   * src/core/glossary-additions.ts), in the glossaries of the draft's config (`uri`) or of each
   * workspace folder's, and the default `.crosswalk/glossary.yaml`; files inside a workspace folder only.
   */
  async function glossaryFiles(uri: string | undefined): Promise<string[]> {
    const out: string[] = [];
    const add = (candidate: string) => {
      if (core.folders().some((f) => isInside(candidate, f)) && !out.some((u) => sameUri(u, candidate))) out.push(candidate);
    };
    const starts = [...(uri ? [uri] : []), ...core.folders().map((f) => `${f.replace(/\/+$/, '')}/.crosswalk-review.md`)];
    for (const start of starts) {
      const config = await core.configFor(start, await core.settingsFor(start));
      for (const g of config.options.glossaries ?? []) add(joinUri(config.base, g.name));
    }
    for (const folder of core.folders()) add(`${folder.replace(/\/+$/, '')}/.crosswalk/glossary.yaml`);
    return out;
  }

  connection.onRequest('crosswalk/glossaryAdditions', async ({ uri }: { uri?: string }): Promise<{ uri: string; name: string; addition: GlossaryAddition }[]> => {
    const out: { uri: string; name: string; addition: GlossaryAddition }[] = [];
    for (const file of await glossaryFiles(uri)) {
      if (await core.linkOutside(file)) continue;
      const text = await core.readText(file);
      if (text === undefined) continue;
      for (const addition of glossaryAdditions(text)) out.push({ uri: file, name: core.relative(file), addition });
    }
    return out;
  });

  connection.onRequest('crosswalk/undoGlossaryAddition', async ({ uri, term }: { uri: string; term: string }): Promise<{ edit: WorkspaceEdit; message: string } | { refused: string }> => {
    if (!core.folders().some((f) => isInside(uri, f))) return { refused: `${core.relative(uri)} is outside the workspace folder; Crosswalk writes only inside it.` };
    const outside = await core.linkOutside(uri);
    if (outside) return { refused: outside };
    const old = await core.readText(uri);
    if (old === undefined) return { refused: `${core.relative(uri)} could not be read.` };
    try {
      const { text, removed } = undoGlossaryAddition(old, term);
      const name = core.relative(uri);
      const edit: WorkspaceEdit = { documentChanges: [{ textDocument: { uri, version: documents.get(uri)?.version ?? null }, edits: [minimalEdit(old, text)] }] };
      const message = removed.audiences
        ? `Undid the glossary addition for "${removed.term}" in ${name}: it is no longer marked known to ${removed.audiences.map((a) => audiences().label(a)).join(', ')} readers.`
        : `Undid the glossary addition for "${removed.term}": removed its entry from ${name}.`;
      return { edit, message };
    } catch (error) {
      return { refused: (error as Error).message };
    }
  });

  /** Check All Drafts: each file as the editor would check it, open or not, under the scope rules. */
  connection.onRequest('crosswalk/checkFiles', async ({ uris }: { uris: string[] }, token): Promise<FileCheck[]> => {
    const out: FileCheck[] = [];
    const linters = new Map<string, Linter>();
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      out.push(await checkFile(uri, linters));
    }
    return out;
  });

  async function checkFile(uri: string, linters: Map<string, Linter>): Promise<FileCheck> {
    const settings = await core.settingsFor(uri);
    if (!settings.enable) return { uri, skipped: 'crosswalk.enable is off' };
    const summary = (findings: LintResult['findings']): FileCheck => ({
      uri, findings: findings.length, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length,
      diagnostics: findings.slice(0, settings.maxNumberOfProblems).map(toDiagnostic),
    });
    const open = documents.get(uri);
    let text: string | undefined;
    if (open) text = open.getText();
    else {
      // A draft found through a link that leads out of the workspace folder is not read.
      const outside = await core.linkOutside(uri);
      if (outside) return { uri, skipped: outside };
      try {
        text = await core.host.readFile(uri);
      } catch (error) {
        return { uri, skipped: `it could not be read (${(error as Error).message})` };
      }
      if (text === undefined) return { uri, skipped: 'it could not be read' };
    }
    if (text.length > settings.maxFileSize) return { uri, skipped: 'over crosswalk.maxFileSize' };
    const config = await core.configFor(uri, settings);
    const verdict = await core.verdict(uri, text, config);
    if (!verdict.draft) return { uri, skipped: verdict.reason };
    if (open) {
      const result = await core.current(uri);
      return result ? summary(result.findings) : { uri, skipped: 'it changed while it was checked' };
    }
    let linter = linters.get(config.key);
    // Team glossaries compile in slices (src/core/glossary-compile.ts), once for every draft that uses them.
    if (!linter) linters.set(config.key, (linter = await createLinterAsync(config.options)));
    return summary(linter.lint(text).findings);
  }

  connection.onNotification('crosswalk/optIns', ({ uris, outs }: { uris: string[]; outs?: string[] }) => {
    core.optIns.clear();
    for (const uri of uris) core.optIns.add(uri);
    core.optOuts.clear();
    for (const uri of outs ?? []) core.optOuts.add(uri);
    core.recheckAll();
  });

  connection.onNotification('crosswalk/recheck', () => core.recheckAll());
}

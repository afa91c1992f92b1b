import {
  CodeActionKind, type ClientCapabilities, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  addGlossaryToConfigText, addIgnoredToConfigText, addKnownTermMarked, allowTermEdit, canIgnore, disableLineEdit, draftPathFromConfig,
  fixAllPlan, ignoreEntryFor, ignoreTitle, knownAudiencesOf, settleFixesAsync, unseenLinkMessage, type Finding, type LintResult, type SettleOptions, type TextEdit,
} from '../index';
import { TextDocument as Text } from 'vscode-languageserver-textdocument';
import { toDiagnostic, toLspRange } from './convert';
import type { DocumentConfig } from './server';
import { isInside, joinUri, normalizePath, splitUri } from './uri';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.crosswalk`;
const DEFAULT_GLOSSARY = '.crosswalk/glossary.yaml';

/**
 * What a listed action needs to compute its edit later (`codeAction/resolve`): a long draft's
 * light bulb answers at once, and only the action picked reads a glossary or rewrites front matter.
 */
export interface ActionData {
  uri: string;
  kind: 'fix' | 'allow' | 'glossary' | 'ignore' | 'disable' | 'fixRule' | 'fixAll';
  /** The finding, as `keyOf` spells it, so that the edit is made for the draft as it is at resolve time. */
  key?: string;
  fix?: number;
  ruleId?: string;
  term?: string;
  audience?: string;
  /** Fix-all asked for as `source.fixAll` (on save, say): safe fixes only. */
  unattended?: boolean;
}

export interface ActionContext {
  capabilities: ClientCapabilities;
  readText(uri: string): Promise<string | undefined>;
  documentVersion(uri: string): number | undefined;
  /** Where a file URI's symbolic links lead (ServerHost.realPath), when the host can tell. */
  realPath?(uri: string): Promise<string | undefined>;
  /** The symbolic link on a file URI's path where the host cannot follow links (ServerHost.linkOnPath), named for messages. */
  linkOnPath?(uri: string): Promise<string | undefined>;
  /**
   * The draft's check of another text (the fix-all passes, src/core/settle-fixes.ts), with the
   * draft's own linter and config.
   */
  check(uri: string, text: string): Promise<LintResult>;
}

const keyOf = (f: Finding) => `${f.ruleId}:${f.range.start.offset}:${f.range.end.offset}:${f.term ?? ''}`;
/** Whether a requested kind (`only`) covers an action's kind: `source` covers `source.fixAll.crosswalk`. */
const covers = (requested: string, kind: string) => kind === requested || kind.startsWith(`${requested}.`);

/** What the listing needs besides the draft: settings and the client's own commands. */
export interface ListOptions {
  /** `crosswalk.fixAll.includeRewording`: fix-all (and on save) also rewords. */
  includeRewording: boolean;
  /** An audience's label for titles ("IT" for `it`, a team audience's own label). */
  label(audience: string): string;
  /**
   * The client runs Crosswalk's own commands (the VS Code extension says so in
   * `experimental.crosswalk.commands`): "Add to team glossary" is then its command, which writes
   * and saves the files and says what it did; "Allow" tells what it changed. Other editors get
   * plain edits only.
   */
  clientCommands: boolean;
  /** A short name of the draft for messages ("docs/notice.md"). */
  name: string;
}

/** The first fix the engine's fix-all plan takes, its count and title (src/core/fix-all.ts): none when it would do nothing. */
function planOf(findings: readonly Finding[], includeRewording: boolean): { title: string; count: number } {
  const plan = fixAllPlan(findings, { includeRewording });
  return { title: plan.title, count: plan.fixes.length };
}

/** The actions for a range, without their edits (fix-all's titles come from its plan, so they say what it will do). */
export function actionsFor(document: TextDocument, result: LintResult, params: CodeActionParams, options: ListOptions): CodeAction[] {
  const uri = document.uri;
  const only = params.context.only;
  const fixable = result.findings.filter((f) => f.fixes.length);
  const actions: CodeAction[] = [];
  if (only?.some((k) => covers(k, FIX_ALL_KIND))) {
    // Unattended (on save): the title still says what it does, for the editor's log and menus.
    const plan = planOf(fixable, options.includeRewording);
    if (plan.count > 0) actions.push({ title: `Crosswalk: ${plan.title}`, kind: FIX_ALL_KIND, data: { uri, kind: 'fixAll', unattended: true } satisfies ActionData });
  }
  if (only && !only.some((k) => covers(k, CodeActionKind.QuickFix))) return actions;

  const text = document.getText();
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const findings = result.findings.filter((f) => f.range.start.offset <= end && start <= f.range.end.offset);
  for (const finding of findings) {
    const key = keyOf(finding);
    const own = toDiagnostic(finding);
    const diagnostic = params.context.diagnostics.find((d) => d.source === 'crosswalk' && String(d.code) === finding.ruleId && sameRange(d, own)) ?? own;
    const quickFix = (title: string, data: Omit<ActionData, 'uri' | 'key'>, isPreferred = false): CodeAction => ({
      title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...(isPreferred ? { isPreferred } : {}), data: { uri, key, ...data } satisfies ActionData,
    });
    finding.fixes.forEach((fix, i) => actions.push(quickFix(fix.title, { kind: 'fix', fix: i }, i === 0)));
    if (finding.term && (finding.ruleId === 'jargon' || finding.ruleId === 'undefined-acronym')) {
      const allow = quickFix(`Allow "${finding.term}" in this document`, { kind: 'allow', term: finding.term });
      try {
        allowTermEdit(text, finding.term);
        // Run after the edit: the writer is told what changed and where (no silent commands).
        if (options.clientCommands) allow.command = { title: allow.title, command: 'crosswalk.tell', arguments: [`Allowed "${finding.term}" in ${options.name}: added to its front matter allow list.`] };
      } catch (error) {
        // A front matter the writer will not touch: the action says why instead of vanishing.
        if (!isRefusal(error)) throw error;
        allow.disabled = { reason: (error as Error).message };
        delete allow.data;
      }
      actions.push(allow);
      for (const audience of finding.audience) {
        const title = `Add "${finding.term}" to the team glossary as known to ${options.label(audience)} readers`;
        if (options.clientCommands) {
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: 'crosswalk.addToGlossary', arguments: [uri, finding.term, audience] } });
        } else {
          actions.push(quickFix(title, { kind: 'glossary', term: finding.term, audience }));
        }
      }
    }
    // "Ignore here": an entry under `ignored:` in .crosswalk.yaml (src/core/ignored.ts), which the CLI honours too.
    if (canIgnore(finding) && splitUri(uri) !== undefined) {
      const title = ignoreTitle(finding.ruleId);
      if (options.clientCommands) {
        // The extension's command asks for the edit (crosswalk/ignoreEdit), applies it, saves the file and says what it stored.
        const args = [uri, finding.ruleId, finding.range.start.offset, finding.range.end.offset];
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: 'crosswalk.ignoreHere', arguments: args } });
      } else {
        actions.push(quickFix(title, { kind: 'ignore' }));
      }
    }
    // Listed only where the comment changes nothing else: never in front matter, nor inside a table
    // row's cells or a comment that runs on past the line (src/core/disable-line.ts). The edit itself is made at resolve time.
    if (disableLineEdit(text, finding.range.start.line - 1, finding.ruleId)) {
      actions.push(quickFix(`Disable ${finding.ruleId} for this line`, { kind: 'disable', ruleId: finding.ruleId }));
    }
  }
  for (const ruleId of [...new Set(findings.filter((f) => f.fixes.length).map((f) => f.ruleId))]) {
    const same = fixable.filter((f) => f.ruleId === ruleId);
    const plan = same.length > 1 ? planOf(same, options.includeRewording) : undefined;
    if (plan && plan.count > 0) {
      actions.push({ title: `${plan.title} in this document (${ruleId})`, kind: CodeActionKind.QuickFix, data: { uri, kind: 'fixRule', ruleId } satisfies ActionData });
    }
  }
  if (findings.some((f) => f.fixes.length) && fixable.length > 1) {
    const plan = planOf(fixable, options.includeRewording);
    if (plan.count > 0) actions.push({ title: `${plan.title} in this document (all Crosswalk fixes)`, kind: CodeActionKind.QuickFix, data: { uri, kind: 'fixAll' } satisfies ActionData });
  }
  return actions;
}

/** True for the engine's EditRefused: a writer that will not change a file it does not understand (src/core/yaml-edit.ts). */
export function isRefusal(error: unknown): error is Error {
  return error instanceof Error && error.name === 'EditRefused';
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}

/** The edit of one action, for the draft as it is now; undefined when its finding is gone. */
export async function buildAction(document: TextDocument, result: LintResult, config: DocumentConfig, data: ActionData, context: ActionContext): Promise<WorkspaceEdit | undefined> {
  const text = document.getText();
  const finding = data.key === undefined ? undefined : result.findings.find((f) => keyOf(f) === data.key);
  const onDraft = (edits: TextEdit[]) => documentEdit(document.uri, document.version, edits.map(toLspEdit), context);
  switch (data.kind) {
    case 'fix': {
      const fix = finding?.fixes[data.fix ?? 0];
      return fix ? onDraft(fix.edits) : undefined;
    }
    case 'allow':
      return finding?.term ? onDraft([allowTermEdit(text, finding.term)]) : undefined;
    case 'disable': {
      const edit = finding && disableLineEdit(text, finding.range.start.line - 1, finding.ruleId);
      return edit ? onDraft([edit]) : undefined;
    }
    case 'fixRule':
    case 'fixAll': {
      const ruleId = data.kind === 'fixRule' ? data.ruleId : undefined;
      return onDraft(await fixAllEdits(document.uri, text, result, context, { includeRewording: config.settings.includeRewording, ...(ruleId ? { select: (f: Finding) => f.ruleId === ruleId } : {}) }));
    }
    case 'glossary':
      return finding?.term && data.audience ? glossaryEdit(config, finding.term, data.audience, document.uri, context) : undefined;
    case 'ignore':
      return finding ? ignoreEdit(config, finding, text, document.uri, context) : undefined;
  }
}

/**
 * "Ignore here" as an edit of the `.crosswalk.yaml` in force, or of a new one in the workspace
 * folder: the entry names the draft relative to that file's folder. Nothing outside the folder
 * is written.
 */
export async function ignoreEdit(config: DocumentConfig, finding: Finding, text: string, draftUri: string, context: ActionContext): Promise<WorkspaceEdit> {
  const { loaded, base, folder } = config;
  const draftPath = splitUri(draftUri)?.path ?? '/';
  const folderPath = (folder && splitUri(folder)?.path.replace(/\/+$/, '')) ?? parentPath(draftPath);
  const configPath = loaded.path ?? `${folderPath}/.crosswalk.yaml`;
  const target = joinUri(base, normalizePath(configPath));
  const root = folder ?? joinUri(base, parentPath(draftPath) || '/');
  if (!isInside(target, root)) throw new Error(`${configPath} is outside the workspace folder; Crosswalk writes only inside it.`);
  // A .crosswalk.yaml refused as a link is not the config in force, so it is the one this would
  // write: never through the link (a failed read is not an empty file to add to).
  await refuseLinks([target], root, base, context);
  const file = draftPathFromConfig(draftPath, configPath);
  if (file === undefined) throw new Error(`the draft is not inside the folder of ${configPath}, where ignored findings are kept.`);
  const old = await context.readText(target);
  const next = addIgnoredToConfigText(old ?? '', ignoreEntryFor(text, finding, file));
  return filesEdit([{ uri: target, old, next }], context);
}

/**
 * Fix-all's edits, chosen by the engine (src/core/fix-all.ts `fixAllPlan`): the fixes it may apply
 * unattended (safe ones and first-use spell-outs; rewording only when
 * `crosswalk.fixAll.includeRewording` opts in), one per finding, that can apply together, pass
 * after pass until nothing is left (src/core/settle-fixes.ts): fix-all on its own output changes
 * nothing more. The same plan on save and from the menu: its title says what its first pass does.
 */
export async function fixAllEdits(uri: string, text: string, first: LintResult, context: ActionContext, options: SettleOptions = {}): Promise<TextEdit[]> {
  const settled = await settleFixesAsync(text, (next) => context.check(uri, next), first, options);
  return settled.edits;
}

function toLspEdit(edit: TextEdit): LspTextEdit {
  return { range: toLspRange(edit.range), newText: edit.newText };
}

/** Edits of one file: versioned where the client takes document changes, so a stale edit is refused. */
function documentEdit(uri: string, version: number | null, edits: LspTextEdit[], context: ActionContext): WorkspaceEdit {
  if (context.capabilities.workspace?.workspaceEdit?.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

/**
 * Marks a term as known to an audience in the team glossary, as an edit (never a client-side
 * command, which other editors would silently ignore): the first glossary `.crosswalk.yaml` names,
 * else the first in the `crosswalk.glossaries` setting, else `.crosswalk/glossary.yaml` in the
 * workspace folder, created and added to `.crosswalk.yaml` so that the CLI in CI reads it too.
 */
export async function glossaryEdit(config: DocumentConfig, term: string, audience: string, draftUri: string, context: ActionContext): Promise<WorkspaceEdit> {
  const { loaded, base, folder, settings } = config;
  const folderPath = (folder && splitUri(folder)?.path.replace(/\/+$/, '')) ?? parentPath(loaded.path ?? splitUri(draftUri)?.path ?? '/');
  const configDir = loaded.path ? parentPath(loaded.path) : folderPath;
  const resolve = (dir: string, name: string) => joinUri(base, normalizePath(name.startsWith('/') ? name : `${dir}/${name}`));
  let target: string;
  let addToConfig = false;
  if (loaded.config.glossaries?.length) target = resolve(configDir, loaded.config.glossaries[0]);
  else if (settings.config.glossaries?.length) target = resolve(folderPath, settings.config.glossaries[0]);
  else {
    target = resolve(configDir, DEFAULT_GLOSSARY);
    addToConfig = true;
  }
  // Nothing outside the workspace folder (or, with none, the draft's folder) is written, whatever a config names.
  const root = folder ?? joinUri(base, parentPath(splitUri(draftUri)?.path ?? '/') || '/');
  if (!isInside(target, root)) throw new Error(`the team glossary ${splitUri(target)?.path ?? target} is outside the workspace folder; Crosswalk writes only inside it.`);
  // Nor through a link that leads out of it (team.yaml -> ~/.ssh/authorized_keys).
  await refuseLinks([target, ...(addToConfig ? [loaded.path ? joinUri(base, loaded.path) : resolve(folderPath, '.crosswalk.yaml')] : [])], root, base, context);
  const files: { uri: string; old: string | undefined; next: string }[] = [];
  const old = await context.readText(target);
  // The built-in audiences of the term stay in the override's list (src/core/edits.ts).
  files.push({ uri: target, old, next: addKnownTermMarked(old ?? '', term, audience, knownAudiencesOf(term)) });
  if (addToConfig) {
    const configUri = loaded.path ? joinUri(base, loaded.path) : resolve(folderPath, '.crosswalk.yaml');
    const configText = await context.readText(configUri);
    if (!configText?.includes(DEFAULT_GLOSSARY)) files.push({ uri: configUri, old: configText, next: addGlossaryToConfigText(configText ?? '', DEFAULT_GLOSSARY) });
  }
  return filesEdit(files, context);
}

/**
 * Refuses (throws) when a file to be written is reached through a symbolic link: in the browser,
 * any link below the workspace folder (the host cannot tell where it leads); on Node, one whose
 * real path is outside `root`.
 */
async function refuseLinks(uris: string[], root: string, base: string, context: ActionContext): Promise<void> {
  for (const uri of uris) {
    const link = await context.linkOnPath?.(uri);
    if (link !== undefined) throw new Error(unseenLinkMessage(splitUri(uri)?.path ?? uri, link));
    const real = await context.realPath?.(uri);
    const realRoot = real !== undefined ? await context.realPath?.(root) : undefined;
    if (real !== undefined && realRoot !== undefined && !isInside(joinUri(base, real), joinUri(base, realRoot))) {
      throw new Error(`${splitUri(uri)?.path ?? uri} is a symbolic link to ${real}, outside the workspace folder; Crosswalk writes only inside it.`);
    }
  }
}

/** Changes of whole files as one WorkspaceEdit: created where missing (when the client can), versioned where it takes document changes. */
function filesEdit(files: { uri: string; old: string | undefined; next: string }[], context: ActionContext): WorkspaceEdit {
  const creates = files.some((f) => f.old === undefined);
  const canCreate = context.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') ?? false;
  if (creates && !(canCreate && context.capabilities.workspace?.workspaceEdit?.documentChanges)) {
    const missing = files.filter((f) => f.old === undefined).map((f) => splitUri(f.uri)?.path ?? f.uri);
    throw new Error(`this editor cannot create files through an edit: create ${missing.join(' and ')} (it may be empty) and try again.`);
  }
  if (!creates && !context.capabilities.workspace?.workspaceEdit?.documentChanges) {
    return { changes: Object.fromEntries(files.map((f) => [f.uri, [minimalEdit(f.old ?? '', f.next)]])) };
  }
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const f of files) {
    if (f.old === undefined) documentChanges.push({ kind: 'create', uri: f.uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: f.uri, version: context.documentVersion(f.uri) ?? null }, edits: [minimalEdit(f.old ?? '', f.next)] });
  }
  return { documentChanges };
}

/** One edit that turns `old` into `next`, touching only the part between their common prefix and suffix. */
export function minimalEdit(old: string, next: string): LspTextEdit {
  let start = 0;
  while (start < old.length && start < next.length && old[start] === next[start]) start++;
  // Never split a surrogate pair: positions count UTF-16 code units.
  if (start > 0 && isHighSurrogate(old.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < old.length - start && end < next.length - start && old[old.length - 1 - end] === next[next.length - 1 - end]) end++;
  if (end > 0 && isHighSurrogate(old.charCodeAt(old.length - end - 1))) end--;
  const text = Text.create('file:///old', 'yaml', 0, old);
  return { range: { start: text.positionAt(start), end: text.positionAt(old.length - end) }, newText: next.slice(start, next.length - end) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '' : path.slice(0, i);
}

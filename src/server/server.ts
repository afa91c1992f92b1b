import {
  CodeActionKind, DiagnosticSeverity, DidChangeWatchedFilesNotification, MarkupKind, TextDocuments, TextDocumentSyncKind,
  type ClientCapabilities, type CodeAction, type CodeActionParams, type Connection, type Diagnostic, type Hover,
  type HoverParams, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  audiences, createLinter, discoverConfig, isInside as isInsidePath, markdownToPlainText, mergeConfig, readabilityHoverMarkdown, resolvePath, termHoverMarkdown,
  type Finding, type Linter, type LintOptions, type LintResult, type LoadedConfig, type Range as CoreRange,
} from '../index';
import { buildAction, actionsFor, FIX_ALL_KIND, type ActionData, type ActionContext } from './actions';
import { toDiagnostic, toLspRange } from './convert';
import { readSettings, type ServerSettings } from './settings';
import { isInside, joinUri, sameUri, splitUri, dirnameUri } from './uri';

/** What differs between Node and a web worker: how a file outside the editor's buffers is read. */
export interface ServerHost {
  /** The file's text, or undefined when it does not exist or cannot be read from here. */
  readFile(uri: string): Promise<string | undefined>;
}

/** A draft longer than this is checked in slices, so that a newer version can cancel the check. */
const SLICED_CHECK_CHARS = 20_000;
/** Without file watchers in the client, config files found are trusted this long before being read again. */
const UNWATCHED_CONFIG_MS = 5_000;

/**
 * Markdown drafts. Emacs without markdown-mode sends `text`, and some clients `plaintext`: those
 * count when the file's name says Markdown.
 */
export function isDraft(document: TextDocument): boolean {
  if (document.languageId === 'markdown') return true;
  return (document.languageId === 'text' || document.languageId === 'plaintext') && /\.(md|markdown)$/i.test(splitUri(document.uri)?.path ?? document.uri);
}

interface DocumentState {
  linter?: Linter;
  configKey?: string;
  result?: LintResult;
  version?: number;
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped by every check so that a slow one cannot publish stale findings. */
  generation: number;
  /** Set when a newer version arrives: a sliced check under way stops. */
  abort?: { aborted: boolean };
  inflight?: Promise<LintResult | undefined>;
  settings?: ServerSettings;
  config?: DocumentConfig;
}

export interface DocumentConfig {
  options: LintOptions;
  loaded: LoadedConfig;
  /** URI bases and folders, for the edits of "Add to team glossary". */
  base: string;
  folder?: string;
  settings: ServerSettings;
  key: string;
}

/**
 * Crosswalk's language server, the same for Node (src/server/node.ts) and a web worker
 * (src/server/browser.ts): diagnostics as you type, hovers, and code actions whose edits are
 * plain WorkspaceEdits, resolved lazily.
 */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  let capabilities: ClientCapabilities = {};
  let initOptions: unknown;
  let pushedSettings: unknown;
  let folders: string[] = [];
  let watched = false;
  /** Config found per folder: the found text and when it was read. */
  const foundConfigs = new Map<string, { at: number; found: Promise<{ loaded: LoadedConfig; glossaries: { name: string; text: string }[] }> }>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  /** For each config file, the files its last check reported problems on. */
  const configProblemFiles = new Map<string, string[]>();

  const supportsConfiguration = () => capabilities.workspace?.configuration === true;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    initOptions = params.initializationOptions;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'crosswalk', version: typeof CROSSWALK_VERSION === 'string' ? CROSSWALK_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      watched = true;
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.crosswalk.{yaml,yml}' }, { globPattern: '**/*.{yaml,yml}' }],
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders = folders.filter((f) => !event.removed.some((r) => sameUri(r.uri, f))).concat(event.added.map((a) => a.uri));
        recheckAll();
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    pushedSettings = change.settings;
    recheckAll();
  });
  connection.onDidChangeWatchedFiles(() => recheckAll());

  /** The workspace folder that holds the URI: the innermost one, for nested folders. */
  function folderOf(uri: string): string | undefined {
    return folders.filter((f) => isInside(uri, f)).sort((a, b) => b.length - a.length)[0];
  }

  function settingsFor(uri: string): Promise<ServerSettings> {
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = (async () => {
        let fromClient: unknown;
        if (supportsConfiguration()) {
          try {
            fromClient = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'crosswalk' });
          } catch {
            fromClient = undefined;
          }
        }
        return readSettings(initOptions, pushedSettings, fromClient);
      })();
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  /** An open buffer wins over the file on disk, so unsaved config and glossary edits count. */
  async function readText(uri: string): Promise<string | undefined> {
    const open = documents.get(uri) ?? documents.all().find((d) => sameUri(d.uri, uri));
    if (open) return open.getText();
    try {
      return await host.readFile(uri);
    } catch {
      return undefined;
    }
  }

  async function configFor(document: TextDocument, settings: ServerSettings): Promise<DocumentConfig> {
    const folder = folderOf(document.uri);
    const split = splitUri(document.uri);
    const base = split?.base ?? '';
    const dir = split ? splitUri(dirnameUri(document.uri))?.path : undefined;
    const cacheKey = `${base}|${dir ?? ''}|${folder ?? ''}|${JSON.stringify(settings.config.glossaries)}`;
    let entry = foundConfigs.get(cacheKey);
    if (entry && !watched && Date.now() - entry.at > UNWATCHED_CONFIG_MS) entry = undefined;
    if (!entry) {
      const found = (async () => {
        let loaded: LoadedConfig = { config: {}, problems: [], glossaries: [] };
        const stop = folder ? splitUri(folder)?.path.replace(/\/+$/, '') : undefined;
        if (dir !== undefined) {
          loaded = await discoverConfig(dir, (path) => {
            // Search no higher than the workspace folder: a config elsewhere on disk is not this project's.
            if (stop !== undefined && stop !== '' && !isInsidePath(path, stop)) return Promise.resolve(undefined);
            return readText(joinUri(base, path));
          }, undefined, stop ? { root: stop } : {});
        }
        const glossaries = [...loaded.glossaries];
        for (const name of settings.config.glossaries ?? []) {
          // Only inside the workspace folder (src/core/paths.ts): `../outside/file` is not read.
          if (!folder || !isInsidePath(resolvePath(stop ?? '/', name), stop ?? '/')) continue;
          const uri = joinUri(base, resolvePath(stop ?? '/', name));
          const text = await readText(uri);
          if (text !== undefined) glossaries.push({ name: splitUri(uri)?.path ?? name, text });
        }
        return { loaded, glossaries };
      })();
      entry = { at: Date.now(), found };
      foundConfigs.set(cacheKey, entry);
      found.catch(() => foundConfigs.delete(cacheKey));
    }
    const { loaded, glossaries } = await entry.found;
    const config = mergeConfig(settings.config, loaded.config);
    const options: LintOptions = { audience: settings.defaultAudience, config, glossaries, path: split?.path };
    return { options, loaded, base, folder, settings, key: JSON.stringify([options.audience, options.config, glossaries.map((g) => g.text)]) };
  }

  function state(uri: string): DocumentState {
    let s = states.get(uri);
    if (!s) {
      s = { generation: 0 };
      states.set(uri, s);
    }
    return s;
  }

  function schedule(document: TextDocument): void {
    if (!isDraft(document)) return;
    const s = state(document.uri);
    if (s.abort) s.abort.aborted = true;
    if (s.timer) clearTimeout(s.timer);
    const settings = s.settings ?? readSettings(initOptions, pushedSettings);
    // With `run: onSave`, an edit waits for the save (a hover or code action still checks what is there).
    if (s.result !== undefined && settings.run === 'onSave') return;
    // The first check of a draft is at once; later ones after the typing delay.
    const delay = s.result === undefined ? 0 : settings.delay;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void check(document.uri);
    }, delay);
  }

  function check(uri: string): Promise<LintResult | undefined> {
    const s = state(uri);
    const run = runCheck(uri, s).catch((error: unknown) => {
      if ((error as Error)?.name !== 'AbortError') connection.console.error(`Crosswalk could not check ${uri}: ${(error as Error)?.stack ?? String(error)}`);
      return undefined;
    });
    s.inflight = run;
    void run.finally(() => {
      if (s.inflight === run) s.inflight = undefined;
    });
    return run;
  }

  async function runCheck(uri: string, s: DocumentState): Promise<LintResult | undefined> {
    const generation = ++s.generation;
    if (s.abort) s.abort.aborted = true;
    const abort = { aborted: false };
    s.abort = abort;
    const stale = () => generation !== s.generation || states.get(uri) !== s || !documents.get(uri);
    const document = documents.get(uri);
    if (!document || !isDraft(document)) return undefined;
    const settings = await settingsFor(uri);
    s.settings = settings;
    if (stale()) return undefined;
    if (!settings.enable) {
      s.result = undefined;
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return undefined;
    }
    if (document.getText().length > settings.maxFileSize) {
      // Never half-checked in silence: say so where the writer looks.
      const size = document.getText().length;
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'crosswalk',
        message: `Crosswalk skipped this draft: it is ${Math.round(size / 1000)} KB, over the crosswalk.maxFileSize setting (${Math.round(settings.maxFileSize / 1000)} KB).`,
      }] });
      return undefined;
    }
    let config: DocumentConfig;
    try {
      config = await configFor(document, settings);
    } catch (error) {
      tell(connection.window.showWarningMessage(`Crosswalk could not read its configuration: ${(error as Error).message}`));
      config = { options: { audience: settings.defaultAudience, config: settings.config }, loaded: { config: {}, problems: [], glossaries: [] }, base: '', settings, key: 'fallback' };
    }
    if (stale()) return undefined;
    s.config = config;
    publishConfigProblems(config);
    if (!s.linter || s.configKey !== config.key) {
      s.linter = createLinter(config.options);
      s.configKey = config.key;
    }
    // The text as it is now, after the config was read: the version it belongs to is this one.
    const current = documents.get(uri);
    if (!current) return undefined;
    const version = current.version;
    const text = current.getText();
    const result = text.length > SLICED_CHECK_CHARS ? await s.linter.lintAsync(text, abort) : s.linter.lint(text);
    if (stale() || documents.get(uri)?.version !== version) return undefined;
    s.result = result;
    s.version = version;
    void connection.sendDiagnostics({ uri, version, diagnostics: limitDiagnostics(result.findings, settings.maxNumberOfProblems) });
    return result;
  }

  function limitDiagnostics(findings: Finding[], max: number): Diagnostic[] {
    const diagnostics = findings.slice(0, max).map(toDiagnostic);
    if (findings.length > max) {
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'crosswalk',
        message: `Crosswalk shows the first ${max} of ${findings.length} problems in this draft (setting crosswalk.maxNumberOfProblems).`,
      });
    }
    return diagnostics;
  }

  /** Problems of a config file and its glossaries replace those it reported before. */
  function publishConfigProblems(config: DocumentConfig): void {
    const { loaded, base } = config;
    if (!loaded.path) return;
    const configUri = joinUri(base, loaded.path);
    const now = loaded.problems.map((p) => joinUri(base, p.path));
    for (const uri of configProblemFiles.get(configUri) ?? []) {
      if (!now.includes(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    for (const problem of loaded.problems) void connection.sendDiagnostics({ uri: joinUri(base, problem.path), diagnostics: problem.findings.map(toDiagnostic) });
    configProblemFiles.set(configUri, now);
  }

  /** The findings for the draft as it is now, waiting for a check under way or starting one. */
  async function current(uri: string): Promise<LintResult | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const document = documents.get(uri);
      if (!document || !isDraft(document)) return undefined;
      const s = state(uri);
      if (s.result && s.version === document.version) return s.result;
      if (s.timer) {
        clearTimeout(s.timer);
        s.timer = undefined;
      }
      const next = s.inflight ? await s.inflight : await check(uri);
      if (next && s.version === documents.get(uri)?.version) return next;
      if (s.settings && !s.settings.enable) return undefined;
    }
    return undefined;
  }

  function recheckAll(): void {
    foundConfigs.clear();
    settingsCache.clear();
    for (const [uri, s] of states) {
      s.configKey = undefined;
      if (documents.get(uri)) void check(uri);
    }
  }

  documents.onDidChangeContent((event) => schedule(event.document));
  documents.onDidSave((event) => {
    if (isDraft(event.document)) {
      if (states.get(event.document.uri)?.settings?.run === 'onSave') void check(event.document.uri);
      return;
    }
    // A saved config or glossary (when the client syncs YAML files too) is read again.
    recheckAll();
  });
  documents.onDidClose((event) => {
    const s = states.get(event.document.uri);
    if (s?.timer) clearTimeout(s.timer);
    if (s?.abort) s.abort.aborted = true;
    states.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    const result = document && (await current(params.textDocument.uri));
    if (!document || !result) return null;
    const offset = document.offsetAt(params.position);
    const at = (range: CoreRange) => range.start.offset <= offset && offset <= range.end.offset;
    const parts: string[] = [];
    let range: CoreRange | undefined;
    // The draft's config may add team audiences: "Known to: IT, Pharmacy".
    const known = states.get(params.textDocument.uri)?.linter?.audiences ?? audiences();
    const term = result.terms.find((t) => at(t.range));
    if (term) {
      range = term.range;
      parts.push(termHoverMarkdown(term, known));
    }
    const hard = result.findings.find((f) => f.ruleId === 'readability' && at(f.range));
    const hardText = hard && readabilityHoverMarkdown(hard, known);
    if (hard && hardText) {
      range ??= hard.range;
      parts.push(hardText);
    }
    if (!parts.length || !range) return null;
    const markdown = capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? true;
    const value = parts.join('\n\n---\n\n');
    return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: markdown ? value : markdownToPlainText(value) }, range: toLspRange(range) };
  });

  const actionContext = (): ActionContext => ({
    capabilities,
    readText,
    documentVersion: (uri) => documents.get(uri)?.version,
  });

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    const result = document && (await current(params.textDocument.uri));
    const s = states.get(params.textDocument.uri);
    if (!document || !result || !s?.config) return [];
    const actions = actionsFor(document, result, params, { includeRewording: s.config.settings.includeRewording });
    // Clients that cannot resolve get every edit at once.
    const resolves = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    if (resolves) return actions;
    const resolved = await Promise.all(actions.map((action) => resolveAction(action, true)));
    return resolved.filter((action) => action.edit !== undefined);
  });

  /** `quiet`: resolving the whole list for a client without resolve support, where an action that cannot be made is simply not offered. */
  async function resolveAction(action: CodeAction, quiet = false): Promise<CodeAction> {
    const data = action.data as ActionData | undefined;
    if (!data || action.edit) return action;
    const document = documents.get(data.uri);
    const result = document && (await current(data.uri));
    const config = states.get(data.uri)?.config;
    if (!document || !result || !config) return action;
    try {
      const edit = await buildAction(document, result, config, data, actionContext());
      if (edit) action.edit = edit;
    } catch (error) {
      if (!quiet) tell(connection.window.showErrorMessage(`Crosswalk: ${(error as Error).message}`));
    }
    return action;
  }

  connection.onCodeActionResolve((action) => resolveAction(action));

  documents.listen(connection);
  connection.listen();
}

/** A message to the user is a request the client may never answer (or drop as it exits): never an unhandled rejection. */
function tell(shown: unknown): void {
  // The typings say void for a message without actions; vscode-languageserver 9 sends a request all the same.
  if (shown instanceof Promise) shown.catch(() => undefined);
}

declare const CROSSWALK_VERSION: string | undefined;

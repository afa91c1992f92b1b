import {
  CodeActionKind, DiagnosticSeverity, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind, MarkupKind, TextDocuments, TextDocumentSyncKind,
  type ClientCapabilities, type CodeAction, type CodeActionParams, type Connection, type Diagnostic, type DocumentDiagnosticReport, type Hover,
  type HoverParams, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  audiences, checkConfig, checkGlossaryAsync, createLinterAsync, discoverConfig, hoverAt, isInside as isInsidePath, markdownToPlainText, mergeConfig, resolvePath, settingRange,
  unseenLinkMessage,
  type Finding, type Linter, type LintOptions, type LintResult, type LoadedConfig,
} from '../index';
import { buildAction, actionsFor, FIX_ALL_KIND, type ActionData, type ActionContext } from './actions';
import { toDiagnostic, toLspRange } from './convert';
import { registerCrosswalkRequests, type CheckedNotice } from './requests';
import { createIgnoreFiles } from './ignore-files';
import { draftVerdict, settingsFilePatterns, settingsPatternMessage } from './scope';
import { carriedOver } from './stale';
import { readSettings, type ServerSettings } from './settings';
import { isInside, joinUri, sameUri, splitUri, dirnameUri } from './uri';

/** What differs between Node and a web worker: how a file outside the editor's buffers is read. */
export interface ServerHost {
  /** The file's text, or undefined when it does not exist or cannot be read from here. */
  readFile(uri: string): Promise<string | undefined>;
  /**
   * The path (a URI's decoded path, as splitUri gives it) that a file's symbolic links lead to,
   * when the host can tell (Node: src/node/real-path.ts); reads and writes are fenced by it.
   */
  realPath?(uri: string): Promise<string | undefined>;
  /**
   * For a host that cannot resolve links but can see them (the browser: the client stats each
   * part of the path, src/extension/symbolic-links.ts): the first symbolic link on a file's path
   * below its workspace folder, as a URI's decoded path. A file reached through one is neither
   * read nor written.
   */
  linkOnPath?(uri: string): Promise<string | undefined>;
}

/** A draft longer than this is checked in slices, so that a newer version can cancel the check. */
const SLICED_CHECK_CHARS = 20_000;
/** Without file watchers in the client, config files found are trusted this long before being read again. */
const UNWATCHED_CONFIG_MS = 5_000;

/** `.crosswalk.yaml` (or `.yml`): checked as it is typed, when the client syncs it. */
export function isConfigUri(uri: string): boolean {
  return /(^|\/)\.crosswalk\.ya?ml$/.test(splitUri(uri)?.path ?? uri);
}

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
  /** Why this version was not checked (not a draft, too large, Crosswalk off), for the client's status item. */
  skipped?: { version: number; reason: string; canOptIn: boolean };
  /** The diagnostics of the last check, for a client that pulls them (`textDocument/diagnostic`). */
  diagnostics?: Diagnostic[];
  /** The text the last result belongs to, and that result carried over to a newer version (src/server/stale.ts). */
  text?: string;
  carried?: { version: number; result: LintResult | undefined };
  /** How long the last check took (ms), for the typing delay of a long draft. */
  lastCheckMs?: number;
  /**
   * The check of the text fix-all's last pass ended on (src/core/settle-fixes.ts): once its edits
   * are applied, the draft's own check is this one, not a second check of the same text.
   */
  foreseen?: { text: string; configKey?: string; result: LintResult };
}

export interface DocumentConfig {
  options: LintOptions;
  loaded: LoadedConfig;
  /** URI bases and folders, for the edits of "Add to team glossary". */
  base: string;
  folder?: string;
  settings: ServerSettings;
  /** The `crosswalk.files` patterns that can be used (src/server/scope.ts `settingsFilePatterns`). */
  settingsFiles?: string[];
  key: string;
}

/** What the Crosswalk-specific requests (src/server/requests.ts) need of the running server. */
export interface ServerCore {
  connection: Connection;
  host: ServerHost;
  documents: TextDocuments<TextDocument>;
  settingsFor(uri: string): Promise<ServerSettings>;
  configFor(uri: string, settings: ServerSettings): Promise<DocumentConfig>;
  current(uri: string): Promise<LintResult | undefined>;
  /** Whether a file is a draft by the scope rules (src/server/scope.ts). */
  verdict(uri: string, text: string, config: DocumentConfig): Promise<ReturnType<typeof draftVerdict>>;
  readText(uri: string): Promise<string | undefined>;
  actionContext(): ActionContext;
  optIns: Set<string>;
  optOuts: Set<string>;
  recheckAll(): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** A short name for messages: the path below the workspace folder. */
  relative(uri: string): string;
  /** The workspace folders, as URIs. */
  folders(): readonly string[];
  /**
   * Where a file's symbolic links lead when that is outside its workspace folder (a message naming
   * it), else undefined; undefined too where the host cannot tell (a browser).
   */
  linkOutside(uri: string): Promise<string | undefined>;
}

/**
 * Crosswalk's language server, the same for Node (src/server/node.ts) and a web worker
 * (src/server/browser.ts): diagnostics as you type, hovers, and code actions whose edits are
 * plain WorkspaceEdits, resolved lazily.
 */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const realPathOf = host.realPath ? (uri: string) => host.realPath?.(uri) ?? Promise.resolve(undefined) : undefined;
  const states = new Map<string, DocumentState>();
  let capabilities: ClientCapabilities = {};
  let initOptions: unknown;
  let pushedSettings: unknown;
  let folders: string[] = [];
  let watched = false;
  /** Config found per folder: the found text and when it was read. */
  const foundConfigs = new Map<string, { at: number; found: Promise<{ loaded: LoadedConfig; glossaries: { name: string; text: string }[]; settingsFiles: string[] }> }>();
  /** Settings problems told in a notification (no line of the workspace's settings.json to carry them): once each. */
  const toldSettingsProblems = new Set<string>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  /** For each config file, the files its last check reported problems on. */
  const configProblemFiles = new Map<string, string[]>();
  /** Files the writer asked to check ("Check this file"), from the VS Code extension (`crosswalk/optIns`). */
  const optIns = new Set<string>();
  /** Files the writer asked not to check ("Stop Checking This File"), from the same notification. */
  const optOuts = new Set<string>();
  /** .gitignore and .crosswalkignore, as the CLI reads them (src/server/ignore-files.ts). */
  const ignoreFiles = createIgnoreFiles(readText, folderOf, relative);
  /** The VS Code extension, which runs Crosswalk's own commands and listens to `crosswalk/*` notifications. */
  let crosswalkClient = false;
  /** ... and has the extension's commands (the desktop one: `crosswalk.addToGlossary` writes, saves and tells). */
  let clientCommands = false;
  /** The client pulls diagnostics (`textDocument/diagnostic`): none are pushed for drafts then. */
  let pull = false;
  let configTimer: ReturnType<typeof setTimeout> | undefined;

  const supportsConfiguration = () => capabilities.workspace?.configuration === true;

  /** Diagnostics to the client; a connection closed meanwhile (the editor quit) is no error. */
  function publish(params: Parameters<Connection['sendDiagnostics']>[0]): void {
    connection.sendDiagnostics(params).catch(() => undefined);
  }

  /** The output the writer reads to learn why a term was or was not flagged: the extension's "Crosswalk" channel, else the client's log. */
  function log(level: 'info' | 'warn' | 'error', message: string): void {
    if (crosswalkClient) connection.sendNotification('crosswalk/log', { level, message }).catch(() => undefined);
    else if (level === 'info') connection.console.info(message);
    else if (level === 'warn') connection.console.warn(message);
    else connection.console.error(message);
  }

  /** The symbolic link on a file's path where the host sees links but cannot follow them, named below the workspace folder. */
  async function unseenLink(uri: string): Promise<string | undefined> {
    const link = await host.linkOnPath?.(uri);
    return link === undefined ? undefined : relative(joinUri(splitUri(uri)?.base ?? '', link));
  }

  async function linkOutside(uri: string): Promise<string | undefined> {
    const link = await unseenLink(uri);
    if (link !== undefined) return unseenLinkMessage(relative(uri), link);
    const folder = folderOf(uri);
    const real = folder && (await realPathOf?.(uri));
    const realFolder = folder && real !== undefined ? await realPathOf?.(folder) : undefined;
    if (real === undefined || realFolder === undefined || isInsidePath(real, realFolder)) return undefined;
    return `${relative(uri)} leads through a symbolic link to ${real}, outside the workspace folder; Crosswalk reads and writes no file outside it.`;
  }

  function relative(uri: string): string {
    const folder = folderOf(uri);
    const path = splitUri(uri)?.path ?? uri;
    const root = folder ? splitUri(folder)?.path.replace(/\/+$/, '') : undefined;
    return root !== undefined && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    initOptions = params.initializationOptions;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    const experimental = params.capabilities?.experimental as { crosswalk?: { commands?: boolean; optIns?: unknown; optOuts?: unknown } } | undefined;
    crosswalkClient = experimental?.crosswalk !== undefined;
    clientCommands = experimental?.crosswalk?.commands === true;
    for (const uri of Array.isArray(experimental?.crosswalk?.optIns) ? experimental.crosswalk.optIns : []) if (typeof uri === 'string') optIns.add(uri);
    for (const uri of Array.isArray(experimental?.crosswalk?.optOuts) ? experimental.crosswalk.optOuts : []) if (typeof uri === 'string') optOuts.add(uri);
    pull = capabilities.textDocument?.diagnostic !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pull ? { diagnosticProvider: { identifier: 'crosswalk', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
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
        watchers: [{ globPattern: '**/.crosswalk.{yaml,yml}' }, { globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/{.gitignore,.crosswalkignore}' }],
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

  async function configFor(uri: string, settings: ServerSettings): Promise<DocumentConfig> {
    const folder = folderOf(uri);
    const split = splitUri(uri);
    const base = split?.base ?? (folder ? splitUri(folder)?.base ?? '' : '');
    // An untitled draft takes the config of its workspace folder.
    const dir = split ? splitUri(dirnameUri(uri))?.path : folder ? splitUri(folder)?.path : undefined;
    const cacheKey = `${base}|${dir ?? ''}|${folder ?? ''}|${JSON.stringify(settings.config.glossaries)}|${JSON.stringify(settings.files)}`;
    let entry = foundConfigs.get(cacheKey);
    if (entry && !watched && Date.now() - entry.at > UNWATCHED_CONFIG_MS) entry = undefined;
    if (!entry) {
      const found = (async () => {
        let loaded: LoadedConfig = { config: {}, problems: [], glossaries: [] };
        const stop = folder ? splitUri(folder)?.path.replace(/\/+$/, '') : undefined;
        if (dir !== undefined) {
          // Team glossaries are checked in slices (src/core/glossary-check.ts): a 100,000-term one does not hold up the server.
          loaded = await discoverConfig(dir, (path) => {
            // Search no higher than the workspace folder: a config elsewhere on disk is not this project's.
            if (stop !== undefined && stop !== '' && !isInsidePath(path, stop)) return Promise.resolve(undefined);
            return readText(joinUri(base, path));
          }, undefined, { slicing: {}, ...(stop ? { root: stop } : {}), ...(realPathOf ? { realPath: (path: string) => realPathOf(joinUri(base, path)) } : {}), ...(host.linkOnPath ? { linkOnPath: (path: string) => unseenLink(joinUri(base, path)) } : {}) });
        }
        const glossaries = [...loaded.glossaries];
        const refused: { name: string; message: string; key?: string }[] = [];
        // crosswalk.files: a pattern that cannot be used is reported, the others still apply (src/server/scope.ts).
        const filePatterns = settingsFilePatterns(settings.files, stop);
        for (const problem of filePatterns.problems) refused.push({ key: 'crosswalk.files', name: problem.pattern, message: settingsPatternMessage(problem, filePatterns.usable.length) });
        for (const name of settings.config.glossaries ?? []) {
          // Only inside the workspace folder (src/core/paths.ts): `../outside/file` is not read.
          const path = resolvePath(stop ?? '/', name);
          if (!folder) {
            refused.push({ name, message: `Team glossary "${name}" is not read: open a folder to keep a team glossary in it.` });
            continue;
          }
          if (!isInsidePath(path, stop ?? '/')) {
            refused.push({ name, message: `Team glossary "${name}" in the crosswalk.glossaries setting is outside the workspace folder (${path}); Crosswalk reads and writes no file outside it.` });
            continue;
          }
          const glossaryUri = joinUri(base, path);
          const link = await unseenLink(glossaryUri);
          if (link !== undefined) {
            refused.push({ name, message: `Team glossary "${name}" in the crosswalk.glossaries setting: ${unseenLinkMessage(path, link)}` });
            continue;
          }
          // Inside as written, and where its links lead too (src/node/real-path.ts on Node).
          const real = await realPathOf?.(glossaryUri);
          const realFolder = real !== undefined ? await realPathOf?.(folder) : undefined;
          if (real !== undefined && realFolder !== undefined && !isInsidePath(real, realFolder)) {
            refused.push({ name, message: `Team glossary "${name}" in the crosswalk.glossaries setting is a symbolic link to ${real}, outside the workspace folder; Crosswalk reads and writes no file outside it.` });
            continue;
          }
          const text = await readText(glossaryUri);
          if (text !== undefined) {
            const glossaryPath = splitUri(glossaryUri)?.path ?? name;
            glossaries.push({ name: glossaryPath, text });
            // Checked as a glossary .crosswalk.yaml names is (src/core/config-discovery.ts): each bad entry at its line, the rest loads.
            const findings = await checkGlossaryAsync(glossaryPath, text, mergeConfig(settings.config, loaded.config));
            if (findings.length) loaded = { ...loaded, problems: [...loaded.problems, { path: glossaryPath, findings }] };
          } else log('warn', `The glossary ${name} named in the crosswalk.glossaries setting could not be read (${path}).`);
        }
        const inSettingsFile = new Set<(typeof refused)[number]>();
        if (refused.length && folder && crosswalkClient) {
          // VS Code's workspace settings file carries the finding, at the value refused (else at the setting's key).
          const settingsPath = `${stop ?? ''}/.vscode/settings.json`;
          const settingsText = (await readText(joinUri(base, settingsPath))) ?? '';
          const inFile = refused.filter(({ key = 'crosswalk.glossaries' }) => key === 'crosswalk.glossaries' || settingsText.includes(JSON.stringify(key)));
          const findings: Finding[] = inFile.map(({ key = 'crosswalk.glossaries', name, message }) => ({
            ruleId: 'config', severity: 'warning', audience: [], fixes: [], message, range: settingRange(settingsText, key, name),
          }));
          if (findings.length) loaded = { ...loaded, problems: [...loaded.problems, { path: settingsPath, findings }] };
          for (const r of inFile) inSettingsFile.add(r);
          // A pattern set in the user's settings (or a .code-workspace file) has no line here to carry it: say it once.
          for (const { message } of refused.filter((r) => !inFile.includes(r))) {
            if (toldSettingsProblems.has(message)) continue;
            toldSettingsProblems.add(message);
            tell(connection.window.showWarningMessage(message));
          }
        }
        // Those on settings.json are logged with the config problems below, at their line.
        for (const r of refused) if (!inSettingsFile.has(r)) log('warn', r.message);
        const where = split ? relative(dirnameUri(uri)) : 'an untitled draft';
        if (loaded.path) log('info', `Config for ${where}: ${loaded.path}`);
        else log('info', `Config for ${where}: no .crosswalk.yaml found in the workspace folder; settings and defaults apply.`);
        for (const glossary of glossaries) log('info', `Glossary loaded: ${glossary.name}`);
        // As many lines a file as it gets diagnostics: a 100,000-term glossary may have a problem a term.
        for (const problem of loaded.problems) {
          const shown = problem.findings.slice(0, settings.maxNumberOfProblems);
          for (const finding of shown) log('warn', `${problem.path}:${finding.range.start.line}: ${finding.message}`);
          if (problem.findings.length > shown.length) log('warn', `${problem.path}: ${problem.findings.length - shown.length} more problems (crosswalk.maxNumberOfProblems).`);
        }
        return { loaded, glossaries, settingsFiles: filePatterns.usable };
      })();
      entry = { at: Date.now(), found };
      foundConfigs.set(cacheKey, entry);
      found.catch(() => foundConfigs.delete(cacheKey));
    }
    const { loaded, glossaries, settingsFiles } = await entry.found;
    const config = mergeConfig(settings.config, loaded.config);
    const options: LintOptions = { audience: settings.defaultAudience, config, glossaries, path: split?.path, ...(loaded.path ? { configPath: loaded.path } : {}) };
    return { options, loaded, base, folder, settings, settingsFiles, key: JSON.stringify([options.audience, options.config, glossaries.map((g) => g.text)]) };
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
    // The first check of a draft is at once; later ones after the typing delay. A long draft whose
    // check takes longer than the delay waits twice as long as its last check took (at most 5 s):
    // while the writer types on, the server is not busy re-checking, and code actions and hovers
    // answer from the last check carried over (forRequest).
    const slow = document.getText().length > SLICED_CHECK_CHARS ? Math.min(2 * (s.lastCheckMs ?? 0), 5_000) : 0;
    const delay = s.result === undefined ? 0 : Math.max(settings.delay, slow);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void check(document.uri);
    }, delay);
  }

  function check(uri: string): Promise<LintResult | undefined> {
    const s = state(uri);
    const run = runCheck(uri, s).catch((error: unknown) => {
      // A check cancelled by a newer version, or one that outlived the connection (the editor quit), is no error to report.
      if ((error as Error)?.name !== 'AbortError' && !/Connection is disposed/.test(String(error))) connection.console.error(`Crosswalk could not check ${uri}: ${(error as Error)?.stack ?? String(error)}`);
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
      skip(uri, s, document.version, 'crosswalk.enable is off', false, []);
      return undefined;
    }
    if (document.getText().length > settings.maxFileSize) {
      // Never half-checked in silence: say so where the writer looks.
      const size = document.getText().length;
      skip(uri, s, document.version, `it is ${Math.round(size / 1000)} KB, over crosswalk.maxFileSize`, false, [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'crosswalk',
        message: `Crosswalk skipped this draft: it is ${Math.round(size / 1000)} KB, over the crosswalk.maxFileSize setting (${Math.round(settings.maxFileSize / 1000)} KB).`,
      }]);
      return undefined;
    }
    let config: DocumentConfig;
    try {
      config = await configFor(uri, settings);
    } catch (error) {
      tell(connection.window.showWarningMessage(`Crosswalk could not read its configuration: ${(error as Error).message}`));
      config = { options: { audience: settings.defaultAudience, config: settings.config }, loaded: { config: {}, problems: [], glossaries: [] }, base: '', settings, key: 'fallback' };
    }
    if (stale()) return undefined;
    // Ignore files are read only for a file the writer did not decide about (Check This File, Stop Checking).
    const ignoredBy = optIns.has(uri) || optOuts.has(uri) ? undefined : await ignoreFiles.ignoredBy(uri);
    if (stale()) return undefined;
    s.config = config;
    publishConfigProblems(config);
    const verdict = draftVerdict(uri, document.getText(), scopeOf(uri, config, ignoredBy));
    if (!verdict.draft) {
      skip(uri, s, document.version, verdict.reason, true, []);
      return undefined;
    }
    if (!s.linter || s.configKey !== config.key) {
      // Team glossaries compile in slices (a 100,000-term glossary must not hold up the server),
      // once for every draft that uses them.
      const linter = await createLinterAsync(config.options);
      if (stale()) return undefined;
      s.linter = linter;
      s.configKey = config.key;
    }
    // The text as it is now, after the config was read: the version it belongs to is this one.
    const current = documents.get(uri);
    if (!current) return undefined;
    const version = current.version;
    const text = current.getText();
    const started = Date.now();
    const foreseen = s.foreseen?.text === text && s.foreseen.configKey === s.configKey ? s.foreseen.result : undefined;
    s.foreseen = undefined;
    const result = foreseen ?? (text.length > SLICED_CHECK_CHARS ? await s.linter.lintAsync(text, abort) : s.linter.lint(text));
    if (!foreseen) s.lastCheckMs = Date.now() - started;
    if (stale() || documents.get(uri)?.version !== version) return undefined;
    s.result = result;
    s.version = version;
    s.text = text;
    s.carried = undefined;
    s.skipped = undefined;
    s.diagnostics = limitDiagnostics(result.findings, settings.maxNumberOfProblems);
    if (!pull) publish({ uri, version, diagnostics: s.diagnostics });
    notifyChecked(uri, version, s, result);
    return result;
  }

  /** The scope rules' input for a draft under this config (src/server/scope.ts). */
  function scopeOf(uri: string, config: DocumentConfig, ignoredBy?: string) {
    const folder = folderOf(uri);
    return {
      configPath: config.loaded.path,
      scope: { files: config.loaded.config.files, ignore: config.loaded.config.ignore },
      folderPath: folder ? splitUri(folder)?.path : undefined,
      settingsFiles: config.settingsFiles ?? config.settings.files,
      optIns,
      optOuts,
      ...(ignoredBy ? { ignoredBy } : {}),
    };
  }

  /** A version not checked: its diagnostics (none, or a notice) replace the last ones; the reason is logged once and told to the extension. */
  function skip(uri: string, s: DocumentState, version: number, reason: string, canOptIn: boolean, diagnostics: Diagnostic[]): void {
    if (s.skipped?.reason !== reason) log('info', `Not checking ${relative(uri)}: ${reason}.`);
    s.skipped = { version, reason, canOptIn };
    s.result = undefined;
    s.version = undefined;
    s.text = undefined;
    s.diagnostics = diagnostics;
    if (!pull) publish({ uri, version, diagnostics });
    notifyChecked(uri, version, s);
  }

  /**
   * Tells the VS Code extension what a check found, for its status item, report and commands: the
   * audiences and grade per section and the counts, never the whole result (a long draft's terms
   * would be megabytes; `crosswalk/result` asks for them).
   */
  function notifyChecked(uri: string, version: number, s: DocumentState, result?: LintResult): void {
    if (!crosswalkClient) return;
    const notice: CheckedNotice = {
      uri, version,
      audiences: s.config?.options.config?.audiences ?? {},
      ...(result ? {
        checked: {
          audience: result.audience, stats: result.stats, sections: result.sections,
          findings: result.findings.length, errors: result.findings.filter((f) => f.severity === 'error').length,
        },
      } : {}),
      ...(s.skipped ? { skipped: { reason: s.skipped.reason, canOptIn: s.skipped.canOptIn } } : {}),
    };
    connection.sendNotification('crosswalk/didCheck', notice).catch(() => undefined);
  }

  function limitDiagnostics(findings: Finding[], max: number, where = 'this draft'): Diagnostic[] {
    const diagnostics = findings.slice(0, max).map(toDiagnostic);
    if (findings.length > max) {
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'crosswalk',
        message: `Crosswalk shows the first ${max} of ${findings.length} problems in ${where} (setting crosswalk.maxNumberOfProblems).`,
      });
    }
    return diagnostics;
  }

  /** Problems of a config file and its glossaries replace those it reported before. */
  function publishConfigProblems(config: DocumentConfig): void {
    const { loaded, base } = config;
    // With no .crosswalk.yaml, problems still come from settings (a glossary outside the folder).
    const configUri = loaded.path ? joinUri(base, loaded.path) : `settings:${config.folder ?? ''}`;
    if (!loaded.path && loaded.problems.length === 0 && !configProblemFiles.has(configUri)) return;
    const now = loaded.problems.map((p) => joinUri(base, p.path));
    for (const uri of configProblemFiles.get(configUri) ?? []) {
      if (!now.includes(uri)) publish({ uri, diagnostics: [] });
    }
    // Limited as a draft's are: a glossary with a problem in each of 100,000 terms sent them all at each check.
    for (const problem of loaded.problems) publish({ uri: joinUri(base, problem.path), diagnostics: limitDiagnostics(problem.findings, config.settings.maxNumberOfProblems, 'this file') });
    configProblemFiles.set(configUri, now);
  }

  /** The findings for the draft as it is now, waiting for a check under way or starting one. */
  async function current(uri: string): Promise<LintResult | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const document = documents.get(uri);
      if (!document || !isDraft(document)) return undefined;
      const s = state(uri);
      if (s.result && s.version === document.version) return s.result;
      // Left out (not a draft, too large, off) and nothing under way: nothing to wait for.
      if (s.skipped?.version === document.version && !s.inflight && !s.timer) return undefined;
      if (s.timer) {
        clearTimeout(s.timer);
        s.timer = undefined;
      }
      const next = s.inflight ? await s.inflight : await check(uri);
      if (next && s.version === documents.get(uri)?.version) return next;
      if (s.settings && !s.settings.enable) return undefined;
      if (s.skipped?.version === documents.get(uri)?.version) return undefined;
    }
    return undefined;
  }

  /**
   * The findings a code action or hover works from: the current version's; for a long draft being
   * re-checked, the last check's carried over to the lines the edits did not touch (src/server/stale.ts),
   * so that the answer does not wait for the check.
   */
  async function forRequest(uri: string): Promise<LintResult | undefined> {
    const document = documents.get(uri);
    const s = states.get(uri);
    if (document && s?.result && s.text !== undefined && s.version !== document.version && document.getText().length > SLICED_CHECK_CHARS) {
      if (s.carried?.version !== document.version) s.carried = { version: document.version, result: carriedOver(s.result, s.text, document.getText()) };
      if (s.carried.result) return s.carried.result;
    }
    return current(uri);
  }

  function recheckAll(): void {
    foundConfigs.clear();
    ignoreFiles.forget();
    settingsCache.clear();
    const checks: Promise<unknown>[] = [];
    for (const [uri, s] of states) {
      s.configKey = undefined;
      if (documents.get(uri)) checks.push(check(uri));
    }
    // A client that pulls asks again once the drafts are re-checked with the new config.
    if (pull) void Promise.all(checks).then(() => connection.languages.diagnostics.refresh()).catch(() => undefined);
  }

  /** Problems in a `.crosswalk.yaml` the writer has open, as they type; drafts under it are re-checked after the typing delay. */
  function checkConfigDocument(document: TextDocument): void {
    const { findings } = checkConfig(document.getText());
    publish({ uri: document.uri, version: document.version, diagnostics: findings.map(toDiagnostic) });
  }

  documents.onDidChangeContent((event) => {
    if (isConfigUri(event.document.uri)) {
      checkConfigDocument(event.document);
      // Unsaved config edits count: readText reads open buffers first.
      clearTimeout(configTimer);
      configTimer = setTimeout(recheckAll, readSettings(initOptions, pushedSettings).delay);
      return;
    }
    schedule(event.document);
  });
  documents.onDidSave((event) => {
    if (isDraft(event.document)) {
      if (states.get(event.document.uri)?.settings?.run === 'onSave') void check(event.document.uri);
      return;
    }
    // A saved config or glossary (when the client syncs YAML files too) is read again.
    recheckAll();
  });
  documents.onDidClose((event) => {
    // A closed config file keeps its problems (they are the config's, not the buffer's).
    if (!isDraft(event.document)) return;
    const s = states.get(event.document.uri);
    if (s?.timer) clearTimeout(s.timer);
    if (s?.abort) s.abort.aborted = true;
    states.delete(event.document.uri);
    publish({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    const result = document && (await forRequest(params.textDocument.uri));
    if (!document || !result) return null;
    // The draft's config may add team audiences: "Known to: IT, Pharmacy".
    const hover = hoverAt(result, document.offsetAt(params.position), audiencesOf(params.textDocument.uri));
    if (!hover) return null;
    const { parts, range } = hover;
    const markdown = capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? true;
    const value = parts.join('\n\n---\n\n');
    return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: markdown ? value : markdownToPlainText(value) }, range: toLspRange(range) };
  });

  /** The audiences a draft's config knows (team audiences included), for titles and hovers. */
  function audiencesOf(uri: string) {
    return states.get(uri)?.linter?.audiences ?? audiences();
  }

  const actionContext = (): ActionContext => ({
    capabilities,
    readText,
    documentVersion: (uri) => documents.get(uri)?.version,
    ...(realPathOf ? { realPath: realPathOf } : {}),
    ...(host.linkOnPath ? { linkOnPath: unseenLink } : {}),
    check: async (uri, text) => {
      // A draft with a result to fix has its linter: the one that made that result.
      const s = states.get(uri);
      const linter = s?.linter;
      if (!s || !linter) throw new Error(`${relative(uri)} has not been checked yet; try again in a moment.`);
      const result = text.length > SLICED_CHECK_CHARS ? await linter.lintAsync(text) : linter.lint(text);
      if (s.linter === linter) s.foreseen = { text, configKey: s.configKey, result };
      return result;
    },
  });

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    const result = document && (await forRequest(params.textDocument.uri));
    const s = states.get(params.textDocument.uri);
    if (!document || !result || !s?.config) return [];
    const known = audiencesOf(document.uri);
    const listed = actionsFor(document, result, params, {
      includeRewording: s.config.settings.includeRewording,
      label: (audience) => known.label(audience),
      clientCommands,
      name: relative(document.uri),
    });
    // An action that cannot apply says why where the client shows that; elsewhere it is not listed.
    const actions = capabilities.textDocument?.codeAction?.disabledSupport ? listed : listed.filter((a) => !a.disabled);
    // Clients that cannot resolve get every edit at once.
    const resolves = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    if (resolves) return actions;
    const resolved = await Promise.all(actions.map((action) => resolveAction(action, true)));
    return resolved.filter((action) => action.edit !== undefined || action.command !== undefined || action.disabled !== undefined);
  });

  /** `quiet`: resolving the whole list for a client without resolve support, where an action that cannot be made is simply not offered. */
  async function resolveAction(action: CodeAction, quiet = false): Promise<CodeAction> {
    const data = action.data as ActionData | undefined;
    if (!data || action.edit) return action;
    const document = documents.get(data.uri);
    const result = document && (await forRequest(data.uri));
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

  // Pull diagnostics (LSP 3.17), for clients that ask: the findings of the draft as it is now.
  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document || !isDraft(document)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    await current(uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: states.get(uri)?.diagnostics ?? [] };
  });

  registerCrosswalkRequests({
    connection, host, documents, settingsFor, configFor, current, readText, actionContext, optIns, recheckAll, log, relative, folders: () => folders, linkOutside,
    verdict: async (uri, text, config) => draftVerdict(uri, text, scopeOf(uri, config, optIns.has(uri) || optOuts.has(uri) ? undefined : await ignoreFiles.ignoredBy(uri))),
    optOuts,
  });

  documents.listen(connection);
  connection.listen();
}

/** A message to the user is a request the client may never answer (or drop as it exits): never an unhandled rejection. */
function tell(shown: unknown): void {
  // The typings say void for a message without actions; vscode-languageserver 9 sends a request all the same.
  if (shown instanceof Promise) shown.catch(() => undefined);
}

declare const CROSSWALK_VERSION: string | undefined;

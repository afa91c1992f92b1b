import { AudienceCatalog } from './audience';
import { resolveConfig } from './config';
import { checkConfigText } from './config-check';
import { discoverConfig, glossaryFindings, glossaryFindingsAsync, loadConfigText, type DiscoverOptions, type LoadedConfig, type ReadFile } from './config-discovery';
import type { RuleMeta } from './document';
import { Slicer, type SliceOptions } from './glossary-compile';
import { createLinter, createLinterAsync, type EngineParts, type Linter } from './linter';
import type { CrosswalkConfig, Finding, LintOptions, LintResult } from './types';

/** A rule's metadata as docs, settings and reports read it, with its docs anchor filled in. */
export type RuleInfo = Required<Pick<RuleMeta, 'id' | 'title' | 'description' | 'defaultSeverity' | 'docs'>> & Pick<RuleMeta, 'options'>;

/** An engine bound to its parts: everything the extension, the CLI and the library call. */
export interface Engine {
  /** The rules this engine runs, in order, with their metadata. */
  readonly rules: readonly RuleInfo[];
  lint(text: string, options?: LintOptions): LintResult;
  createLinter(options?: LintOptions): Linter;
  /**
   * `createLinter` with the team glossaries compiled in slices that yield to the event loop (a
   * 100,000-term glossary compiles without holding up the editor or the language server), once
   * per set of glossaries however many drafts ask.
   */
  createLinterAsync(options?: LintOptions, slicing?: SliceOptions): Promise<Linter>;
  /** Reads `.crosswalk.yaml` text: its valid part, and its problems as `config` findings. */
  checkConfig(text: string): { config: CrosswalkConfig; findings: Finding[]; broken: boolean };
  /**
   * Finds `.crosswalk.yaml` from a draft's folder upwards and reads it and its glossaries, only
   * inside the config's folder or `options.root` (src/core/paths.ts).
   */
  discoverConfig(startDir: string, read: ReadFile, explicitPath?: string, options?: DiscoverOptions): Promise<LoadedConfig>;
  /** Reads a config text already in hand (an editor buffer) and the glossaries it names. */
  loadConfigText(path: string, text: string, read: ReadFile, options?: DiscoverOptions): Promise<LoadedConfig>;
  /** The built-in audiences, or with a config's team audiences added: for pickers, labels, status. */
  audiences(config?: CrosswalkConfig): AudienceCatalog;
  /**
   * A team glossary's problems as `config` findings at their lines in it: YAML errors, entries
   * that do not fit the glossary format, unknown audience ids (the config's team audiences
   * count). For glossaries named outside `.crosswalk.yaml`, such as the `crosswalk.glossaries` setting.
   */
  checkGlossary(name: string, text: string, config?: CrosswalkConfig): Finding[];
  /**
   * `checkGlossary` in slices with turns of the event loop between them (src/core/glossary-check.ts):
   * the same findings, without holding up the language server for a 100,000-term glossary.
   */
  checkGlossaryAsync(name: string, text: string, config?: CrosswalkConfig, slicing?: SliceOptions): Promise<Finding[]>;
}

/** Builds an engine from rules and data; nothing in src/core names a rule. */
export function createEngine(parts: EngineParts): Engine {
  const rules: RuleInfo[] = parts.rules.map(({ id, title, description, defaultSeverity, docs, options }) => ({
    id, title, description, defaultSeverity, docs: docs ?? `rule-${id}`, ...(options ? { options } : {}),
  }));
  const builtIn = parts.audiences ?? new AudienceCatalog([]);
  let terms: Set<string> | undefined;
  const knownTerm = (term: string) => (terms ??= new Set((parts.glossary?.entries ?? []).map((e) => e.term.toLowerCase()))).has(term.toLowerCase());
  return {
    rules,
    lint: (text, options = {}) => createLinter(options, parts).lint(text),
    createLinter: (options = {}) => createLinter(options, parts),
    createLinterAsync: (options = {}, slicing = {}) => createLinterAsync(options, parts, slicing),
    checkConfig: (text) => checkConfigText(text, parts.rules, builtIn),
    discoverConfig: (startDir, read, explicitPath, options) => discoverConfig(parts.rules, builtIn, startDir, read, explicitPath, { knownTerm, ...options }),
    loadConfigText: (path, text, read, options) => loadConfigText(parts.rules, builtIn, path, text, read, { knownTerm, ...options }),
    checkGlossary: (name, text, config) => glossaryFindings(name, text, config ? resolveConfig(config, builtIn).audiences : builtIn, knownTerm),
    checkGlossaryAsync: (name, text, config, slicing = {}) => glossaryFindingsAsync(name, text, new Slicer(slicing), config ? resolveConfig(config, builtIn).audiences : builtIn, knownTerm),
    // Config passed here is already validated (checkConfig, discoverConfig): only its team audiences are read.
    audiences: (config) => (config ? resolveConfig(config, builtIn).audiences : builtIn),
  };
}

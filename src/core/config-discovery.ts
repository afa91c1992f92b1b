import type { AudienceCatalog } from './audience';
import { checkConfigText } from './config-check';
import type { RuleMeta } from './document';
import { teamGlossaryProblems } from './glossary';
import { PLACED_PER_STEP, teamGlossaryProblemsAsync } from './glossary-check';
import { Slicer, type SliceOptions } from './glossary-compile';
import { isInside, resolvePath } from './paths';
import { LineIndex } from './positions';
import { parseYaml } from './yaml-problems';
import type { CrosswalkConfig, Finding } from './types';

export const CONFIG_FILE_NAMES = ['.crosswalk.yaml', '.crosswalk.yml'];

/** What the CLI and the extension both need to check drafts under one config file. */
export interface LoadedConfig {
  /** The config file, when one was found. */
  path?: string;
  config: CrosswalkConfig;
  /** Problems in the config file and its team glossaries, by file path. */
  problems: { path: string; findings: Finding[] }[];
  glossaries: { name: string; text: string }[];
  /** The config file is not valid YAML (the CLI then exits 2); its valid keys are still used. */
  broken?: boolean;
}

export interface DiscoverOptions {
  /**
   * The workspace (the CLI: the working folder). Team glossaries are read only inside it or
   * inside the config file's folder; the extension also searches no higher than it for a config.
   */
  root?: string;
  /**
   * The real path of a file, symbolic links resolved (the shells on Node give one: src/node/real-path.ts).
   * With it, a config file or team glossary whose link leads outside the folders it may be read
   * from is refused with a finding, not read; without it (a browser), paths are compared as written.
   */
  realPath?: (path: string) => Promise<string | undefined>;
  /** Whether a term is one the engine's glossary already has (set by the engine): a team entry for it may say `override: true`. */
  knownTerm?: (term: string) => boolean;
  /**
   * Where a host cannot resolve links but can see them (a browser, through vscode.workspace.fs):
   * the first symbolic link on a file's path, or undefined. A config file or team glossary reached
   * through one is refused with a finding, not read, wherever the link may lead.
   */
  linkOnPath?: (path: string) => Promise<string | undefined>;
  /**
   * With it, each team glossary is checked in slices with turns of the event loop between them
   * (`glossaryFindingsAsync`), as the language server wants; without it (the CLI), in one go.
   */
  slicing?: SliceOptions;
}

/** The refusal of a file reached through a link a host cannot follow (see `DiscoverOptions.linkOnPath`). */
export function unseenLinkMessage(shown: string, link: string): string {
  return `${shown} is reached through the symbolic link ${link}; in the browser Crosswalk cannot tell where a link leads, so it reads and writes no file through one.`;
}

/** The real path `path` leads to when it is outside the real paths of every one of `folders`; else undefined. */
async function linkedOutside(path: string, folders: (string | undefined)[], options: DiscoverOptions): Promise<string | undefined> {
  if (!options.realPath) return undefined;
  const real = await options.realPath(path);
  if (real === undefined) return undefined;
  for (const folder of folders) {
    if (folder === undefined) continue;
    const realFolder = await options.realPath(folder);
    if (realFolder !== undefined && isInside(real, realFolder)) return undefined;
  }
  return real;
}

/** Reads a file, or returns undefined when it does not exist; other errors may throw. */
export type ReadFile = (path: string) => Promise<string | undefined>;

/**
 * Finds `.crosswalk.yaml` from a draft's folder upwards and reads it and its team glossaries.
 * File access is passed in, so that the CLI uses Node's fs and the extension VS Code's.
 */
export async function discoverConfig(rules: readonly RuleMeta[], audiences: AudienceCatalog | undefined, startDir: string, read: ReadFile, explicitPath?: string, options: DiscoverOptions = {}): Promise<LoadedConfig> {
  let path = explicitPath;
  let text: string | undefined;
  if (path) {
    text = await read(path);
    if (text === undefined) throw new Error(`Config file not found: ${path}`);
  } else {
    for (let dir: string | undefined = startDir; dir !== undefined; dir = parentOf(dir)) {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = joinPath(dir, name);
        // A .crosswalk.yaml that is a link out of its folder (and the workspace) is not read.
        const outside = await linkedOutside(candidate, [dir, options.root], options);
        const link = outside === undefined ? await options.linkOnPath?.(candidate) : undefined;
        if (outside !== undefined || link !== undefined) {
          const at = { line: 1, column: 1, offset: 0 };
          const message = link !== undefined
            ? `${unseenLinkMessage(candidate, link)} Settings and defaults apply.`
            : `${candidate} is a symbolic link to ${outside}, outside its folder and the workspace; Crosswalk does not read it. Settings and defaults apply.`;
          return { config: {}, problems: [{ path: candidate, findings: [configFinding(message, { start: at, end: at })] }], glossaries: [] };
        }
        const found = await read(candidate);
        if (found !== undefined) {
          path = candidate;
          text = found;
          break;
        }
      }
      if (text !== undefined) break;
    }
  }
  if (path === undefined || text === undefined) return { config: {}, problems: [], glossaries: [] };
  return loadConfigText(rules, audiences, path, text, read, options);
}

/** Reads a config text already in hand (an editor buffer, say) and the glossaries it names. */
export async function loadConfigText(rules: readonly RuleMeta[], audiences: AudienceCatalog | undefined, path: string, text: string, read: ReadFile, options: DiscoverOptions = {}): Promise<LoadedConfig> {
  const { config, findings, broken } = checkConfigText(text, rules, audiences);
  const loaded: LoadedConfig = { path, config, problems: [], glossaries: [], ...(broken ? { broken } : {}) };
  const configFindings = [...findings];
  const index = new LineIndex(text);
  const base = parentOf(path) ?? '.';
  const slicer = options.slicing ? new Slicer(options.slicing) : undefined;
  const placeOf = glossaryPlaces(text, index);
  for (const [i, name] of (config.glossaries ?? []).entries()) {
    const place = () => placeOf(i, name);
    const glossaryPath = resolvePath(base, name);
    if (!isInside(glossaryPath, base) && !(options.root !== undefined && isInside(glossaryPath, options.root))) {
      // `../../outside.yaml` or `/etc/x`: a project's config may not make Crosswalk read files elsewhere.
      configFindings.push(configFinding(`Team glossary "${name}" is outside the project folder (${glossaryPath}); Crosswalk reads no file outside it. Move the glossary into the folder.`, place()));
      continue;
    }
    const outside = await linkedOutside(glossaryPath, [base, options.root], options);
    if (outside !== undefined) {
      configFindings.push(configFinding(`Team glossary "${name}" is a symbolic link to ${outside}, outside the project folder; Crosswalk reads no file outside it. Move the glossary into the folder.`, place()));
      continue;
    }
    const link = await options.linkOnPath?.(glossaryPath);
    if (link !== undefined) {
      configFindings.push(configFinding(`Team glossary "${name}": ${unseenLinkMessage(glossaryPath, link)}`, place()));
      continue;
    }
    let glossaryText: string | undefined;
    let reason = '';
    try {
      glossaryText = await read(glossaryPath);
    } catch (error) {
      glossaryText = undefined;
      reason = `: ${(error as Error).message}`;
    }
    if (glossaryText === undefined) {
      configFindings.push(configFinding(`Team glossary "${name}" could not be read (looked for ${glossaryPath}${reason}); checking without it.`, place()));
      continue;
    }
    // A broken team glossary is reported on its own file, at the broken line; audience ids are
    // checked against the built-in audiences and this config's team audiences.
    const teamAudiences = audiences?.withTeamAudiences(config.audiences);
    const findings = slicer
      ? await glossaryFindingsAsync(name, glossaryText, slicer, teamAudiences, options.knownTerm)
      : glossaryFindings(name, glossaryText, teamAudiences, options.knownTerm);
    if (findings.length) loaded.problems.push({ path: glossaryPath, findings });
    loaded.glossaries.push({ name: glossaryPath, text: glossaryText });
  }
  if (configFindings.length) loaded.problems.unshift({ path, findings: configFindings });
  return loaded;
}

/**
 * A team glossary's problems as findings at their lines in it (src/core/glossary.ts
 * teamGlossaryProblems): for the glossaries `.crosswalk.yaml` names and those the
 * `crosswalk.glossaries` setting names (the language server).
 */
export function glossaryFindings(name: string, text: string, audiences?: AudienceCatalog, knownTerm?: (term: string) => boolean): Finding[] {
  const index = new LineIndex(text);
  return teamGlossaryProblems({ name, text }, { ...(audiences ? { audiences } : {}), ...(knownTerm ? { knownTerm } : {}) })
    .map((p) => configFinding(p.message, index.range(p.start, p.end)));
}

/**
 * Where `.crosswalk.yaml` names each team glossary: the list item's own characters (the `yaml`
 * package's node ranges), so that a finding lands on that line even when a comment above it, or
 * another key, mentions the same name. A name the parsed document does not hold at its place
 * (a YAML error dropped part of the list) falls back to its first mention.
 */
function glossaryPlaces(text: string, index: LineIndex): (i: number, name: string) => Finding['range'] {
  const { doc } = parseYaml(text);
  return (i, name) => {
    const node = doc?.getIn(['glossaries', i], true) as { value?: unknown; range?: [number, number, number] } | undefined;
    if (node?.value === name && node.range) return index.range(node.range[0], node.range[1]);
    const at = Math.max(0, text.indexOf(name));
    return index.range(at, at + name.length);
  };
}

/**
 * `glossaryFindings` in slices (src/core/glossary-check.ts): the same findings, with turns of the
 * event loop between parts of the file, so that a 100,000-term glossary does not hold up the
 * language server while it is checked.
 */
export async function glossaryFindingsAsync(name: string, text: string, slicer: Slicer, audiences?: AudienceCatalog, knownTerm?: (term: string) => boolean): Promise<Finding[]> {
  const problems = await teamGlossaryProblemsAsync({ name, text }, { ...(audiences ? { audiences } : {}), ...(knownTerm ? { knownTerm } : {}) }, slicer);
  const index = await slicer.run(LineIndex.steps(text));
  const findings: Finding[] = [];
  for (let i = 0; i < problems.length; i += PLACED_PER_STEP) {
    await slicer.maybePause();
    for (const p of problems.slice(i, i + PLACED_PER_STEP)) findings.push(configFinding(p.message, index.range(p.start, p.end)));
  }
  return findings;
}

function configFinding(message: string, range: Finding['range']): Finding {
  return { ruleId: 'config', severity: 'warning', audience: [], fixes: [], message, range };
}

export function parentOf(path: string): string | undefined {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  if (trimmed === '/' || trimmed === '' || /^[A-Za-z]:[\\/]?$/.test(trimmed)) return undefined;
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (i < 0) return undefined;
  if (i === 0) return trimmed[0];
  const parent = trimmed.slice(0, i);
  return /^[A-Za-z]:$/.test(parent) ? parent + trimmed[i] : parent;
}

export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep + name;
}

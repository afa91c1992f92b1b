import { compilePatterns, createDraftFilter, type CrosswalkConfig, type DraftFilter } from '../index';
import { declaresAudienceOrType, projectDocumentReason } from '../core/project-documents';
import { splitUri } from './uri';

export type Verdict = { draft: true; why: string } | { draft: false; reason: string };

/** What the scope decision needs to know about a draft's config and folder. */
export interface ScopeInput {
  /** The path of the `.crosswalk.yaml` in force, if any ('/'-separated, as splitUri gives it). */
  configPath?: string;
  /** `files:` and `ignore:` of that `.crosswalk.yaml`, relative to its folder. */
  scope: Pick<CrosswalkConfig, 'files' | 'ignore'>;
  /** The path of the workspace folder that holds the draft, if any. */
  folderPath?: string;
  /** The `crosswalk.files` setting: patterns relative to the workspace folder; empty for the defaults. */
  settingsFiles: readonly string[];
  /** Files the writer asked to check ("Check this file"), as URIs. */
  optIns: ReadonlySet<string>;
  /** Files the writer asked not to check ("Stop Checking This File"), as URIs. */
  optOuts?: ReadonlySet<string>;
  /** The ignore file and pattern that leave the draft out (src/server/ignore-files.ts), when one does. */
  ignoredBy?: string;
}

export const OPTED_OUT = 'you asked to stop checking it (Crosswalk: Check This File takes it back)';

/** A `crosswalk.files` pattern that is not used as written, and why (src/server/server.ts reports it). */
export interface SettingsPatternProblem {
  pattern: string;
  message: string;
  /** Still used (a `[` or `{` read as itself): a warning about a likely typo. */
  kept: boolean;
}

/**
 * The `crosswalk.files` patterns to use, and what is wrong with the others: a pattern that could
 * never match (an absolute path, `..`) or cannot be compiled is left out, and checking goes on with
 * the rest (none left: the defaults, as with no setting). `folderPath` is the workspace folder's
 * path: a pattern that starts with it is an absolute path written for this folder, which
 * `.gitignore` syntax would read as a folder of that name inside it.
 */
export function settingsFilePatterns(patterns: readonly string[], folderPath?: string): { usable: string[]; problems: SettingsPatternProblem[] } {
  const root = folderPath?.replace(/\/+$/, '');
  const usable: string[] = [];
  const problems: SettingsPatternProblem[] = [];
  const { problems: found } = compilePatterns(patterns);
  patterns.forEach((pattern, at) => {
    const bare = pattern.replace(/^!/, '');
    if (root && (bare === root || bare.startsWith(`${root}/`))) {
      const relative = bare.slice(root.length + 1);
      problems.push({ pattern, kept: false, message: `it is an absolute path; patterns are relative to the workspace folder${relative ? `: write "${pattern.startsWith('!') ? '!' : ''}${relative}"` : ''}.` });
      return;
    }
    const own = found.filter((p) => p.at === at);
    for (const p of own) problems.push({ pattern, kept: p.kept === true, message: p.message });
    if (own.every((p) => p.kept)) usable.push(pattern);
  });
  return { usable, problems };
}

/** The message for a `crosswalk.files` problem, as the output channel and the settings file show it. */
export function settingsPatternMessage(problem: SettingsPatternProblem, usable: number): string {
  if (problem.kept) return `The crosswalk.files pattern "${problem.pattern}" may not say what you meant: ${problem.message}.`;
  const rest = usable > 0 ? 'the other patterns still apply' : 'with no other pattern, every Markdown file but project documents is a draft, as without the setting';
  return `The crosswalk.files pattern "${problem.pattern}" is not used: ${problem.message.replace(/\.$/, '')}; ${rest}.`;
}

/** The path of `path` below the folder `base`, or undefined when it is not below it. */
function below(base: string, path: string): string | undefined {
  const root = base.replace(/\/+$/, '');
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : undefined;
}

/** Compiled filters, by their patterns: a check after each pause in typing does not compile them again. */
const filters = new Map<string, DraftFilter>();
function filterOf(scope: Pick<CrosswalkConfig, 'files' | 'ignore'>): DraftFilter {
  const key = JSON.stringify([scope.files, scope.ignore]);
  let filter = filters.get(key);
  if (!filter) {
    if (filters.size > 50) filters.clear();
    filter = createDraftFilter(scope);
    filters.set(key, filter);
  }
  return filter;
}

/**
 * Whether a Markdown file is a draft to check, and why not (README "Which files are drafts"), the
 * decision the CLI makes through src/core/draft-files.ts `createDraftFilter`:
 * 0. a file the writer asked not to check ("Stop Checking This File") is not;
 * 1. a file the writer asked for ("Check this file") is, and so is an untitled draft;
 * 1b. `.gitignore` and `.crosswalkignore` leave a file out, as in the CLI (`ignoredBy`);
 * 2. `ignore:` in `.crosswalk.yaml` leaves files out, and `files:` there, else the
 *    `crosswalk.files` setting (relative to the workspace folder), says which files are in;
 * 3. with neither, every Markdown file is, but a project's own documents
 *    (src/core/project-documents.ts) unless they declare `audience:` or `type:`.
 */
export function draftVerdict(uri: string, text: string, input: ScopeInput): Verdict {
  if (input.optOuts?.has(uri)) return { draft: false, reason: OPTED_OUT };
  if (input.optIns.has(uri)) return { draft: true, why: 'you asked to check it' };
  const split = splitUri(uri);
  if (!split || uri.startsWith('untitled:')) return { draft: true, why: 'an untitled draft' };
  // .gitignore and .crosswalkignore, as the CLI reads them (src/server/ignore-files.ts).
  if (input.ignoredBy) return { draft: false, reason: `ignored by ${input.ignoredBy}` };
  const configFolder = input.configPath ? input.configPath.slice(0, input.configPath.lastIndexOf('/')) : undefined;
  const fromConfig = configFolder !== undefined ? below(configFolder, split.path) : undefined;
  if (fromConfig !== undefined && (input.scope.files || input.scope.ignore?.length)) {
    // As the CLI decides for a file it finds walking the folder: dist/, node_modules/ and hidden folders stay out.
    const verdict = filterOf(input.scope).check(fromConfig);
    if (!verdict.draft) return { draft: false, reason: verdict.reason };
    if (input.scope.files) return { draft: true, why: 'matched by files: in the config' };
  }
  const fromFolder = input.folderPath !== undefined ? below(input.folderPath, split.path) : undefined;
  if (input.settingsFiles.length && fromFolder !== undefined) {
    const verdict = filterOf({ files: [...input.settingsFiles] }).check(fromFolder);
    if (!verdict.draft) return { draft: false, reason: verdict.reason.replace('files: in the config', 'the crosswalk.files setting') };
    return { draft: true, why: 'matched by the crosswalk.files setting' };
  }
  const reason = projectDocumentReason(fromFolder ?? split.path.split('/').pop() ?? '');
  if (!reason) return { draft: true, why: 'a Markdown file' };
  if (declaresAudienceOrType(text)) return { draft: true, why: `${reason}, but it declares audience: or type:` };
  return { draft: false, reason };
}

import { compileGlob, literalGlobSyntax, type GlobMatcher } from './glob';
import type { CrosswalkConfig } from './types';

/**
 * Which files are drafts: the one decision that the CLI, the editor and the language server share,
 * so that `files:` and `ignore:` in `.crosswalk.yaml` mean the same everywhere. Pure: it takes
 * '/'-separated paths relative to the config file's folder and reads nothing.
 *
 * Patterns follow .gitignore (and so `.crosswalkignore`): a pattern with no `/` (other than a
 * trailing one) matches a name at any depth (`CHANGELOG.md`, `archive/`); one with a `/` is
 * relative to the folder of the file that lists it (`/README.md`, `docs/**\/*.md`); a trailing `/`
 * matches folders only; `!` re-includes; the last matching pattern wins; a folder that is out
 * takes everything in it out. Glob syntax: src/core/glob.ts.
 */

/** Markdown drafts by name, when `files:` does not say otherwise. */
export const DRAFT_FILE = /\.(?:md|markdown)$/i;

/** Folders never searched for drafts unless named: tools' and builds' folders, and hidden ones. */
export const DEFAULT_EXCLUDED_FOLDERS: readonly string[] = ['node_modules', 'dist', 'out', '.git', '.vscode-test'];

/** True for a folder name that searches skip by default: the list above and every `.name`. */
export function isDefaultExcludedFolder(name: string): boolean {
  return DEFAULT_EXCLUDED_FOLDERS.includes(name) || (name.startsWith('.') && name !== '.' && name !== '..');
}

export interface IgnoreRule {
  /** The pattern as written. */
  source: string;
  negate: boolean;
  /** A trailing `/`: matches folders only. */
  folderOnly: boolean;
  matcher: GlobMatcher;
  /** Line in the file that listed it (1-based), or index in a config list (0-based). */
  at: number;
}

export interface PatternProblem {
  message: string;
  pattern: string;
  at: number;
  /** The pattern is still used (a `[` or `{` read literally): the message is a warning about a likely typo. */
  kept?: boolean;
}

/** Patterns from a list (`files:` or `ignore:`), each read as a .gitignore line is. */
export function compilePatterns(patterns: readonly string[]): { rules: IgnoreRule[]; problems: PatternProblem[] } {
  const rules: IgnoreRule[] = [];
  const problems: PatternProblem[] = [];
  patterns.forEach((raw, at) => {
    const parsed = parsePattern(raw, at);
    if (parsed === undefined) return;
    if ('problem' in parsed) problems.push({ message: parsed.problem, pattern: raw, at });
    else {
      rules.push(parsed);
      const literal = literalGlobSyntax(raw);
      if (literal) problems.push({ message: literal, pattern: raw, at, kept: true });
    }
  });
  return { rules, problems };
}

/** The lines of a `.gitignore` or `.crosswalkignore`; `at` is the line number. */
export function parseIgnoreFile(text: string): { rules: IgnoreRule[]; problems: PatternProblem[] } {
  const rules: IgnoreRule[] = [];
  const problems: PatternProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.startsWith('#')) return;
    // Trailing spaces are dropped unless escaped with a backslash, as git does.
    let end = line.length;
    while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t') && line[end - 2] !== '\\') end--;
    const trimmed = line.slice(0, end);
    const parsed = parsePattern(trimmed, i + 1);
    if (parsed === undefined) return;
    if ('problem' in parsed) problems.push({ message: parsed.problem, pattern: line, at: i + 1 });
    else rules.push(parsed);
  });
  return { rules, problems };
}

function parsePattern(raw: string, at: number): IgnoreRule | { problem: string } | undefined {
  let pattern = raw;
  if (pattern.trim() === '') return undefined;
  const negate = pattern.startsWith('!');
  if (negate) pattern = pattern.slice(1);
  const folderOnly = pattern.endsWith('/') && !pattern.endsWith('\\/');
  if (folderOnly) pattern = pattern.replace(/\/+$/, '');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern === '') return undefined;
  // Paths are matched below the folder of the file that lists the pattern: these could never match.
  if (/^(?:[A-Za-z]:[\\/]|~[\\/]|\\\\|[a-z][a-z0-9+.-]*:\/\/)/i.test(pattern)) return { problem: 'it is an absolute path; patterns are relative to the folder they are written for.' };
  if (pattern.split(/[\\/]/).includes('..')) return { problem: 'a pattern cannot reach above its folder ("..").' };
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.replace(/^\/+/, '');
  const compiled = compileGlob(anchored ? pattern : `**/${pattern}`);
  if (compiled.problem !== undefined) return { problem: compiled.problem };
  return { source: raw, negate, folderOnly, matcher: compiled.matcher, at };
}

/** The last rule that matches the path itself (not its folders), or undefined. */
export function lastMatch(rules: readonly IgnoreRule[], path: string, isFolder: boolean): IgnoreRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule.folderOnly && !isFolder) continue;
    if (rule.matcher.matches(path)) return rule;
  }
  return undefined;
}

/**
 * The rule that leaves the path out, looking at each folder on the way down first (a folder that
 * is out takes its contents with it), or undefined when the path is in.
 */
export function ignoringRule(rules: readonly IgnoreRule[], path: string, isFolder = false): IgnoreRule | undefined {
  if (rules.length === 0) return undefined;
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const last = i === parts.length;
    const rule = lastMatch(rules, parts.slice(0, i).join('/'), last ? isFolder : true);
    if (rule && !rule.negate) return rule;
  }
  return undefined;
}

/** The patterns of one ignore file (`.gitignore`, `.crosswalkignore`) and the folder they are relative to. */
export interface IgnoreFileSet {
  /** The folder holding the file, '/'-separated, with no trailing '/'. */
  base: string;
  rules: IgnoreRule[];
  /** The file as messages name it ("docs/.gitignore"). */
  source: string;
}

function below(base: string, path: string): string | undefined {
  const root = base.replace(/\/+$/, '');
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : undefined;
}

/**
 * Which ignore file leaves `path` out, as git reads them: the files of the folders from the top
 * down to the path's folder (`sets`, in that order; in one folder `.gitignore` before
 * `.crosswalkignore`, so that the latter can take a file back), the last matching pattern over
 * all of them winning. Returns `source ("pattern")`, or undefined when the path is in. The CLI
 * (src/cli/files.ts) and the editor (src/extension/ignore-files.ts) both decide through this.
 */
export function ignoredByFiles(sets: readonly IgnoreFileSet[], path: string, isFolder = false): string | undefined {
  let verdict: { rule: IgnoreRule; set: IgnoreFileSet } | undefined;
  for (const set of sets) {
    const relative = below(set.base, path);
    if (!relative) continue;
    const rule = lastMatch(set.rules, relative, isFolder);
    if (rule) verdict = { rule, set };
  }
  return verdict && !verdict.rule.negate ? `${verdict.set.source} ("${verdict.rule.source}")` : undefined;
}

/** As `ignoredByFiles`, looking first at each folder between the top set's folder and the path: a folder left out takes its contents. */
export function ignoredByFilesWithFolders(sets: readonly IgnoreFileSet[], path: string, isFolder = false): string | undefined {
  const top = sets[0]?.base;
  if (top !== undefined) {
    const relative = below(top, path);
    const parts = relative?.split('/') ?? [];
    for (let i = 1; i < parts.length; i++) {
      const by = ignoredByFiles(sets, `${top.replace(/\/+$/, '')}/${parts.slice(0, i).join('/')}`, true);
      if (by) return by;
    }
  }
  return ignoredByFiles(sets, path, isFolder);
}

export type DraftVerdict = { draft: true } | { draft: false; reason: string };

export interface DraftFilter {
  /**
   * Whether the file at `path` (relative to the config folder, '/'-separated) is a draft to
   * check. `named: 'file'` is for a file the user named (or a glob matched): neither the default
   * folders nor the Markdown extension apply to it. `named: 'folder'` is for a file found in a
   * folder the user named: the caller has skipped default folders below that one, so the folders
   * above it are not looked at. `files:` and `ignore:` apply to all.
   */
  check(path: string, options?: { named?: 'file' | 'folder' }): DraftVerdict;
  /** Problems in the patterns, by key and index in the list, for config findings. */
  problems: (PatternProblem & { key: 'files' | 'ignore' })[];
}

/** The draft filter of one config (`files:` and `ignore:`); an empty config gives the defaults. */
export function createDraftFilter(config: Pick<CrosswalkConfig, 'files' | 'ignore'> = {}): DraftFilter {
  const files = config.files ? compilePatterns(config.files) : undefined;
  const ignore = compilePatterns(config.ignore ?? []);
  const problems = [
    ...(files?.problems ?? []).map((p) => ({ ...p, key: 'files' as const })),
    ...ignore.problems.map((p) => ({ ...p, key: 'ignore' as const })),
  ];
  return {
    problems,
    check(rawPath, options = {}) {
      const path = normalise(rawPath);
      const outside = path === '..' || path.startsWith('../') || path.startsWith('/') || /^[A-Za-z]:/.test(path);
      const parts = path.split('/');
      if (options.named === undefined) {
        const folder = parts.slice(0, -1).find(isDefaultExcludedFolder);
        if (folder) return { draft: false, reason: `in ${folder}/, which is skipped by default` };
      }
      // files: and ignore: speak of the config's folder; a path outside it is theirs to ignore.
      if (outside) return options.named === 'file' || DRAFT_FILE.test(path) ? { draft: true } : { draft: false, reason: 'not a Markdown file' };
      if (files) {
        const whole = lastMatch(files.rules, path, false);
        let included = whole !== undefined && !whole.negate;
        if (whole === undefined) {
          // A folder named in files: holds drafts: its Markdown files are in.
          for (let i = parts.length - 1; i >= 1 && !included; i--) {
            const rule = lastMatch(files.rules, parts.slice(0, i).join('/'), true);
            if (rule) {
              included = !rule.negate && DRAFT_FILE.test(path);
              break;
            }
          }
        }
        if (!included) return { draft: false, reason: 'not matched by files: in the config' };
      } else if (options.named !== 'file' && !DRAFT_FILE.test(path)) return { draft: false, reason: 'not a Markdown file' };
      const rule = ignoringRule(ignore.rules, path);
      if (rule) return { draft: false, reason: `matched by ignore: "${rule.source}" in the config` };
      return { draft: true };
    },
  };
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
}

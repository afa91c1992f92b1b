import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlob, hasGlobSyntax, ignoredByFiles, isDefaultExcludedFolder, parseIgnoreFile, type DraftFilter, type IgnoreRule } from '../index';
import { linkRefusal, realPathOutside } from '../node/real-path';
import { READ_LIMITS, readTextFile } from './read';

/**
 * Turns the paths on the command line into the drafts to check: files as named, folders searched
 * for Markdown, globs matched (linear time, src/core/glob.ts). `.gitignore` and
 * `.crosswalkignore` in each folder (and in the folders above, up to the repository root) leave
 * files out, as do `files:` and `ignore:` in the config that governs each file
 * (src/core/draft-files.ts, the same decision the editor makes).
 */

export const IGNORE_FILES = ['.gitignore', '.crosswalkignore'];

export interface Collected {
  /** Absolute paths of the drafts, sorted, each once. */
  files: string[];
  /** Files the user named that are left out, and why. */
  skipped: { file: string; reason: string }[];
  /** Inputs that give nothing to check: a missing path, a folder with no drafts, a glob matching none. */
  problems: string[];
}

export interface CollectOptions {
  cwd: string;
  /** false: .gitignore and .crosswalkignore are not read. */
  ignoreFiles: boolean;
  /** The draft filter of the config that governs a file, and the folder its paths are relative to. */
  filterFor(file: string): Promise<{ filter: DraftFilter; base: string }>;
}

interface RuleSet {
  base: string;
  rules: IgnoreRule[];
  source: string;
}

const posix = (p: string) => p.split(path.sep).join('/');

export async function collectDrafts(inputs: string[], options: CollectOptions): Promise<Collected> {
  const found = new Set<string>();
  const skipped: Collected['skipped'] = [];
  const problems: string[] = [];
  const ignores = new IgnoreChain(options.cwd, options.ignoreFiles);

  const consider = async (file: string, named: 'file' | 'folder'): Promise<string | undefined> => {
    const ignoredBy = named === 'file' ? await ignores.ignoredWithFolders(file) : await ignores.ignored(file, false);
    if (ignoredBy) return `ignored by ${ignoredBy}`;
    const { filter, base } = await options.filterFor(file);
    const verdict = filter.check(posix(path.relative(base, file)), { named });
    return verdict.draft ? undefined : verdict.reason;
  };

  for (const input of inputs) {
    const absolute = path.resolve(options.cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = await fs.promises.stat(absolute);
    } catch {
      stat = undefined;
    }
    // A link the walk would follow out of its folder and the working folder is refused (src/node/real-path.ts).
    const outside = stat ? await realPathOutside(absolute, [options.cwd, path.dirname(absolute)]) : undefined;
    if (outside !== undefined) {
      if (stat?.isDirectory()) problems.push(linkRefusal(input, outside, 'the working folder'));
      else skipped.push({ file: absolute, reason: linkRefusal('it', outside, 'the working folder') });
      continue;
    }
    // A path that exists is taken as it is, even with glob characters in its name ("notes [draft].md").
    if (stat?.isDirectory()) {
      const folderIgnoredBy = await ignores.ignoredWithFolders(absolute, true);
      if (folderIgnoredBy) {
        problems.push(`no drafts to check in ${input}: the folder is ignored by ${folderIgnoredBy}`);
        continue;
      }
      let drafts = 0;
      let markdown = 0;
      await walk(absolute, ignores, async (file) => {
        if (/\.(?:md|markdown)$/i.test(file)) markdown++;
        if ((await consider(file, 'folder')) === undefined) {
          found.add(file);
          drafts++;
        }
      });
      if (drafts === 0) {
        problems.push(markdown
          ? `no drafts to check in ${input}: its ${markdown} Markdown file${markdown === 1 ? ' is' : 's are'} left out by ignore files or the config's files:/ignore:`
          : `no drafts in ${input} (looked for *.md and *.markdown)`);
      }
    } else if (stat) {
      const reason = await consider(absolute, 'file');
      if (reason === undefined) found.add(absolute);
      else skipped.push({ file: absolute, reason });
    } else if (hasGlobSyntax(input)) {
      const matched = await expandGlob(input, options.cwd, ignores, problems);
      if (matched === undefined) continue;
      let drafts = 0;
      for (const file of matched) {
        if ((await consider(file, 'file')) === undefined) {
          found.add(file);
          drafts++;
        }
      }
      if (drafts === 0) problems.push(`no drafts match ${input}`);
    } else {
      problems.push(`no such file or folder: ${input}`);
    }
  }
  return { files: [...found].sort(), skipped, problems };
}

/** Files below `dir`, skipping default folders (node_modules, hidden ones) and ignored folders. Symbolic links are not followed. */
async function walk(dir: string, ignores: IgnoreChain, visit: (file: string) => Promise<void>): Promise<void> {
  const pending = [dir];
  while (pending.length) {
    const current = pending.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: string[] = [];
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!isDefaultExcludedFolder(entry.name) && !(await ignores.ignored(full, true))) folders.push(full);
      } else if (entry.isFile()) {
        await visit(full);
      }
    }
    pending.push(...folders.reverse());
  }
}

/** Files matching a glob below its fixed prefix; undefined (with a problem) when the glob is refused. */
async function expandGlob(input: string, cwd: string, ignores: IgnoreChain, problems: string[]): Promise<string[] | undefined> {
  const pattern = posix(input).replace(/^(?:\.\/)+/, '');
  const compiled = compileGlob(pattern);
  if (!compiled.matcher) {
    problems.push(`cannot use the pattern ${input}: ${compiled.problem}`);
    return undefined;
  }
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (hasGlobSyntax(part)) break;
    fixed.push(part);
  }
  const prefix = fixed.join('/');
  const base = path.resolve(cwd, prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.');
  const out: string[] = [];
  let stat: fs.Stats | undefined;
  try {
    stat = await fs.promises.stat(base);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) return out;
  const matcher = compiled.matcher;
  await walk(base, ignores, async (file) => {
    const below = posix(path.relative(base, file));
    const candidate = pattern.startsWith('/') ? posix(file) : prefix ? `${prefix}/${below}` : below;
    if (matcher.matches(candidate)) out.push(file);
  });
  return out;
}

/**
 * The ignore files that apply in a folder: its own and its parents', up to the repository root
 * (the first folder with `.git`), or up to the working folder outside a repository. In each
 * folder `.gitignore` is read before `.crosswalkignore`, so the latter can take a file back in.
 */
class IgnoreChain {
  private readonly chains = new Map<string, Promise<RuleSet[]>>();
  private readonly gitRoot: Promise<string | undefined>;

  constructor(private readonly cwd: string, private readonly enabled: boolean) {
    this.gitRoot = findGitRoot(cwd);
  }

  /** The ignore file and pattern that leave this path out, or undefined. */
  async ignored(file: string, isFolder: boolean): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    // The decision the editor makes too (src/core/draft-files.ts), on '/'-separated paths.
    const sets = (await this.chain(path.dirname(file))).map((set) => ({ ...set, base: posix(set.base) }));
    return ignoredByFiles(sets, posix(file), isFolder);
  }

  /** As `ignored`, looking at each folder above the file (up to the root of the chain) first. */
  async ignoredWithFolders(file: string, isFolder = false): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    const chain = await this.chain(path.dirname(file));
    const top = chain[0]?.base;
    if (top !== undefined) {
      const folders: string[] = [];
      for (let dir = path.dirname(file); dir !== top && dir.startsWith(top); dir = path.dirname(dir)) folders.unshift(dir);
      for (const folder of folders) {
        const by = await this.ignored(folder, true);
        if (by) return by;
      }
    }
    return this.ignored(file, isFolder);
  }

  private chain(dir: string): Promise<RuleSet[]> {
    let chain = this.chains.get(dir);
    if (!chain) {
      chain = this.build(dir);
      this.chains.set(dir, chain);
    }
    return chain;
  }

  private async build(dir: string): Promise<RuleSet[]> {
    const parent = path.dirname(dir);
    const gitRoot = await this.gitRoot;
    const isTop = parent === dir || dir === gitRoot || fs.existsSync(path.join(dir, '.git')) || (gitRoot === undefined && dir === this.cwd);
    const above = isTop ? [] : await this.chain(parent);
    const own: RuleSet[] = [];
    for (const name of IGNORE_FILES) {
      const file = path.join(dir, name);
      let text: string;
      try {
        text = await readTextFile(file, READ_LIMITS.yamlBytes);
      } catch {
        continue; // absent or unreadable: an ignore file is a convenience, never a reason to stop
      }
      const { rules } = parseIgnoreFile(text);
      own.push({ base: dir, rules, source: posix(path.relative(this.cwd, file)) || name });
    }
    return [...above, ...own];
  }
}

async function findGitRoot(start: string): Promise<string | undefined> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

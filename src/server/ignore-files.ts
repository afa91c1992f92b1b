import { ignoredByFilesWithFolders, parseIgnoreFile, type IgnoreFileSet } from '../index';
import { isInside, joinUri, splitUri } from './uri';

/**
 * `.gitignore` and `.crosswalkignore` in the editor, as the CLI reads them (src/cli/files.ts): the
 * files of each folder from the workspace folder down to the draft's, `.gitignore` before
 * `.crosswalkignore` in each, the last matching pattern winning and a folder left out taking its
 * contents; the decision is src/core/draft-files.ts `ignoredByFilesWithFolders`, shared with the
 * CLI. Never read above the workspace folder. Kept until `forget` (a watched file changed, or
 * settings did).
 */
export const IGNORE_FILES = ['.gitignore', '.crosswalkignore'];
/** An ignore file longer than this is not read (the CLI's READ_LIMITS.yamlBytes, src/cli/read.ts). */
const MAX_CHARS = 1_000_000;

export interface IgnoreFiles {
  /** The ignore file and pattern that leave this draft out (`.gitignore ("old-*.md")`), or undefined. */
  ignoredBy(uri: string): Promise<string | undefined>;
  forget(): void;
}

export function createIgnoreFiles(readText: (uri: string) => Promise<string | undefined>, folderOf: (uri: string) => string | undefined, relative: (uri: string) => string): IgnoreFiles {
  const perFolder = new Map<string, Promise<IgnoreFileSet[]>>();

  /** The ignore files of the folder `dir` (a path) and of those above it up to `top`, top first. */
  function chain(base: string, top: string, dir: string): Promise<IgnoreFileSet[]> {
    const key = `${base}|${dir}`;
    let found = perFolder.get(key);
    if (!found) {
      found = (async () => {
        const parent = dir.slice(0, dir.lastIndexOf('/'));
        const above = dir === top || !dir.startsWith(`${top}/`) || parent === '' ? [] : await chain(base, top, parent);
        const own: IgnoreFileSet[] = [];
        for (const name of IGNORE_FILES) {
          const file = joinUri(base, `${dir}/${name}`);
          let text: string | undefined;
          try {
            text = await readText(file);
          } catch {
            text = undefined; // absent or unreadable: an ignore file is a convenience, never a reason to stop
          }
          if (text === undefined || text.length > MAX_CHARS) continue;
          own.push({ base: dir, rules: parseIgnoreFile(text).rules, source: relative(file) });
        }
        return [...above, ...own];
      })();
      perFolder.set(key, found);
    }
    return found;
  }

  return {
    async ignoredBy(uri) {
      const folder = folderOf(uri);
      const split = splitUri(uri);
      const top = folder ? splitUri(folder)?.path.replace(/\/+$/, '') : undefined;
      if (!split || top === undefined || !isInside(uri, folder!)) return undefined;
      const dir = split.path.slice(0, split.path.lastIndexOf('/'));
      return ignoredByFilesWithFolders(await chain(split.base, top, dir), split.path);
    },
    forget: () => perFolder.clear(),
  };
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '../core/paths';

/**
 * Symbolic links and the fence around the workspace (issue 9). src/core/paths.ts compares paths as
 * written; a link inside the folder (`team.yaml -> ~/.ssh/authorized_keys`) passes that test and
 * points elsewhere. The shells that touch the disk (the CLI, the language server on Node, the
 * desktop extension) resolve real paths here, through this one helper, before they read or
 * write. Node only: the engine itself (src/core) has no file access at all.
 */

/**
 * The real path of `file`, links resolved. For a file that does not exist yet (a glossary
 * "Add to glossary" is about to create), the real path of its nearest existing folder with the
 * rest of the path after it, so that a new file under a linked folder is fenced too.
 */
export async function realPath(file: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(file);
  for (;;) {
    try {
      const real = await fs.promises.realpath(current);
      return missing.length ? path.join(real, ...missing.reverse()) : real;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(current);
      // A dangling link is a link all the same: say where it points.
      if (code === 'ENOENT') {
        const target = await fs.promises.readlink(current).catch(() => undefined);
        if (target !== undefined) return realPath(path.resolve(path.dirname(current), target));
      }
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) return path.resolve(file);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Undefined when the real path of `file` lies inside the real path of one of `folders`; else the
 * real path it leads to, for a message that names it.
 */
export async function realPathOutside(file: string, folders: readonly string[]): Promise<string | undefined> {
  const real = await realPath(file);
  for (const folder of folders) {
    if (isInside(real, await realPath(folder))) return undefined;
  }
  return real;
}

/** The message for a path refused because of where a link leads. */
export function linkRefusal(shown: string, real: string, where = 'the workspace folder'): string {
  return `${shown} leads through a symbolic link to ${real}, outside ${where}; Crosswalk reads and writes no file outside it.`;
}

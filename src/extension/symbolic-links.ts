/**
 * The fence around the workspace where links cannot be resolved (issue 9). On Node the shells
 * resolve real paths (src/node/real-path.ts); a web extension host has only vscode.workspace.fs,
 * which can say that a path is a symbolic link (FileStat.type has FileType.SymbolicLink) but never
 * where it leads. There, a file reached through any link below its workspace folder is neither
 * read nor written: the client answers the browser language server's `crosswalk/readFile` and
 * `crosswalk/linkOnPath` with it (src/extension/client.ts). Pure, so that unit tests give it a
 * stat of their own.
 */

/** vscode.FileType.SymbolicLink: a bit of FileStat.type, with File or Directory beside it. */
export const SYMBOLIC_LINK = 64;

/**
 * The first path, from the one below `folder` down to `target` itself, that `stat` calls a
 * symbolic link; undefined when none is (or the rest of the path does not exist yet, as for a
 * glossary about to be created: the folders above it were checked). `stat` gives a FileStat's
 * `type`, or undefined for a path that does not exist. Paths are URI paths (`/ws/team.yaml`).
 */
export async function firstSymbolicLink(folder: string, target: string, stat: (path: string) => Promise<number | undefined>): Promise<string | undefined> {
  const root = folder.replace(/\/+$/, '');
  if (!target.startsWith(`${root}/`)) return undefined;
  let path = root;
  for (const part of target.slice(root.length + 1).split('/')) {
    if (part === '') continue;
    path = `${path}/${part}`;
    const type = await stat(path);
    if (type === undefined) return undefined;
    if ((type & SYMBOLIC_LINK) !== 0) return path;
  }
  return undefined;
}

/**
 * Path arithmetic for the fence that keeps Crosswalk's reads and writes inside the workspace
 * folder (or the config file's folder). Plain string work, no Node `path`: the engine also runs
 * in a browser, and the extension passes VS Code URI paths (always "/"-separated).
 */

/** Absolute on POSIX ("/x"), Windows ("C:\x", "C:/x", "\\server\x") or as a URI path ("/c:/x"). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * Resolves `.` and `..` segments and repeated separators, with "/" as the separator. A ".." that
 * would climb above the root stays at the root, as the file system does.
 */
export function normalisePath(path: string): string {
  const unified = path.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:/.exec(unified)?.[0] ?? /^\/[A-Za-z]:(?=\/|$)/.exec(unified)?.[0] ?? '';
  const rest = unified.slice(drive.length);
  const absolute = rest.startsWith('/');
  const out: string[] = [];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  return `${drive}${absolute ? '/' : ''}${body}` || '.';
}

/** `name` resolved against the folder `base` (unless it is absolute), normalised. */
export function resolvePath(base: string, name: string): string {
  return normalisePath(isAbsolutePath(name) ? name : `${base}/${name}`);
}

/** Whether `path` is `folder` or lies below it, comparing normalised paths segment by segment. */
export function isInside(path: string, folder: string): boolean {
  const p = normalisePath(path);
  const f = normalisePath(folder).replace(/\/$/, '');
  // Drive letters compare without case, as Windows does.
  const fold = (s: string) => s.replace(/^(\/?)([A-Za-z]):/, (_m, slash: string, d: string) => `${slash}${d.toLowerCase()}:`);
  const a = fold(p);
  const b = fold(f);
  return a === b || a.startsWith(b === '' ? '/' : `${b}/`);
}

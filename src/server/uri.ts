/**
 * Document URIs as the config search sees them: a fixed `scheme://authority` part and a decoded
 * path that src/core/config-discovery.ts walks upwards. Works for `file:` and for the virtual file
 * systems of vscode.dev and github.dev (`vscode-vfs://github/owner/repo/...`) alike, in Node and
 * in a web worker (no Node modules here).
 */
export interface SplitUri {
  /** `scheme://authority`, e.g. `file://` or `vscode-vfs://github`. */
  base: string;
  /** The decoded path, always starting with `/`. */
  path: string;
}

export function splitUri(uri: string): SplitUri | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(uri);
  if (!match) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(match[3] || '/');
  } catch {
    return undefined;
  }
  return { base: `${match[1]}://${match[2]}`, path: path.startsWith('/') ? path : `/${path}` };
}

/** Encodes each segment as VS Code does (`:` and spaces too), keeping the slashes. */
export function joinUri(base: string, path: string): string {
  return base + path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** Two spellings of the same URI (`%3A` or `:`, say) compare equal. */
export function sameUri(a: string, b: string): boolean {
  if (a === b) return true;
  const x = splitUri(a);
  const y = splitUri(b);
  return !!x && !!y && x.base.toLowerCase() === y.base.toLowerCase() && x.path === y.path;
}

/** The URI's folder, or the URI itself when it has no parent. */
export function dirnameUri(uri: string): string {
  const split = splitUri(uri);
  if (!split) return uri;
  const i = split.path.lastIndexOf('/');
  return joinUri(split.base, i <= 0 ? '/' : split.path.slice(0, i));
}

/** Whether `uri` is `folder` or lies inside it. */
export function isInside(uri: string, folder: string): boolean {
  const u = splitUri(uri);
  const f = splitUri(folder);
  if (!u || !f || u.base.toLowerCase() !== f.base.toLowerCase()) return false;
  const root = f.path.replace(/\/+$/, '');
  return u.path === root || u.path.startsWith(`${root}/`) || root === '';
}

/** A path with `.` and `..` segments resolved, so that a check of where it points cannot be fooled. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

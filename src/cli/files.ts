import * as fs from 'node:fs';
import * as path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const DRAFT = /\.(md|markdown)$/i;

/** Expands files, folders (recursively, Markdown only) and globs into a sorted list of drafts. */
export function expandPaths(inputs: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    if (/[*?[{]/.test(input)) {
      const matched = glob(input);
      if (matched.length === 0) missing.push(input);
      matched.forEach((f) => files.add(f));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) walk(input, (f) => DRAFT.test(f) && files.add(f));
    else files.add(input);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, visit: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full, visit);
    } else if (entry.isFile()) {
      visit(full);
    }
  }
}

/** A small glob: `*`, `**`, `?`, `[...]` and `{a,b}`, matched against paths below the fixed prefix. */
function glob(pattern: string): string[] {
  const normalised = pattern.split(path.sep).join('/');
  const parts = normalised.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?[{]/.test(part)) break;
    fixed.push(part);
  }
  const base = fixed.length ? fixed.join('/') || '/' : '.';
  const re = globToRegExp(normalised);
  const out: string[] = [];
  const visit = (file: string) => {
    const rel = file.split(path.sep).join('/');
    const candidate = base === '.' && !normalised.startsWith('./') ? rel.replace(/^\.\//, '') : rel;
    if (re.test(candidate)) out.push(file);
  };
  if (fs.existsSync(base) && fs.statSync(base).isDirectory()) walk(base, visit);
  return out;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`;
      i = end;
    } else if (ch === '[') {
      const end = glob.indexOf(']', i);
      re += glob.slice(i, end + 1);
      i = end;
    } else re += escape(ch);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

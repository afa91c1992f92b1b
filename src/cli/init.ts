import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, resolveAudience, VALID_AUDIENCE_NAMES } from '../index';
import { flag, parseOptions, UsageError, value } from './args';
import type { Io } from './io';

export const INIT_USAGE = `Usage: crosswalk init [--audience A]

Writes a starter .crosswalk.yaml in this folder, with comments on each setting
(audience, rules, glossaries, files and ignore). It never overwrites one.`;

/** The starter config: every setting explained, the optional ones commented out. */
export function starterConfig(audience = 'all'): string {
  return `# Crosswalk settings for the drafts in this folder and below. The editor, the
# CLI (crosswalk check) and the language server all read this file.
# Every setting is optional; see README.md, "Configuration".

# Who reads a draft whose front matter names no audience: clinical, admin, it,
# or all (a broad message that must work for each). A list means each of them.
audience: ${audience}

# Severity per rule: off, info, warning or error. \`crosswalk rules\` lists the
# rules and their defaults.
rules: {}
#  passive-voice: off
#  placeholder: error

# Team glossaries (YAML, relative to this file): your terms, who knows them and
# what to say instead. \`crosswalk explain TERM\` shows an entry.
glossaries: []
#  - .crosswalk/glossary.yaml

# Terms accepted in every draft.
allow: []
#  - Epic

# Which files are drafts, as .gitignore patterns relative to this file: a name
# with no slash matches at any depth, a folder takes in its Markdown files.
# Unset, every *.md and *.markdown is a draft.
# files:
#   - docs/
#   - runbooks/**/*.md

# Files that are not drafts, as .gitignore patterns (a .crosswalkignore file
# works too, and .gitignore is respected).
ignore:
  - README.md
  - CHANGELOG.md
`;
}

export async function init(argv: string[], io: Io): Promise<number> {
  const parsed = parseOptions(argv, { '--audience': { value: true }, '--help': { aliases: ['-h'] } });
  if (flag(parsed, '--help')) {
    io.out(INIT_USAGE);
    return 0;
  }
  if (parsed.positionals.length) throw new UsageError(`init takes no paths (it writes .crosswalk.yaml in the current folder), not "${parsed.positionals[0]}".`);
  const audience = value(parsed, '--audience') ?? 'all';
  const resolved = resolveAudience(audience);
  if (resolved.unknown.length || !resolved.audience) throw new UsageError(`unknown audience "${audience}". Valid audiences: ${VALID_AUDIENCE_NAMES.join(', ')}.`);
  for (const name of CONFIG_FILE_NAMES) {
    if (fs.existsSync(path.join(io.cwd, name))) {
      io.err(`crosswalk: ${name} already exists here; it was not changed.`);
      return 2;
    }
  }
  const target = path.join(io.cwd, CONFIG_FILE_NAMES[0]);
  try {
    // 'wx': fails if the file appeared meanwhile, so an existing config is never overwritten.
    await fs.promises.writeFile(target, starterConfig(audience), { flag: 'wx' });
  } catch (error) {
    io.err(`crosswalk: cannot write ${target}: ${(error as Error).message}`);
    return 2;
  }
  io.out(`Wrote ${CONFIG_FILE_NAMES[0]}: audience ${audience}, README.md and CHANGELOG.md left out. Run \`crosswalk check .\` to check your drafts.`);
  return 0;
}

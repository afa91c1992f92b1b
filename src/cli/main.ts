import * as fs from 'node:fs';
import * as path from 'node:path';
import { audiences, createLinter, discoverConfig, VALID_AUDIENCE_NAMES, rules, type Finding, type LintResult, type LoadedConfig } from '../index';
import { expandPaths } from './files';
import { formatGithub, formatText, summary } from './format';

const USAGE = `Usage: crosswalk check PATH... [options]

Checks Markdown drafts for the audience that will read them: jargon, undefined
acronyms, hard sentences and template blanks. PATH may be a file, a folder
(every *.md below it), a glob ("docs/**/*.md"), or - for standard input.

Options:
  --audience A      audience for drafts that name none: ${VALID_AUDIENCE_NAMES.join(', ')}
                    (a comma list means the text must work for each)
  --config FILE     use this config instead of .crosswalk.yaml found upwards
  --format F        text (default), json, or github (annotations for
                    GitHub Actions: the findings appear on the pull request)
  --exit-zero       exit 0 even when a finding is an error
  -h, --help        show this help
  -v, --version     show the version

Other commands:
  crosswalk rules   list the rules with their default severity
  crosswalk lsp     the language server for editors, on stdio (--stdio accepted)

Exit codes: 0 no errors, 1 an error finding, 2 bad usage or unreadable file.
Nothing is sent anywhere: Crosswalk makes no network calls.`;

declare const CROSSWALK_VERSION: string | undefined;

interface Args {
  command?: string;
  paths: string[];
  audience?: string;
  config?: string;
  format: 'text' | 'json' | 'github';
  exitZero: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { paths: [], format: 'text', exitZero: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string) => {
      const eq = arg.indexOf('=');
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value.`);
      return next;
    };
    if (arg === '-h' || arg === '--help') args.command = 'help';
    else if (arg === '-v' || arg === '--version') args.command = 'version';
    else if (arg.startsWith('--audience')) args.audience = value('--audience');
    else if (arg.startsWith('--config')) args.config = value('--config');
    else if (arg.startsWith('--format')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'github') throw new UsageError(`--format must be text, json or github, not "${f}".`);
      args.format = f;
    } else if (arg === '--exit-zero') args.exitZero = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}.`);
    else if (!args.command) args.command = arg;
    else args.paths.push(arg);
  }
  return args;
}

/** Standard input as text: a draft piped from an editor or another tool. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Paths inside the working folder print relative, as the drafts given on the command line do. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

const readIfExists = async (file: string): Promise<string | undefined> => {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
};

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void, stdin: () => Promise<string> = readStdin): Promise<number> {
  if (argv[0] === 'lsp') {
    // Started by an editor: speaks LSP (stdio unless --node-ipc, --socket or --pipe says otherwise) until the editor exits it.
    (await import('../server/node')).startNodeServer(argv.slice(1));
    return new Promise<number>(() => {});
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    err(`crosswalk: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.command === 'help' || args.command === undefined) {
    (args.command ? out : err)(USAGE);
    return args.command ? 0 : 2;
  }
  if (args.command === 'version') {
    out(typeof CROSSWALK_VERSION === 'string' ? CROSSWALK_VERSION : 'dev');
    return 0;
  }
  if (args.command === 'rules') {
    for (const rule of rules) out(`${rule.id.padEnd(18)} ${rule.defaultSeverity.padEnd(8)} ${rule.description}`);
    return 0;
  }
  if (args.command !== 'check') {
    err(`crosswalk: unknown command "${args.command}".\n\n${USAGE}`);
    return 2;
  }
  if (args.paths.length === 0) {
    err(`crosswalk: check needs at least one file, folder or glob.\n\n${USAGE}`);
    return 2;
  }
  /** The --audience value when it names no audience of this config (a team audience lives in .crosswalk.yaml). */
  const unknownAudience = (config?: LoadedConfig['config']): string | undefined => {
    if (args.audience === undefined) return undefined;
    const catalog = audiences(config);
    const resolved = catalog.resolve(args.audience);
    if (!resolved.unknown.length && resolved.audience) return undefined;
    return `crosswalk: unknown audience "${resolved.unknown.join(', ') || args.audience}". Valid audiences: ${catalog.validNames.join(', ')}.`;
  };

  const fromStdin = args.paths.includes('-');
  const expanded = expandPaths(args.paths.filter((p) => p !== '-'));
  const files = fromStdin ? ['-', ...expanded.files] : expanded.files;
  const missing = expanded.missing;
  let usageProblem = false;
  for (const m of missing) {
    err(`crosswalk: no such file or folder: ${m}`);
    usageProblem = true;
  }

  if (files.length === 0 && unknownAudience()) {
    err(unknownAudience() as string);
    return 2;
  }

  const configs = new Map<string, Promise<LoadedConfig>>();
  const loadFor = (file: string): Promise<LoadedConfig> => {
    const key = args.config ? path.resolve(args.config) : path.dirname(path.resolve(file));
    let loaded = configs.get(key);
    if (!loaded) {
      loaded = discoverConfig(path.dirname(path.resolve(file)), readIfExists, args.config ? path.resolve(args.config) : undefined);
      configs.set(key, loaded);
    }
    return loaded;
  };

  const results: ({ path: string } & LintResult)[] = [];
  const configProblems = new Map<string, Finding[]>();
  for (const file of files) {
    let text: string;
    let loaded: LoadedConfig;
    try {
      loaded = await loadFor(file);
    } catch (error) {
      err(`crosswalk: ${(error as Error).message}`);
      return 2;
    }
    const badAudience = unknownAudience(loaded.config);
    if (badAudience) {
      err(badAudience);
      return 2;
    }
    for (const problem of loaded.problems) configProblems.set(displayPath(problem.path), problem.findings);
    try {
      text = file === '-' ? await stdin() : await fs.promises.readFile(file, 'utf8');
    } catch (error) {
      err(`crosswalk: cannot read ${file}: ${(error as Error).message}`);
      usageProblem = true;
      continue;
    }
    const linter = createLinter({ audience: args.audience, path: file, config: loaded.config, glossaries: loaded.glossaries });
    results.push({ path: file === '-' ? '<stdin>' : file, ...linter.lint(text) });
  }

  // Problems in config and glossary files come first, as files of their own with no audience.
  const all = [...[...configProblems].map(([p, findings]) => ({ path: p, audience: [], stats: null, findings })), ...results];
  if (args.format === 'json') {
    out(JSON.stringify({ version: 1, files: all }, null, 2));
  } else {
    const text = (args.format === 'github' ? formatGithub : formatText)(all);
    if (text) out(text);
    out(summary(all, files.length));
  }
  if (usageProblem) return 2;
  const hasError = all.some((r) => r.findings.some((f) => f.severity === 'error'));
  return hasError && !args.exitZero ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`crosswalk: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

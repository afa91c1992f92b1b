import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  audiences, createDraftFilter, createLinter, discoverConfig, rules, VALID_AUDIENCE_NAMES,
  type CrosswalkConfig, type DraftFilter, type Finding, type LintResult, type LoadedConfig, type RuleLevel,
} from '../index';
import { flag, parseOptions, UsageError, value, values, type OptionSpec } from './args';
import { collectDrafts } from './files';
import { fixSafely, unifiedDiff } from './fix';
import { countFindings, formatGithub, formatText, paintWith, summary, type FileReport } from './format';
import type { Io } from './io';
import { realPath } from '../node/real-path';
import { READ_LIMITS, readIfExists, readTextFile } from './read';
import { formatSarif } from './sarif';

export const CHECK_USAGE = `Usage: crosswalk check [PATH...] [options]

Checks Markdown drafts for the audience that will read them: jargon, undefined
acronyms, hard sentences, template blanks and PHI. PATH may be a file, a folder
(every *.md and *.markdown below it), a glob ("docs/**/*.md"), or - for
standard input. .gitignore, .crosswalkignore and files:/ignore: in
.crosswalk.yaml leave files out.

Options:
  --audience A          audience for drafts that name none: ${VALID_AUDIENCE_NAMES.join(', ')}
                        (a comma list means the text must work for each)
  --config FILE         use this config instead of .crosswalk.yaml found upwards
  --rule RULE=LEVEL     set a rule to off, info, warning or error (repeatable)
  --format F            text (default), json, sarif (GitHub code scanning), or
                        github (annotations on a pull request)
  -o, --output FILE     write the report to FILE instead of standard output
  --quiet               report errors only
  --max-warnings N      exit 1 when there are more than N warnings
  --fix                 apply the fixes marked safe (such as spelling out an
                        acronym at its first use) and nothing else
  --fix-dry-run         print the safe fixes as a diff; write nothing
  --stdin               read one draft from standard input (as PATH -)
  --stdin-filename NAME the name of that draft, for its config and the report
  --no-ignore           do not read .gitignore and .crosswalkignore
  --no-color            no colour (also: NO_COLOR=1); --color forces it
  --exit-zero           exit 0 even when a finding is an error

Exit codes: 0 no errors (and warnings within --max-warnings); 1 an error, or
more warnings than --max-warnings; 2 bad usage, a file that cannot be read or
checked, or a broken .crosswalk.yaml (the message names the file and line).
Nothing is sent anywhere: Crosswalk makes no network calls.`;

const SPECS: Record<string, OptionSpec> = {
  '--audience': { value: true },
  '--config': { value: true },
  '--rule': { value: true, repeat: true },
  '--format': { value: true, aliases: ['-f'] },
  '--output': { value: true, aliases: ['-o'] },
  '--quiet': { aliases: ['-q'] },
  '--max-warnings': { value: true },
  '--fix': {},
  '--fix-dry-run': {},
  '--stdin': {},
  '--stdin-filename': { value: true },
  '--no-ignore': {},
  '--no-color': { aliases: ['--no-colour'] },
  '--color': { aliases: ['--colour'] },
  '--exit-zero': {},
  '--help': { aliases: ['-h'] },
};

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];
const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];
/** Shown before the first draft is done when checking at least this many on a terminal. */
const PROGRESS_FROM = 20;

interface DraftReport extends FileReport {
  absolute?: string;
  text?: string;
  result?: LintResult;
}

type Loaded = { loaded: LoadedConfig; error?: undefined } | { loaded?: undefined; error: string };

export async function check(argv: string[], io: Io, version: string): Promise<number> {
  const parsed = parseOptions(argv, SPECS);
  if (flag(parsed, '--help')) {
    io.out(CHECK_USAGE);
    return 0;
  }
  const format = (value(parsed, '--format') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}".`);
  const audience = value(parsed, '--audience');
  /** The message when --audience names no audience of this config (team audiences live in .crosswalk.yaml), else undefined. */
  const unknownAudience = (config?: CrosswalkConfig): string | undefined => {
    if (audience === undefined) return undefined;
    const catalog = audiences(config);
    const resolved = catalog.resolve(audience);
    if (!resolved.unknown.length && resolved.audience) return undefined;
    return `unknown audience "${resolved.unknown.join(', ') || audience}". Valid audiences: ${catalog.validNames.join(', ')}.`;
  };
  const ruleOverrides: Record<string, RuleLevel> = {};
  for (const spec of values(parsed, '--rule')) {
    const m = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(spec);
    if (!m) throw new UsageError(`--rule takes RULE=LEVEL, such as --rule passive-voice=off, not "${spec}".`);
    const [, id, level] = m;
    if (!rules.some((r) => r.id === id)) throw new UsageError(`--rule: unknown rule "${id}". Rules: ${rules.map((r) => r.id).join(', ')}.`);
    if (!(LEVELS as readonly string[]).includes(level.toLowerCase())) throw new UsageError(`--rule ${id}: "${level}" is not a level; use off, info, warning or error.`);
    ruleOverrides[id] = level.toLowerCase() as RuleLevel;
  }
  let maxWarnings: number | undefined;
  const maxWarningsText = value(parsed, '--max-warnings');
  if (maxWarningsText !== undefined) {
    if (!/^\d+$/.test(maxWarningsText)) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarningsText}".`);
    maxWarnings = Number(maxWarningsText);
  }
  const fix = flag(parsed, '--fix');
  const dryRun = flag(parsed, '--fix-dry-run');
  const quiet = flag(parsed, '--quiet');
  const stdinName = value(parsed, '--stdin-filename');
  const fromStdin = flag(parsed, '--stdin') || parsed.positionals.includes('-');
  const inputs = parsed.positionals.filter((p) => p !== '-');
  if (!fromStdin && inputs.length === 0) throw new UsageError('check needs at least one file, folder or glob (or --stdin).');
  if (fix && fromStdin) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the changes as a diff.');
  if (stdinName !== undefined && !fromStdin) throw new UsageError('--stdin-filename goes with --stdin (or -).');
  const outputFile = value(parsed, '--output');
  const colour = flag(parsed, '--no-color') ? false : flag(parsed, '--color') || (outputFile === undefined && io.stdoutIsTTY && !io.env.NO_COLOR && format === 'text');

  const cwd = io.cwd;
  const explicitConfig = value(parsed, '--config');
  const configPath = explicitConfig ? path.resolve(cwd, explicitConfig) : undefined;
  let status = 0;
  const fail = (message: string) => {
    io.err(`crosswalk: ${message}`);
    status = 2;
  };

  // One config per folder (or the one --config names); a config that cannot be read is said once.
  const configs = new Map<string, Promise<Loaded>>();
  const loadFor = (file: string): Promise<Loaded> => {
    const dir = path.dirname(file);
    const key = configPath ?? dir;
    let loaded = configs.get(key);
    if (!loaded) {
      // Team glossaries are read only inside the config's folder or the working folder (src/core/paths.ts).
      loaded = discoverConfig(dir, (p) => readIfExists(p), configPath, { root: cwd, realPath }).then(
        (l): Loaded => ({ loaded: l }),
        (error: unknown): Loaded => ({ error: (error as Error).message }),
      );
      configs.set(key, loaded);
    }
    return loaded;
  };
  const filters = new WeakMap<LoadedConfig, DraftFilter>();
  const defaultFilter = createDraftFilter();
  const filterFor = async (file: string) => {
    const l = await loadFor(file);
    if (!l.loaded) return { filter: defaultFilter, base: cwd };
    let filter = filters.get(l.loaded);
    if (!filter) {
      filter = createDraftFilter(l.loaded.config);
      filters.set(l.loaded, filter);
    }
    return { filter, base: l.loaded.path ? path.dirname(l.loaded.path) : cwd };
  };

  const builtinOnly = unknownAudience();
  const collected = await collectDrafts(inputs, { cwd, ignoreFiles: !flag(parsed, '--no-ignore'), filterFor });
  for (const problem of collected.problems) fail(problem);
  for (const { file, reason } of collected.skipped) io.err(`crosswalk: skipped ${display(file, cwd)}: ${reason}`);

  const stdinPath = stdinName !== undefined ? path.resolve(cwd, stdinName) : undefined;
  const drafts: (string | undefined)[] = [...(fromStdin ? [undefined] : []), ...collected.files];
  if (drafts.length === 0 && builtinOnly) throw new UsageError(builtinOnly);
  if (outputFile !== undefined) {
    const target = path.resolve(cwd, outputFile);
    if (collected.files.includes(target) || target === stdinPath) throw new UsageError(`--output ${outputFile} is one of the drafts being checked; it would be overwritten.`);
  }

  const reports: DraftReport[] = [];
  const configReports = new Map<string, FileReport>();
  const saidConfigError = new Set<string>();
  const diffs: string[] = [];
  let fixed = 0;
  let fixedDrafts = 0;
  const progress = io.stderrIsTTY && drafts.length >= PROGRESS_FROM ? new Progress(io, drafts.length) : undefined;

  for (const [i, draft] of drafts.entries()) {
    const shown = draft === undefined ? (stdinName ?? '<stdin>') : display(draft, cwd);
    progress?.update(i, shown);
    const l = await loadFor(draft ?? stdinPath ?? path.join(cwd, '<stdin>'));
    if (!l.loaded) {
      if (!saidConfigError.has(l.error)) fail(l.error);
      saidConfigError.add(l.error);
      fail(`${shown} was not checked: its config could not be read.`);
      continue;
    }
    const badAudience = unknownAudience(l.loaded.config);
    if (badAudience) {
      if (!saidConfigError.has(badAudience)) fail(badAudience);
      saidConfigError.add(badAudience);
      continue;
    }
    for (const problem of l.loaded.problems) {
      const shownConfig = display(problem.path, cwd);
      if (configReports.has(shownConfig)) continue;
      configReports.set(shownConfig, { path: shownConfig, findings: problem.findings });
      // A broken .crosswalk.yaml (YAML that does not parse, a value that is not a map) exits 2.
      if (problem.path === l.loaded.path) {
        for (const f of problem.findings.filter((x) => x.severity === 'error')) fail(`${shownConfig}:${f.range.start.line}:${f.range.start.column}: ${f.message}`);
      }
    }
    let text: string;
    try {
      text = draft === undefined ? await io.stdin() : await readTextFile(draft, READ_LIMITS.draftBytes);
    } catch (error) {
      fail(`cannot read ${shown}: ${(error as Error).message}`);
      continue;
    }
    // --rule sets the level and keeps the rule's options from the config (`{level, patterns}`).
    const configRules = { ...l.loaded.config.rules };
    for (const [id, level] of Object.entries(ruleOverrides)) {
      const existing = configRules[id];
      configRules[id] = typeof existing === 'object' && existing !== null ? { ...existing, level } : level;
    }
    const config: CrosswalkConfig = { ...l.loaded.config, rules: configRules };
    let result: LintResult;
    let lintText: (t: string) => LintResult;
    try {
      const linter = createLinter({ audience, path: draft ?? stdinPath ?? stdinName, config, glossaries: l.loaded.glossaries, configPath: l.loaded.path });
      lintText = (t: string) => linter.lint(t);
      result = lintText(text);
    } catch (error) {
      fail(`${shown} could not be checked: ${(error as Error).message}`);
      reports.push({ path: shown, absolute: draft, text, findings: [couldNotCheck(error)] });
      continue;
    }
    if (fix || dryRun) {
      let outcome: ReturnType<typeof fixSafely>;
      try {
        outcome = fixSafely(text, lintText, result);
      } catch (error) {
        fail(`${shown}: the safe fixes could not be applied: ${(error as Error).message}`);
        outcome = { text, applied: 0, result };
      }
      if (outcome.text !== text) {
        fixed += outcome.applied;
        fixedDrafts++;
        if (dryRun) diffs.push(unifiedDiff(posixPath(shown), text, outcome.text));
        else if (draft !== undefined) {
          const written = await writeIfUnchanged(draft, text, outcome.text);
          if (written !== true) {
            fail(`${shown} was not fixed: ${written}`);
            outcome = { text, applied: 0, result };
          }
        }
        text = outcome.text;
        result = outcome.result;
      }
    }
    reports.push({ path: shown, absolute: draft, text, result, findings: result.findings });
  }
  progress?.done();

  const all: DraftReport[] = [...configReports.values(), ...reports];
  const counts = countFindings(all);
  const shownReports = quiet ? all.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : all;
  const checked = reports.length;

  let output: string;
  if (dryRun) {
    output = diffs.join('\n');
    io.err(`crosswalk: ${fixed} safe fix${fixed === 1 ? '' : 'es'} in ${fixedDrafts} draft${fixedDrafts === 1 ? '' : 's'} would be applied (dry run: nothing written).`);
  } else if (format === 'json') {
    output = JSON.stringify({
      version: 1,
      files: shownReports.map((r) => (r.result ? { path: r.path, ...r.result, findings: r.findings } : { path: r.path, audience: [], stats: null, findings: r.findings })),
    }, null, 2);
  } else if (format === 'sarif') {
    output = formatSarif(shownReports, { cwd, version });
  } else if (format === 'github') {
    output = formatGithub(shownReports, checked);
  } else {
    const body = formatText(shownReports, paintWith(colour));
    // With nothing checked because of a problem already said on standard error, no "No problems" line.
    output = (body ? `${body}\n\n` : '') + (checked === 0 && status !== 0 ? '' : summary(shownReports, checked));
    if (fix && fixed) output += `\nFixed ${fixed} finding${fixed === 1 ? '' : 's'} in ${fixedDrafts} draft${fixedDrafts === 1 ? '' : 's'} (safe fixes only).`;
  }
  if (outputFile !== undefined) {
    try {
      await fs.promises.writeFile(path.resolve(cwd, outputFile), output + '\n');
    } catch (error) {
      fail(`cannot write ${outputFile}: ${(error as Error).message}`);
    }
  } else if (output) io.out(output);

  if (status) return status;
  if (flag(parsed, '--exit-zero')) return 0;
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    io.err(`crosswalk: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}.`);
    return 1;
  }
  return 0;
}

function couldNotCheck(error: unknown): Finding {
  const at = { line: 1, column: 1, offset: 0 };
  return {
    ruleId: 'check-failed', severity: 'error', audience: [], fixes: [], range: { start: at, end: at },
    message: `Crosswalk could not check this draft: ${(error as Error)?.message ?? String(error)}`,
  };
}

/** Writes the fixed text only if the file still holds what was checked. */
async function writeIfUnchanged(file: string, before: string, after: string): Promise<true | string> {
  let now: string;
  try {
    now = await readTextFile(file, READ_LIMITS.draftBytes);
  } catch (error) {
    return (error as Error).message;
  }
  if (now !== before) return 'it changed while it was being checked';
  try {
    await fs.promises.writeFile(file, after);
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Paths inside the working folder print relative, as the drafts given on the command line do. */
export function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

const posixPath = (p: string) => p.split(path.sep).join('/');

/** `[12/340] docs/notice.md` on one rewritten line of standard error, at most ten times a second. */
class Progress {
  private last = 0;
  constructor(private readonly io: Io, private readonly total: number) {}
  update(i: number, file: string): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const columns = this.io.columns || 80; // a terminal that reports no width (0) gets 80
    const line = `[${i + 1}/${this.total}] ${file}`;
    this.io.writeErr(`\r\u001b[K${line.length > columns - 1 ? line.slice(0, columns - 2) + '…' : line}`);
  }
  done(): void {
    this.io.writeErr('\r\u001b[K');
  }
}

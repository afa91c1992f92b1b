import { rules } from '../index';
import { UsageError } from './args';
import { check, CHECK_USAGE } from './check';
import { explain, EXPLAIN_USAGE } from './explain';
import { init, INIT_USAGE } from './init';
import { processIo, readStdin, type Io } from './io';

declare const CROSSWALK_VERSION: string | undefined;
const VERSION = typeof CROSSWALK_VERSION === 'string' ? CROSSWALK_VERSION : '0.0.0-dev';

/**
 * A subcommand: `run` gets the arguments after its name and returns the exit code. A
 * `UsageError` it throws prints the message and the command's usage, and exits 2. To add one
 * (`crosswalk lsp`, say), add an entry here.
 */
export interface Command {
  summary: string;
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

const RULES_USAGE = `Usage: crosswalk rules [--json]

Lists the rules with their default severity and what each checks.`;

export const COMMANDS: Record<string, Command> = {
  check: { summary: 'check drafts (the default use)', usage: CHECK_USAGE, run: (argv, io) => check(argv, io, VERSION) },
  init: { summary: 'write a starter .crosswalk.yaml here', usage: INIT_USAGE, run: init },
  explain: { summary: 'print the glossary entry for a term', usage: EXPLAIN_USAGE, run: explain },
  rules: { summary: 'list the rules with their defaults', usage: RULES_USAGE, run: listRules },
  lsp: {
    summary: 'the language server for editors, on stdio (--stdio accepted)',
    usage: 'Usage: crosswalk lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n\nSpeaks the Language Server Protocol until the editor ends it.',
    run: async (argv) => {
      // Started by an editor: speaks LSP (stdio unless --node-ipc, --socket or --pipe says otherwise) until the editor exits it.
      (await import('../server/node')).startNodeServer(argv);
      return new Promise<number>(() => {});
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const list = Object.entries(COMMANDS).map(([name, c]) => `  crosswalk ${name.padEnd(width)}  ${c.summary}`).join('\n');
  return `${CHECK_USAGE}\n\nCommands:\n${list}\n  crosswalk --version\n\`crosswalk COMMAND --help\` describes each.`;
}

async function listRules(argv: string[], io: Io): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.out(RULES_USAGE);
    return 0;
  }
  const unknown = argv.find((a) => a !== '--json');
  if (unknown) throw new UsageError(`rules takes only --json, not "${unknown}".`);
  // Each rule's metadata (src/core/document.ts RuleMeta): title, description, default, options.
  const list = rules;
  if (argv.includes('--json')) {
    io.out(JSON.stringify({ version: 1, rules: list }, null, 2));
    return 0;
  }
  const width = Math.max(...list.map((r) => r.id.length));
  for (const rule of list) {
    io.out(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.title}: ${rule.description}`);
    for (const [name, option] of Object.entries(rule.options ?? {})) {
      const allowed = option.type === 'array' ? 'a list of text' : option.enum ? option.enum.join(' | ') : option.type;
      io.out(`${' '.repeat(width + 11)}option ${name} (${allowed}): ${option.description}`);
    }
  }
  io.out(`\nSet a rule in .crosswalk.yaml (rules: { passive-voice: off }) or for one run (--rule passive-voice=off).`);
  return 0;
}

/**
 * Runs the CLI. `out` and `err` take lines; standard input is read only when a draft comes from
 * it. Returns the exit code: 0 clean, 1 findings over the limits, 2 usage or input problems.
 */
export async function main(argv: string[], out?: (s: string) => void, err?: (s: string) => void, stdin: () => Promise<string> = readStdin): Promise<number> {
  const base = processIo();
  const io: Io = { ...base, ...(out ? { out, stdoutIsTTY: false } : {}), ...(err ? { err, writeErr: () => {}, stderrIsTTY: false } : {}), stdin };
  const [first, ...rest] = argv;
  if (first === '-v' || first === '--version') {
    io.out(VERSION);
    return 0;
  }
  if (first === '-h' || first === '--help') {
    io.out(usage());
    return 0;
  }
  if (first === undefined) {
    io.err(usage());
    return 2;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.err(`crosswalk: unknown command "${first}". Commands: ${Object.keys(COMMANDS).join(', ')}.\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`crosswalk: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`crosswalk: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

import { READ_LIMITS } from './read';

/** What a command may touch of its process: tests and the language server can pass their own. */
export interface Io {
  /** A line (or lines) of output. */
  out(s: string): void;
  /** A line of messages on standard error. */
  err(s: string): void;
  /** Raw text on standard error, for the progress line. */
  writeErr(s: string): void;
  stdin(): Promise<string>;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns?: number;
  env: Record<string, string | undefined>;
}

/** Standard input as text (a draft piped from an editor or another tool), up to the draft size limit. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > READ_LIMITS.draftBytes) {
      process.stdin.destroy();
      throw new Error(`standard input is more than the ${READ_LIMITS.draftBytes / 1_000_000} MB Crosswalk reads`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    writeErr: (s) => process.stderr.write(s),
    stdin: readStdin,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    env: process.env,
  };
}

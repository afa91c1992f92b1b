// Runs the CLI in this process from a given folder, capturing what it prints: the CLI's tests on
// files and links (safety-files.test.ts, safety-links.test.ts) share it.
import { main } from '../../src/cli/main';

export async function runCli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, (s) => out.push(s), (s) => err.push(s), async () => '');
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.chdir(before);
  }
}

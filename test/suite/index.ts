// Entry point of the extension-host test suite: VS Code (or code-server) loads out/suite/index.js
// as `extensionTestsPath` and calls run(). Runs Mocha over the compiled test/suite/**/*.test.ts.
//
// Environment (set by scripts/vscode-host/run.mjs through extensionEnvironment / extensionTestsEnv):
//   CROSSWALK_TEST_REPORT  file that receives the spec reporter's output and a final
//                          `HOST-RESULT passed=N failed=N pending=N` line (the browser console
//                          of the code-server route would get Mocha's output unformatted)
//   CROSSWALK_TEST_GREP    regular expression: run only the tests whose full title matches
//   CROSSWALK_TEST_MODE    `dev` (extensionDevelopmentPath) or `vsix` (the installed package)
//   CROSSWALK_TEST_RELOAD  a state file: the suite may reload the window, and runs again after it
//                          (test/suite/reload.test.ts)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';

function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function run(): Promise<void> {
  // Mocha 12 is an ES module: import() loads it in any extension host (require() of ESM needs Node >= 20.19).
  const { default: Mocha } = await import('mocha');
  const reportFile = process.env.CROSSWALK_TEST_REPORT;
  // After a window reload (run.mjs --reload) the suite runs again in a new host: the report goes on.
  const reloaded = Boolean(process.env.CROSSWALK_TEST_RELOAD && fs.existsSync(process.env.CROSSWALK_TEST_RELOAD));
  if (reportFile && !reloaded) fs.writeFileSync(reportFile, '');
  const write = (text: string): void => {
    if (reportFile) fs.appendFileSync(reportFile, text + '\n');
    console.log(text);
  };

  // Every built-in reporter prints through Base.consoleLog: send it to the report file.
  const Base = Mocha.reporters.Base;
  const originalConsoleLog = Base.consoleLog;
  Base.consoleLog = (...data: unknown[]) => write(format(...data));

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, slow: 5_000 });
  const grep = process.env.CROSSWALK_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  write(`Crosswalk extension-host suite (mode ${process.env.CROSSWALK_TEST_MODE ?? 'dev'}${grep ? `, grep /${grep}/` : ''})`);

  let passed = 0;
  let failed = 0;
  let pending = 0;
  try {
    for (const file of findTestFiles(__dirname)) mocha.addFile(file);
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
      runner.on('pending', () => pending++);
    });
  } catch (error) {
    // A test file that throws while loading lands here: count it as a failure, not a silent zero.
    failed++;
    write(`Suite error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    Base.consoleLog = originalConsoleLog;
  }
  write(`HOST-RESULT passed=${passed} failed=${failed} pending=${pending}`);
  if (failed > 0) throw new Error(`${failed} extension-host test(s) failed`);
}

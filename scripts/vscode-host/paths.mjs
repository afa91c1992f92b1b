// Where the extension-host test route keeps its tools. Shared by setup.mjs and run.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testDir = path.join(root, '.vscode-test');
const node24Dir = path.join(testDir, 'node24');
const nodeArch = { x64: 'x64', arm64: 'arm64' }[process.arch] ?? process.arch;
// `npm install node@24` puts the real binary in a platform package below the `node` package.
const node24Home = path.join(node24Dir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${nodeArch}`);
const codeServerDir = path.join(testDir, 'code-server');

export const paths = {
  root,
  testDir,
  chromium: process.env.CROSSWALK_CHROMIUM ?? '/usr/bin/chromium',
  node24Dir,
  node24Home,
  node24Bin: path.join(node24Home, 'bin', 'node'),
  node24Stamp: path.join(node24Dir, '.installed'),
  codeServerDir,
  codeServerBin: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  codeServerStamp: path.join(codeServerDir, '.installed'),
};

// Copies retext-simplify's phrase list and retext-passive's participles (both MIT) into
// data/vendor/, because neither package exports them (their package.json "exports" names only
// index.js). test/unit/vendor-data.test.ts fails when the copies differ from the installed
// packages: run `node scripts/vendor-phrase-lists.mjs` after upgrading either package.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(pathToFileURL(path.join(root, 'node_modules', file)).href);

export async function vendorLists() {
  const { patterns } = await load('retext-simplify/lib/patterns.js');
  const { list } = await load('retext-passive/lib/list.js');
  const version = (name) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    'data/vendor/retext-simplify-patterns.json': JSON.stringify({ source: `retext-simplify ${version('retext-simplify')} lib/patterns.js (MIT)`, patterns }, null, 1) + '\n',
    'data/vendor/retext-passive-list.json': JSON.stringify({ source: `retext-passive ${version('retext-passive')} lib/list.js (MIT)`, list }, null, 1) + '\n',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const [file, text] of Object.entries(await vendorLists())) fs.writeFileSync(path.join(root, file), text);
}

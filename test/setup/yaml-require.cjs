// Lets tests, scripts and the CLI run through tsx see what esbuild.js gives the bundles: data/*.yaml
// imported as parsed plain data, and the dependency patches of scripts/source-patches.cjs
// (micromark's linear data merge among them), so that unit tests check the parser that ships.
const fs = require('node:fs');
const YAML = require('yaml');
const { patchFor, patchSource } = require('../../scripts/source-patches.cjs');

require.extensions['.yaml'] = (module, filename) => {
  module.exports = YAML.parse(fs.readFileSync(filename, 'utf8'));
};

// tsx reads each module's source with fs.readFileSync before it transforms it: the patched files
// (two, by path) are read patched; every other read is untouched.
const readFileSync = fs.readFileSync;
/** Names of the patches applied in this process, for test/unit/source-patches.test.ts. */
const applied = (globalThis.__crosswalkSourcePatches ??= new Set());
fs.readFileSync = function patchedReadFileSync(file, ...rest) {
  const text = readFileSync.call(this, file, ...rest);
  if (typeof file !== 'string' || typeof text !== 'string') return text;
  const patch = patchFor(file);
  if (!patch) return text;
  applied.add(patch.name);
  return patchSource(file, text);
};

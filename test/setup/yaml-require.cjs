// Lets tests import data/*.yaml as esbuild.js does for the bundles: parsed to plain data.
const fs = require('node:fs');
const YAML = require('yaml');
require.extensions['.yaml'] = (module, filename) => {
  module.exports = YAML.parse(fs.readFileSync(filename, 'utf8'));
};

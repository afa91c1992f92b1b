// Bundles the extension, the CLI and the engine library. esbuild does not type-check: `npm run typecheck` does.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Glossary and word lists are YAML in data/; they are parsed at build time so activation parses nothing. */
const yamlAsJson = {
  name: 'yaml-as-json',
  setup(build) {
    const YAML = require('yaml');
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: JSON.stringify(YAML.parse(text)), loader: 'json' };
    });
  },
};

/**
 * The dependency patches of scripts/source-patches.cjs (micromark's linear data merge, unnamed
 * visitors), applied to the bundles as test/setup/yaml-require.cjs applies them to unbundled runs.
 */
const sourcePatches = {
  name: 'source-patches',
  setup(build) {
    const { PATCHES, patchSource } = require('./scripts/source-patches.cjs');
    for (const patch of PATCHES) {
      build.onLoad({ filter: patch.file }, async (args) => ({ contents: patchSource(args.path, await fs.promises.readFile(args.path, 'utf8')), loader: 'js' }));
    }
  },
};

/** Reports build results in the format of the `$esbuild-watch` problem matcher in tasks.json. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * The PDF export (src/extension/report/pdf.ts, with pdf-lib: about 450 KB) is a file of its own
 * beside the desktop extension, dist/report-pdf.js, required on the first export only: the
 * extension that loads at every activation stays small (bench/README.md: dist/extension.js
 * < 600 KB). The web extension cannot load a second file (a worker's `require` knows only
 * `vscode`), so it keeps the module inside its one bundle, where it is evaluated on first use too.
 */
const separatePdf = {
  name: 'separate-pdf',
  setup(build) {
    build.onResolve({ filter: /[\\/]report[\\/]pdf$/ }, () => ({ path: 'report-pdf', namespace: 'separate-pdf' }));
    build.onLoad({ filter: /.*/, namespace: 'separate-pdf' }, () => ({ contents: 'module.exports = require("./report-pdf.js");', loader: 'js' }));
    build.onResolve({ filter: /^\.\/report-pdf\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const { version } = require('./package.json');

const common = {
  define: { CROSSWALK_VERSION: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [yamlAsJson, sourcePatches, problemMatcher] : [yamlAsJson, sourcePatches],
  // Some unified packages look for a "development" export condition only to add checks.
  conditions: ['node', 'import', 'require', 'default'],
  mainFields: ['module', 'main'],
};

const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  conditions: ['worker', 'browser', 'import', 'default'],
  mainFields: ['browser', 'module', 'main'],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode', './core.js'],
    plugins: [...common.plugins, separatePdf],
  },
  {
    ...common,
    entryPoints: ['src/extension/report/pdf.ts'],
    outfile: 'dist/report-pdf.js',
  },
  // The language server the desktop extension starts in a process of its own (src/extension/client.ts).
  {
    ...common,
    entryPoints: ['src/server/main.ts'],
    outfile: 'dist/server.js',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/index.ts'],
    outfile: 'dist/core.js',
  },
  // The web extension (package.json `browser`) and its language server, each one file with no Node
  // built-ins: a web worker's `require` knows only `vscode`. The `worker` condition keeps
  // decode-named-character-reference off its DOM build (document.createElement fails in a worker).
  {
    ...web,
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...web,
    entryPoints: ['src/server/browser.ts'],
    outfile: 'dist/web/server.js',
    format: 'iife',
  },
];

async function main() {
  // A production build must not ship maps left over from a development one.
  if (!watch) fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
}

// test/unit/cli.test.ts builds the CLI from these same options, to run it as a process.
module.exports = { builds };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

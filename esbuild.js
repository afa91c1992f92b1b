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
 * unist-util-visit-parents names every visitor closure it creates (Object.defineProperty) so that
 * stack traces read well; on a draft that is one property definition per syntax node, a tenth of
 * a check's time. The bundles skip it; behaviour is otherwise the library's own.
 */
const unnamedVisitors = {
  name: 'unnamed-visitors',
  setup(build) {
    build.onLoad({ filter: /unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const patched = text.replace(/Object\.defineProperty\(visit, 'name', \{[\s\S]*?\n      \}\)/, '/* visitor naming skipped: see esbuild.js */');
      if (patched === text) throw new Error(`esbuild.js: unist-util-visit-parents changed shape at ${args.path}; update the unnamed-visitors patch`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * micromark merges each run of adjacent `data` events of a paragraph with one `splice` of the
 * paragraph's whole event list (micromark/lib/initialize/text.js, resolveAllText): quadratic in a
 * long paragraph that the parser fragments, such as 1 MB of lines of `Text <!-- x` (11 times a
 * normal draft's time, issue 9). The bundles compact the list in one pass instead; the events
 * that come out are the same.
 */
const linearDataMerge = {
  name: 'linear-data-merge',
  setup(build) {
    build.onLoad({ filter: /micromark[\\/]lib[\\/]initialize[\\/]text\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const patched = text.replace(LOOP, LINEAR_LOOP);
      if (patched === text) throw new Error(`esbuild.js: micromark's resolveAllText changed shape at ${args.path}; update the linear-data-merge patch`);
      return { contents: patched, loader: 'js' };
    });
  },
};
const LOOP = /while \(\+\+index <= events\.length\) \{\n\s*if \(enter === undefined\) \{[\s\S]*?events\.splice\(enter \+ 2, index - enter - 2\);[\s\S]*?\n {4}\}\n(?= {4}return extraResolver)/;
const LINEAR_LOOP = `// Patched by esbuild.js (linear-data-merge): one pass, no splice per run.
    let write = 0;
    while (++index < events.length) {
      if (events[index][1].type === "data") {
        enter = index;
        while (index + 1 < events.length && events[index + 1][1].type === "data") index++;
        if (index !== enter + 1) events[enter][1].end = events[index][1].end;
        events[write++] = events[enter];
        events[write++] = events[enter + 1];
      } else {
        events[write++] = events[index];
      }
    }
    events.length = write;
`;

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
  plugins: watch ? [yamlAsJson, unnamedVisitors, linearDataMerge, problemMatcher] : [yamlAsJson, unnamedVisitors, linearDataMerge],
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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import YAML from 'yaml';

/**
 * The engine must run wherever VS Code runs, browsers and web workers included: bundled without
 * Node's or a browser's own modules, it checks a draft in a context that has neither `require`
 * and `process` nor `document`.
 */
test('the engine runs with no Node and no DOM', async () => {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, '..', '..', 'src', 'index.ts')],
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['worker', 'import', 'default'],
    format: 'iife',
    globalName: 'Crosswalk',
    write: false,
    logLevel: 'silent',
    plugins: [{
      name: 'yaml',
      setup(build) {
        build.onLoad({ filter: /\.ya?ml$/ }, (args) => ({ contents: JSON.stringify(YAML.parse(fs.readFileSync(args.path, 'utf8'))), loader: 'json' }));
      },
    }],
  });
  const context = vm.createContext({ setTimeout, clearTimeout });
  vm.runInContext(result.outputFiles[0].text, context);
  const findings = vm.runInContext('Crosswalk.lint("---\\naudience: clinical\\n---\\n\\nUAT for the [UNIT] starts Monday.").findings.map((f) => f.ruleId + ":" + (f.term || ""))', context) as string[];
  assert.deepEqual([...findings].sort(), ['jargon:UAT', 'placeholder:[UNIT]']);
});

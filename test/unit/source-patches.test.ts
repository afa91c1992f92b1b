/**
 * Unit tests check the parser that ships: the dependency patches the bundles get from esbuild.js
 * (scripts/source-patches.cjs: micromark's linear data merge, unnamed visitors) apply to this
 * process too (test/setup/yaml-require.cjs), and the patched micromark reads Markdown exactly as
 * the library's own does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lint } from '../../src/index';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the patch list is CommonJS, shared with esbuild.js
const { PATCHES } = require('../../scripts/source-patches.cjs') as { PATCHES: { name: string }[] };

test('the unit tests run with every patch the bundles get', () => {
  lint('# Title\n\nText <!-- x\nText <!-- x\n');
  const applied = (globalThis as { __crosswalkSourcePatches?: Set<string> }).__crosswalkSourcePatches;
  assert.deepEqual([...(applied ?? [])].sort(), PATCHES.map((p) => p.name).sort());
});

test("patched micromark gives the tree, positions included, that the library's own gives", () => {
  const inputs = [
    'Text <!-- x\n'.repeat(50),
    'a  \nb\\\nc   \n  d\te\t\nf',
    'The upgrade &mdash; on *Saturday* &amp; **Sunday** [stops](https://x.example) the `HL7` feed.\n\n> quoted <b>HL7</b>\n> more',
    '- one\n- two <!-- a --> three\n\n1. [a [b] c](u "t") ![i](j)\n',
    '| a | b |\n| - | - |\n| c <!-- x | d |\n\nfoo ~~bar~~ http://x.example\n',
    'x'.repeat(300) + ' *' + ' y'.repeat(200) + '*\r\nz\rw',
  ];
  const strip = (tree: unknown) => JSON.parse(JSON.stringify(tree));
  const patched = inputs.map((text) => strip(fromMarkdown(text)));
  // A fresh Node without this process's preload: micromark as published.
  const script = `import { fromMarkdown } from 'mdast-util-from-markdown';
    const inputs = JSON.parse(process.argv[1]);
    process.stdout.write(JSON.stringify(inputs.map((t) => fromMarkdown(t))));`;
  const own = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(inputs)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  assert.equal(own.length, inputs.length);
  inputs.forEach((text, i) => assert.deepEqual(patched[i], own[i], `the tree of ${JSON.stringify(text.slice(0, 40))}`));
});

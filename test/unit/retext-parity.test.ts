import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import retextPassive from 'retext-passive';
import { ParseEnglish } from 'parse-english';
import { toString } from 'nlcst-to-string';
import type { Root } from 'nlcst';
import { VFile } from 'vfile';
import { scoreSentence, isHardToRead } from '../../src/core/readability';
import { createPassiveFinder, createSimplifier } from '../../src/core/phrases';
import { SIMPLIFY_IGNORE } from '../../src/core/analysis';
import { splitChunks } from '../../src/core/chunks';
import { parseChunk } from '../../src/core/markdown';

/** Prose of every Markdown file in the repository's examples and fixtures, block by block. */
function corpus(): string[] {
  const root = path.join(__dirname, '..', '..');
  const texts: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) {
        for (const chunk of splitChunks(fs.readFileSync(full, 'utf8'))) {
          if (chunk.kind === 'markdown') texts.push(...parseChunk(chunk.text).blocks.map((b) => b.text));
        }
      }
    }
  };
  walk(path.join(root, 'examples'));
  walk(path.join(root, 'test', 'fixtures'));
  walk(path.join(root, 'snippets'));
  texts.push(
    'Notwithstanding the aforementioned organizational considerations, interdisciplinary stakeholders should collaboratively operationalize comprehensive documentation methodologies.',
    'The orders were taken by pharmacy, and the forms are built by the team; "a number of" people (in terms of numbers) accede to it.',
    'It was done. They were beaten - but not broken: a number of units — were given new scanners.',
  );
  return texts.filter((t) => t.trim());
}

test('readability decisions are identical to retext-readability for every target', () => {
  const texts = corpus();
  assert.ok(texts.length > 50);
  for (const target of [{ age: 13, threshold: 4 / 7, minWords: 5 }, { age: 14, threshold: 4 / 7, minWords: 5 }, { age: 16, threshold: 5 / 7, minWords: 6 }, { age: 10, threshold: 2 / 7, minWords: 3 }]) {
    const plugin = unified().use(retextEnglish).use(retextReadability, target);
    for (const text of texts) {
      const file = new VFile({ value: text });
      plugin.runSync(plugin.parse(file), file);
      const theirs = file.messages.map((m) => m.place && 'start' in m.place ? m.place.start.offset : -1);
      const tree = new ParseEnglish().parse(text) as Root;
      const ours: number[] = [];
      for (const paragraph of tree.children) {
        if (paragraph.type !== 'ParagraphNode') continue;
        for (const sentence of paragraph.children) {
          if (sentence.type !== 'SentenceNode') continue;
          const words = sentence.children.filter((c) => c.type === 'WordNode').map((w) => toString(w));
          if (isHardToRead(scoreSentence(words), target)) ours.push(sentence.position?.start.offset ?? -1);
        }
      }
      assert.deepEqual(ours, theirs, `readability differs on ${JSON.stringify(text)} for ${JSON.stringify(target)}`);
    }
  }
});

test('simpler-word and passive-voice matches are identical to retext-simplify and retext-passive', () => {
  const simplify = createSimplifier(SIMPLIFY_IGNORE);
  const passive = createPassiveFinder();
  const plugins = [
    [unified().use(retextEnglish).use(retextSimplify, { ignore: SIMPLIFY_IGNORE }), simplify],
    [unified().use(retextEnglish).use(retextPassive), passive],
  ] as const;
  let hits = 0;
  for (const text of corpus()) {
    for (const [plugin, ours] of plugins) {
      const file = new VFile({ value: text });
      plugin.runSync(plugin.parse(file), file);
      const theirs = file.messages.map((m) => ({
        start: m.place && 'start' in m.place ? m.place.start.offset : -1,
        end: m.place && 'end' in m.place ? m.place.end.offset : -1,
        actual: m.actual,
        expected: m.expected,
      }));
      const mine = ours(new ParseEnglish().parse(text) as Root);
      assert.deepEqual(mine, theirs, `phrase matches differ on ${JSON.stringify(text)}`);
      hits += mine.length;
    }
  }
  assert.ok(hits > 10, `the corpus exercises the phrase lists (${hits} hits)`);
});

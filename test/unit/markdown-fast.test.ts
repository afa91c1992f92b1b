import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitChunks } from '../../src/core/chunks';
import { parseWithRemark } from '../../src/core/markdown';
import { fastParse } from '../../src/core/markdown-fast';

const ROOT = path.join(__dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

const samples = [
  'Plain paragraph with words.',
  'Two lines\nin one paragraph.',
  'Trailing spaces  \nmake a hard break.',
  'One trailing space \nis dropped.',
  'Ends with spaces   ',
  '# A heading',
  '###### Deep heading   ',
  'Numbers 4 West, 2.5 hours, 10:00 to 11:30 (about 90 minutes).',
  'Quotes "like this" and it’s fine; semicolons too.',
  'A line\n2026. Not a list because of the year?',
  '#hashtag is not a heading',
  'Room #4 and C# stay text.',
];

test('the fast path gives exactly what remark gives, or stands aside', () => {
  const texts = [...samples];
  for (const file of [...markdownFiles(path.join(ROOT, 'examples')), ...markdownFiles(path.join(ROOT, 'test', 'fixtures'))]) {
    for (const chunk of splitChunks(fs.readFileSync(file, 'utf8'))) if (chunk.kind === 'markdown') texts.push(chunk.text);
  }
  let fast = 0;
  for (const text of texts) {
    const quick = fastParse(text);
    if (!quick) continue;
    fast++;
    const slow = parseWithRemark(text);
    const shape = (p: typeof slow) => p.blocks.map((b) => ({ kind: b.kind, text: b.text, map: [...b.map], start: b.start, depth: b.depth }));
    assert.deepEqual(shape(quick), shape(slow), `fast path differs from remark on ${JSON.stringify(text)}`);
    assert.deepEqual(quick.comments, slow.comments);
  }
  assert.ok(fast > 20, `the fast path served ${fast} chunks`);
});

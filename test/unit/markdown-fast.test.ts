import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitChunks } from '../../src/core/chunks';
import { parseWithRemark } from '../../src/core/markdown';
import { fastParse } from '../../src/core/markdown-fast';
import { makeDraft } from '../../bench/generate.mjs';

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
  'Run `npm test` and `make` before you go.',
  'See [the runbook](https://example.org/runbook) and [DATE] notes.',
  '**Note:** the **new** scanner is *faster* than the old one.',
  'Costs are 5 * 3 = 15 and a**b** is odd.',
  '**a* b',
  '*a**',
  '`code` at the start and at the end `x`',
  '[a `b`](u) is code in a link',
  '**bold with `code`** inside',
  '[link **bold**](u)',
  '- one item\n- two items with `code`\n- three **bold**',
  '1. first\n2. second\n3) third',
  '- item\nlazy line',
  '-  two spaces',
  '- [ ] task\n- [x] done',
  '- # heading in item',
  '- 2026. a year',
  '* * *',
  '- - -',
  '- ===',
  '# Title with `code` and **bold**',
  'Price: $5, {{name}}, x^2, a = b, Thanks!',
  'Trailing bold **x**  \nnext line',
  '[text](url "title")',
  '[a]: http://x\n[a]',
  '[x][y] and [z][]',
  '![alt](img.png)',
  'Done! [link](u)!',
  '`` double ``',
  '`unclosed code',
  '***triple***',
  '**spaced ** wrong',
  '** not bold**',
  'foo**bar**baz and foo*bar*baz',
  '**"quoted"** and "**quoted**"',
  'a **b**c and **b**.',
  '(**x**)',
  '**Note:** the system is down.',
  'See [the runbook](https://example.org/runbook) first.',
  'Visit www.example.org today or https://example.org now.',
  '[a](https://x) then https://y',
  '#Title is a paragraph',
  'a line\n# then a heading',
  'a line\n+ then a list',
  'a line\n***',
  'a line\n- - -',
  '* starts a list',
  '*emphasis* starts a line',
  '**Bold** starts a line\nand continues',
  '- **Residents:** use the viewer',
  '> **Note:** the vendor confirmed it.\n> More soon.',
  '> quote\nlazy line',
  '> > nested',
  '>  two spaces',
  '> - list in quote',
  '> # heading in quote',
  'Run `netstat -an | grep 2575` now.',
  'a | b\n--- | ---\nc | d',
  'a | b\n|---|---|',
  '| a | b |\n| - | - |',
  'x | y on one line',
  'A > B and C >= D',
  '> quote with a > inside',
  '| Task | Owner |\n| --- | --- |\n| Print `x` reports | Dana **R** |',
  '| Task | Owner |\n|:---|---:|\n| a | b |\n| c | d |',
  'Task | Owner\n--- | ---\na | b',
  '| a | b |\n| --- | --- |\n|  | empty |',
  '| a | b |\n| --- | --- |\n| one |',
  '| a | b |\n| --- | --- |\n| one | two | three |',
  '| a | b |\n| --- |',
  '| a | b |\n| --- | --- |\nno pipes here',
  '| a | b |   \n| --- | --- |  \n| c | d |  ',
  '|a|b|\n|-|-|\n|c|d|',
  '| x `a | b` y | z |\n| - | - |\n| 1 | 2 |',
  'a | b |\n- | -\nc | d |',
  '- parent\n  - child\n  - child two\n- parent two',
  '1. parent\n   - child\n2. next',
  '1. parent\n  - child at two',
  '- parent\n    - child at four',
  '- parent\n  - child\n    - grandchild',
  '- parent\n  continuation',
  'L&D and R&D stay text; &amp; is an entity; AT&T; &copy; 2026',
];

test('the fast path gives exactly what remark gives, or stands aside', () => {
  const texts = [...samples];
  for (const file of [...markdownFiles(path.join(ROOT, 'examples')), ...markdownFiles(path.join(ROOT, 'test', 'fixtures'))]) {
    for (const chunk of splitChunks(fs.readFileSync(file, 'utf8'))) if (chunk.kind === 'markdown') texts.push(chunk.text);
  }
  for (const words of [1000, 10000]) {
    for (const seed of [1, 2, 3]) {
      for (const chunk of splitChunks(makeDraft(words, seed))) if (chunk.kind === 'markdown') texts.push(chunk.text);
    }
  }
  let fast = 0;
  for (const text of texts) {
    const quick = fastParse(text);
    if (!quick) continue;
    fast++;
    const slow = parseWithRemark(text);
    const shape = (p: typeof slow) => p.blocks.map((b) => ({ kind: b.kind, text: b.text, map: [...b.map], ends: [...b.ends], markup: b.markup, start: b.start, depth: b.depth, end: b.end }));
    assert.deepEqual(shape(quick), shape(slow), `fast path differs from remark on ${JSON.stringify(text)}`);
    assert.deepEqual(quick.comments, slow.comments);
    assert.deepEqual(quick.tables ?? [], slow.tables ?? [], `tables differ on ${JSON.stringify(text)}`);
  }
  assert.ok(fast > texts.length / 3, `the fast path served ${fast} of ${texts.length} chunks`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

test('the vendored phrase lists in data/vendor are those of the installed retext packages', async () => {
  // scripts/vendor-phrase-lists.mjs writes them; run it after upgrading retext-simplify or retext-passive.
  const { vendorLists } = await import(path.join(ROOT, 'scripts', 'vendor-phrase-lists.mjs')) as { vendorLists: () => Promise<Record<string, string>> };
  for (const [file, text] of Object.entries(await vendorLists())) {
    assert.equal(fs.readFileSync(path.join(ROOT, file), 'utf8'), text, `${file} is out of date: run node scripts/vendor-phrase-lists.mjs`);
  }
});

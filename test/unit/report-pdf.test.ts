// The Audience Report as a PDF (src/extension/report/pdf.ts): parsed back with pdf-lib, its pages
// hold the draft's name, the audiences, each card's grade and counts per rule, and every finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib';
import * as crosswalk from '../../src/index';
import { renderReportPdf } from '../../src/extension/report/pdf';

const ROOT = path.join(__dirname, '..', '..');

/** The streams of a page's /Contents, inflated. */
function contentStreams(doc: PDFDocument, page: PDFPage): string[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs.map((ref) => {
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    assert.ok(stream instanceof PDFRawStream, 'a content stream');
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  });
}

/**
 * The text each page shows, one string per text-showing operator, read from its content streams:
 * the standard fonts show WinAnsi bytes written as hex strings (`<48656C6C6F> Tj`).
 */
function pageText(doc: PDFDocument, page: PDFPage): string[] {
  const lines: string[] = [];
  for (const stream of contentStreams(doc, page)) {
    for (const m of stream.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(m[1], 'hex').toString('latin1'));
  }
  return lines;
}

async function render(file: string, text: string) {
  const report = crosswalk.buildReport(crosswalk, file, text, {}, undefined, ['it']);
  const bytes = await renderReportPdf(report, { generated: '2026-12-01 14:00 UTC', date: new Date('2026-12-01T14:00:00Z') });
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((p) => pageText(doc, p));
  return { report, bytes, doc, pages, all: pages.flat().join(' ') };
}

test('the PDF has the draft\'s name, its audiences, each card\'s grade and counts per rule, and every finding by line', async () => {
  const file = 'downtime-notice-it.md';
  const { report, bytes, doc, pages, all } = await render(file, fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-', 'a PDF file');
  assert.ok(doc.getPageCount() >= 1);
  assert.equal(doc.getTitle(), `Audience report: ${file}`);
  assert.equal(doc.getCreator(), 'Crosswalk');
  assert.doesNotMatch(doc.getProducer() ?? '', /pdf-lib|https?:/, 'the document names no library or address');
  assert.ok(pages[0].includes(`Audience report: ${file}`), 'the draft\'s name heads the first page');
  assert.match(all, /The draft itself is for IT\./);
  assert.match(all, /Made by Crosswalk on 2026-12-01 14:00 UTC\./);
  for (const c of report.columns) {
    assert.ok(all.includes(c.label), `${c.label} has a card`);
    assert.ok(all.includes(`${c.gradeLevel} (target ${c.targetGrade})`), `${c.label}: its grade and target`);
    for (const [rule, n] of Object.entries(c.byRule)) {
      // A per-rule row is the rule's title and its count, drawn one after the other on one line.
      const title = report.ruleTitles[rule] ?? rule;
      const rows = pages.flat().flatMap((s, i, a) => (s === title ? [a[i + 1]] : []));
      assert.ok(rows.includes(String(n)), `${c.label}: "${title}" ${n}`);
    }
    assert.ok(all.includes(`${c.label}: ${c.total} finding${c.total === 1 ? '' : 's'}`), `${c.label}: the heading of its findings list`);
  }
  // Every finding's line number and the start of its message are on some page.
  const shown = pages.flat();
  for (const c of report.columns) {
    for (const f of c.findings) {
      const start = f.message.split(' ').slice(0, 3).join(' ').replace(/[^\x20-\x7e]/g, '');
      assert.ok(shown.some((s) => s.startsWith(start.slice(0, 12))), `${c.label} line ${f.line}: ${f.message}`);
    }
  }
  // Each page is numbered.
  pages.forEach((p, i) => assert.ok(p.includes(`page ${i + 1} of ${pages.length}`), `page ${i + 1} is numbered`));
});

test('a long draft makes several pages, and characters the standard fonts lack do not stop the export', async () => {
  // A different undefined acronym in each paragraph: a finding each, for every audience.
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const paragraphs = Array.from({ length: 120 }, (_, i) => `Call the XQ${letters[Math.floor(i / 26)]}${letters[i % 26]} desk → ✓ — 患者 naïve café.\n\n`);
  const { report, doc, pages } = await render('long → naïve café 患者.md', `# Long → draft\n\n${paragraphs.join('')}`);
  assert.ok(report.columns.every((c) => c.total >= 120), 'a finding per paragraph');
  assert.ok(doc.getPageCount() > 2, `${doc.getPageCount()} pages`);
  // An arrow has a stand-in, Latin-1 letters are kept, and what has neither becomes "?".
  assert.ok(pages[0].includes('Audience report: long -> naïve café ??.md'), 'the draft\'s name, in characters the font has');
  assert.ok(pages.every((p) => p.length > 0), 'no empty page');
});

/**
 * The Audience Report as a PDF handout (Crosswalk: Export Report as PDF): the same figures as the
 * HTML export (./html.ts), laid out on US Letter pages with pdf-lib, a pure JavaScript library
 * that runs in the Node extension host and in the web worker alike and loads nothing: the fonts are
 * the PDF standard fonts (Helvetica), which every PDF reader has, so none is embedded or fetched.
 *
 * No `vscode` import: test/unit/report-pdf.test.ts renders a report and reads the bytes back.
 */
import type { AudienceColumn, AudienceReport } from '../../core/report';
import { minutes } from './html';

type PdfLib = typeof import('pdf-lib');
type PDFFont = import('pdf-lib').PDFFont;
type PDFPage = import('pdf-lib').PDFPage;
type RGB = import('pdf-lib').RGB;

/** US Letter, with 0.75 in margins. */
const PAGE = { width: 612, height: 792, margin: 54 };
const FOOTER = 28;

/** The HTML report's printable palette (./html.ts FILE_THEME), as RGB fractions. */
const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
const PALETTE = {
  text: hex('#1f1f1f'),
  muted: hex('#5a5a5a'),
  error: hex('#b3261e'),
  rule: hex('#d0d0d0'),
  charts: ['#1a73e8', '#e37400', '#188038', '#8430ce', '#d93025', '#b28600'].map(hex),
};

/**
 * The standard fonts encode WinAnsi (Latin-1 and a few typographic marks) only, and pdf-lib throws
 * on any other character: these have a plain stand-in, the rest lose their accents (NFKD) or
 * become "?", so that no finding's message can stop an export.
 */
const STAND_INS: Record<string, string> = {
  '→': '->', '←': '<-', '⇒': '=>', '✓': 'yes', '✔': 'yes', '✗': 'no', '✘': 'no', '≥': '>=', '≤': '<=', '≠': '!=',
  '\u2009': ' ', '\u202f': ' ', '\u2011': '-', '\u2212': '-',
};

interface Style {
  size: number;
  bold?: boolean;
  colour?: [number, number, number];
}

/** A cursor over the pages: writes lines top to bottom and starts a page when one is full. */
class Writer {
  page!: PDFPage;
  y = 0;
  private readonly charset: Set<number>;

  constructor(
    private readonly lib: PdfLib,
    private readonly doc: import('pdf-lib').PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.charset = new Set(regular.getCharacterSet());
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  get width(): number {
    return PAGE.width - 2 * PAGE.margin;
  }

  rgb(c: [number, number, number]): RGB {
    return this.lib.rgb(c[0], c[1], c[2]);
  }

  /** Text the standard fonts can show (see STAND_INS). */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
      if (this.charset.has(ch.codePointAt(0) ?? 0)) out += ch;
      else if (STAND_INS[ch] !== undefined) out += STAND_INS[ch];
      else {
        const plain = [...ch.normalize('NFKD')].filter((c) => this.charset.has(c.codePointAt(0) ?? 0)).join('');
        out += plain || '?';
      }
    }
    return out;
  }

  font(style: Style): PDFFont {
    return style.bold ? this.bold : this.regular;
  }

  measure(text: string, style: Style): number {
    return this.font(style).widthOfTextAtSize(text, style.size);
  }

  /** Room for `height` more points on this page, or a new page. */
  need(height: number): void {
    if (this.y - height < PAGE.margin + FOOTER) this.newPage();
  }

  /** Cuts cleaned text into lines no wider than `width`; a word wider than a line is cut by characters. */
  wrap(text: string, style: Style, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.clean(text).split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.measure(candidate, style) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (this.measure(rest, style) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && this.measure(rest.slice(0, cut), style) > width) cut = Math.floor(cut * 0.9);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
  }

  draw(text: string, x: number, y: number, style: Style): void {
    if (!text) return;
    this.page.drawText(text, { x, y, size: style.size, font: this.font(style), color: this.rgb(style.colour ?? PALETTE.text) });
  }

  /** A wrapped paragraph at the cursor. */
  paragraph(text: string, style: Style, indent = 0, after = 4): void {
    const leading = style.size * 1.3;
    for (const line of this.wrap(text, style, this.width - indent)) {
      this.need(leading);
      this.y -= leading;
      this.draw(line, PAGE.margin + indent, this.y + style.size * 0.25, style);
    }
    this.y -= after;
  }

  /** A label on the left and a value on the right of one line (a card's figure, a rule's count). */
  pair(label: string, value: string, style: Style, valueStyle: Style = style, indent = 12): void {
    const leading = style.size * 1.35;
    this.need(leading);
    this.y -= leading;
    const right = PAGE.margin + this.width;
    const shown = this.clean(value);
    const valueWidth = this.measure(shown, valueStyle);
    const [first] = this.wrap(label, style, this.width - indent - valueWidth - 12);
    this.draw(first ?? '', PAGE.margin + indent, this.y + style.size * 0.25, style);
    this.draw(shown, right - valueWidth, this.y + style.size * 0.25, valueStyle);
  }

  /** A heading kept on the same page as at least `keep` points of what follows. */
  heading(text: string, size: number, keep = 40, swatch?: [number, number, number]): void {
    this.need(size * 1.6 + keep);
    this.y -= size * 1.6;
    let x = PAGE.margin;
    if (swatch) {
      this.page.drawRectangle({ x, y: this.y + size * 0.2, width: size * 0.7, height: size * 0.7, color: this.rgb(swatch) });
      x += size * 1.1;
    }
    for (const [i, line] of this.wrap(text, { size, bold: true }, this.width - (x - PAGE.margin)).entries()) {
      if (i > 0) {
        this.need(size * 1.3);
        this.y -= size * 1.3;
      }
      this.draw(line, x, this.y + size * 0.2, { size, bold: true });
    }
    this.y -= 4;
  }

  rule(): void {
    this.need(8);
    this.y -= 4;
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.margin + this.width, y: this.y }, thickness: 0.5, color: this.rgb(PALETTE.rule) });
    this.y -= 4;
  }

  /** One row of the findings table: line number right-aligned, rule, and the message wrapped in its column. */
  findingRow(line: string, rule: string, message: string, style: Style): void {
    const leading = style.size * 1.3;
    const lineCol = 34;
    const ruleCol = 120;
    const messageX = PAGE.margin + lineCol + 8 + ruleCol + 8;
    const ruleLines = this.wrap(rule, style, ruleCol);
    const messageLines = this.wrap(message, style, PAGE.margin + this.width - messageX);
    const rows = Math.max(ruleLines.length, messageLines.length);
    // A short row is never split across pages; a very long one is.
    this.need(Math.min(rows, 6) * leading);
    for (let i = 0; i < rows; i++) {
      this.need(leading);
      this.y -= leading;
      const base = this.y + style.size * 0.25;
      if (i === 0) this.draw(line, PAGE.margin + lineCol - this.measure(line, style), base, style);
      this.draw(ruleLines[i] ?? '', PAGE.margin + lineCol + 8, base, style);
      this.draw(messageLines[i] ?? '', messageX, base, style);
    }
    this.y -= 2;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function card(w: Writer, c: AudienceColumn, report: AudienceReport): void {
  const title = (id: string) => report.ruleTitles[id] ?? id;
  const colour = PALETTE.charts[Math.max(0, c.index) % PALETTE.charts.length];
  w.heading(c.label, 13, 80, colour);
  const body: Style = { size: 10 };
  const over = c.gradeLevel > c.targetGrade;
  w.pair('Grade level', `${c.gradeLevel} (target ${c.targetGrade})`, body, { size: 10, bold: over, colour: over ? PALETTE.error : PALETTE.text });
  w.pair('Findings', `${c.total}${c.errors ? ` (${plural(c.errors, 'error')})` : ''}`, body);
  w.pair(title('jargon'), String(c.byRule.jargon ?? 0), body);
  w.pair('Jargon per 100 words', String(c.jargonPer100Words), body);
  w.pair(title('undefined-acronym'), String(c.byRule['undefined-acronym'] ?? 0), body);
  w.pair(title('readability'), String(c.byRule.readability ?? 0), body);
  w.pair('Reading time', `${minutes(c.readingTimeMinutes)} (${plural(c.words, 'word')})`, body);

  w.paragraph('Findings per rule', { size: 10, bold: true, colour: PALETTE.muted }, 0, 0);
  const rules = report.rules.filter((id) => c.byRule[id]);
  if (rules.length === 0) w.paragraph('Nothing to fix for these readers.', { size: 10, colour: PALETTE.muted }, 12);
  for (const id of rules) w.pair(title(id), String(c.byRule[id]), body);

  w.paragraph(title('undefined-acronym'), { size: 10, bold: true, colour: PALETTE.muted }, 0, 0);
  w.paragraph(c.undefinedAcronyms.length ? c.undefinedAcronyms.join(', ') : 'None.', c.undefinedAcronyms.length ? body : { size: 10, colour: PALETTE.muted }, 12);
  w.paragraph(title('jargon'), { size: 10, bold: true, colour: PALETTE.muted }, 0, 0);
  const jargon = c.jargon.map((j) => (j.say ? `${j.term} -> ${j.say}` : j.spellOut ? `${j.term} (spell it out)` : j.term));
  w.paragraph(jargon.length ? jargon.join('; ') : 'None.', jargon.length ? body : { size: 10, colour: PALETTE.muted }, 12);
  if (c.interests) {
    w.paragraph('What they care about', { size: 10, bold: true, colour: PALETTE.muted }, 0, 0);
    for (const i of c.interests) {
      w.paragraph(i.addressed ? `yes: ${i.name}` : `no: ${i.name} ("${i.question}")`, { size: 10, colour: i.addressed ? PALETTE.text : PALETTE.error }, 12, 0);
    }
  }
  w.rule();
}

function findings(w: Writer, c: AudienceColumn, report: AudienceReport): void {
  const title = (id: string) => report.ruleTitles[id] ?? id;
  w.heading(`${c.label}: ${plural(c.total, 'finding')}`, 11, 30);
  if (c.findings.length === 0) {
    w.paragraph('None.', { size: 9, colour: PALETTE.muted }, 12);
    return;
  }
  w.findingRow('Line', 'Rule', 'Finding', { size: 9, bold: true, colour: PALETTE.muted });
  for (const f of c.findings) w.findingRow(String(f.line), title(f.ruleId), f.message, { size: 9 });
}

export interface PdfOptions {
  /** When it was made, as the HTML export says it ("2026-12-01 16:40 UTC"). */
  generated: string;
  /** The same moment, for the document's creation date. */
  date?: Date;
}

/**
 * Renders the report as a PDF: a heading with the draft's name and audiences, one card per
 * audience (grade, counts, findings per rule, its acronyms and jargon), then every finding by line,
 * and "page N of M" at the foot of each page. pdf-lib is loaded on first use, so that an editor
 * session that never exports pays nothing for it.
 */
export async function renderReportPdf(report: AudienceReport, options: PdfOptions): Promise<Uint8Array> {
  const lib = await import('pdf-lib');
  // No producer line naming pdf-lib, no dates of its own: what the document says of itself is ours.
  const doc = await lib.PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Audience report: ${report.title}`);
  doc.setSubject('How the draft reads for each audience');
  doc.setCreator('Crosswalk');
  doc.setProducer('Crosswalk');
  if (options.date) doc.setCreationDate(options.date);
  const w = new Writer(lib, doc, await doc.embedFont(lib.StandardFonts.Helvetica), await doc.embedFont(lib.StandardFonts.HelveticaBold));

  const labels = report.draftAudience.map((a) => report.columns.find((c) => c.audience === a)?.label ?? a);
  w.heading(`Audience report: ${report.title}`, 17, 40);
  w.paragraph(
    `How the whole draft reads for each audience (${report.columns.map((c) => c.label).join(', ')}), whatever audience it names.` +
      `${labels.length ? ` The draft itself is for ${labels.join(', ')}.` : ''} Made by Crosswalk on ${options.generated}.`,
    { size: 10, colour: PALETTE.muted },
    0,
    8,
  );
  w.rule();
  for (const c of report.columns) card(w, c, report);
  w.heading('Every finding', 14, 40);
  for (const c of report.columns) findings(w, c, report);

  const pages = doc.getPages();
  const foot: Style = { size: 8, colour: PALETTE.muted };
  const name = w.clean(`Audience report: ${report.title}`);
  pages.forEach((page, i) => {
    w.page = page;
    const number = `page ${i + 1} of ${pages.length}`;
    const [first] = w.wrap(name, foot, w.width - w.measure(number, foot) - 24);
    w.draw(first ?? '', PAGE.margin, PAGE.margin - 4, foot);
    w.draw(number, PAGE.margin + w.width - w.measure(number, foot), PAGE.margin - 4, foot);
  });
  return doc.save({ useObjectStreams: true });
}

import type { PreparedDocument } from '../core/document';
import type { Table } from '../core/markdown';

export interface PlacedTable extends Table {
  /** Document offset of the chunk the table stands in; add it to the table's offsets. */
  chunkStart: number;
}

export function tablesOf(doc: PreparedDocument): PlacedTable[] {
  return doc.chunks.flatMap((chunk) => chunk.analysis.tables.map((table) => ({ ...table, chunkStart: chunk.start })));
}

/** Cell text as a reader sees it: Markdown emphasis and escapes dropped. */
export function plainCell(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '').replace(/\\\|/g, '|').replace(/[*_`]/g, '').trim();
}

/** Index of the first header cell matching `pattern`, or -1. */
export function columnOf(table: Table, pattern: RegExp): number {
  return table.rows[0]?.cells.findIndex((cell) => pattern.test(plainCell(cell.text))) ?? -1;
}

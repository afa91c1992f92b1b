import type { RawFinding, Rule } from '../core/document';
import { columnOf, plainCell, tablesOf } from './tables';

const PRIORITIES = /^(must(?: have)?|should(?: have)?|could(?: have)?|won['’]?t(?: have)?(?: \(this time\))?|will not(?: have)?(?: \(this time\))?)$/i;

/** In a MoSCoW table every requirement is Must, Should, Could or Won't (guidance.md, check 14). */
export const moscow: Rule = {
  id: 'moscow',
  title: 'MoSCoW priorities',
  description: "A MoSCoW table row whose priority is not Must, Should, Could or Won't.",
  defaultSeverity: 'warning',
  *check(doc) {
    const findings: RawFinding[] = [];
    let n = 0;
    for (const table of tablesOf(doc)) {
      // Steps between tables (src/core/steps.ts): a long draft's tables do not hold up the editor.
      if ((++n & 63) === 0) yield;
      const column = columnOf(table, /^(moscow|priority|moscow priority)$/i);
      if (column === -1) continue;
      // A "Priority" column of numbers or High/Low is another scheme: only tables that use MoSCoW words count.
      const values = table.rows.slice(1).map((row) => plainCell(row.cells[column]?.text ?? ''));
      const isMoscow = /moscow/i.test(plainCell(table.rows[0].cells[column].text)) || values.filter((v) => PRIORITIES.test(v)).length >= Math.max(1, values.length / 2);
      if (!isMoscow) continue;
      table.rows.slice(1).forEach((row, i) => {
        const cell = row.cells[column];
        const value = values[i];
        if (PRIORITIES.test(value)) return;
        const at = cell && cell.end > cell.start ? cell : row.cells[0];
        if (!at) return;
        findings.push({
          start: table.chunkStart + at.start,
          end: table.chunkStart + Math.max(at.end, at.start + 1),
          message: value
            ? `"${value}" is not a MoSCoW priority: use Must, Should, Could or Won't (this time).`
            : `"${plainCell(row.cells[0]?.text ?? '')}" has no priority: give it Must, Should, Could or Won't (this time).`,
          audience: doc.audience,
        });
      });
    }
    return findings;
  },
};

import type { RawFinding, Rule } from '../core/document';
import { columnOf, plainCell, tablesOf } from './tables';

const SEVERAL = /,|;|\/|&|\band\b|\+/i;
const LETTERS = /^[RACI](?:\s*[,/]?\s*[RACI])*$/i;

/**
 * A RACI matrix gives each task exactly one Accountable and at least one Responsible
 * (guidance.md, check 13). Two shapes are read: columns named Responsible / Accountable /
 * Consulted / Informed holding names, or one column per person holding R, A, C and I.
 */
export const raci: Rule = {
  id: 'raci',
  title: 'RACI roles',
  description: 'A RACI table row without exactly one Accountable or without a Responsible.',
  defaultSeverity: 'warning',
  *check(doc) {
    const findings: RawFinding[] = [];
    let n = 0;
    for (const table of tablesOf(doc)) {
      // Steps between tables (src/core/steps.ts): a long draft's tables do not hold up the editor.
      if ((++n & 63) === 0) yield;
      const accountable = columnOf(table, /^accountable$/i);
      const responsible = columnOf(table, /^responsible$/i);
      const rows = table.rows.slice(1);
      if (accountable !== -1) {
        for (const row of rows) {
          const task = row.cells[0];
          const a = row.cells[accountable];
          const name = a ? plainCell(a.text) : '';
          const at = a && a.text ? a : task;
          if (!at) continue;
          const place = { start: table.chunkStart + at.start, end: table.chunkStart + Math.max(at.end, at.start + 1) };
          if (!name) findings.push({ ...place, message: `"${plainCell(task?.text ?? '')}" has no Accountable: name the one person who owns the result.`, audience: doc.audience });
          else if (SEVERAL.test(name)) findings.push({ ...place, message: `"${plainCell(task?.text ?? '')}" has more than one Accountable (${name}): a task has exactly one owner; make the others Responsible or Consulted.`, audience: doc.audience });
          const r = responsible !== -1 ? row.cells[responsible] : undefined;
          if (responsible !== -1 && (!r || !plainCell(r.text)) && task) {
            findings.push({ start: table.chunkStart + task.start, end: table.chunkStart + Math.max(task.end, task.start + 1), message: `"${plainCell(task.text)}" has no Responsible: name who does the work.`, audience: doc.audience });
          }
        }
        continue;
      }
      // One column per person, cells of R, A, C, I.
      const width = table.rows[0]?.cells.length ?? 0;
      const letterRows = rows.filter((row) => row.cells.slice(1, width).some((c) => LETTERS.test(plainCell(c.text))));
      if (letterRows.length === 0 || letterRows.length < rows.length / 2) continue;
      for (const row of letterRows) {
        const task = row.cells[0];
        const letters = row.cells.slice(1, width).map((c) => plainCell(c.text).toUpperCase()).filter((l) => LETTERS.test(l));
        const as = letters.filter((l) => l.includes('A')).length;
        const rs = letters.filter((l) => l.includes('R')).length;
        const place = { start: table.chunkStart + (task?.start ?? row.start), end: table.chunkStart + Math.max(task?.end ?? row.start, (task?.start ?? row.start) + 1) };
        const name = plainCell(task?.text ?? '');
        if (as !== 1) findings.push({ ...place, message: `"${name}" has ${as === 0 ? 'no' : as} Accountable${as > 1 ? 's' : ''}: a task has exactly one A.`, audience: doc.audience });
        if (rs === 0) findings.push({ ...place, message: `"${name}" has no Responsible: mark at least one R.`, audience: doc.audience });
      }
    }
    return findings;
  },
};

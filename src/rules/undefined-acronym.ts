import { docRange, isAllowed, type PlacedBlock, type RawFinding, type Rule } from '../core/document';
import type { AcronymUse } from '../core/acronyms';

interface Occurrence {
  first: AcronymUse;
  firstBlock: PlacedBlock;
  uses: number;
  later?: AcronymUse;
  laterBlock?: PlacedBlock;
}

/** An acronym not spelled out at its first use. Later uses pass once it has been spelled out. */
export const undefinedAcronym: Rule = {
  id: 'undefined-acronym',
  title: 'Undefined acronyms',
  description: 'An acronym that is not spelled out the first time it appears.',
  defaultSeverity: 'warning',
  check(doc) {
    const jargonOn = doc.enabled.has('jargon');
    // Runs on every keystroke over the whole draft: one pass, one record per acronym.
    const seen = new Map<string, Occurrence>();
    for (const block of doc.blocks) {
      for (const use of block.analysis.acronyms) {
        const record = seen.get(use.acronym);
        if (!record) seen.set(use.acronym, { first: use, firstBlock: block, uses: 1 });
        else {
          record.uses++;
          if (use.spelledOut && !record.later && !record.first.spelledOut) {
            record.later = use;
            record.laterBlock = block;
          }
        }
      }
    }
    const findings: RawFinding[] = [];
    for (const [acronym, record] of seen) {
      const { first: use, uses } = record;
      if (use.spelledOut) continue;
      const first = { ...use, block: record.firstBlock };
      const entry = doc.glossary.lookup(acronym);
      if (isAllowed(doc, acronym, entry?.term)) continue;
      // Jargon for this audience is already flagged there, with "spell out" among its fixes.
      if (jargonOn && entry && !entry.banned && first.block.audience.some((a) => !entry.familiarTo.includes(a))) continue;
      const { start, end } = docRange(first.block, first.start, first.end);
      const original = doc.text.slice(start, end);
      const later = record.later && record.laterBlock ? { ...record.later, block: record.laterBlock } : undefined;
      const knownToAll = entry && first.block.audience.every((a) => entry.familiarTo.includes(a));
      // The team said its readers know this one (a team glossary entry): it needs no expansion.
      if (knownToAll && !entry.origin.startsWith('data/glossary/')) continue;
      const where = later ? ` It is spelled out later (line ${lineOf(doc.text, docRange(later.block, later.start, later.end).start)}): move that to here.` : '';
      const message = entry?.expansion
        ? `"${acronym}" is not spelled out at its first use: write "${entry.expansion} (${acronym})".${where}`
        : `"${acronym}" is not spelled out at its first use: write the full words followed by "(${acronym})".${where}`;
      findings.push({
        message,
        start,
        end,
        audience: first.block.audience,
        term: acronym,
        severity: knownToAll ? 'info' : undefined,
        fixes: entry?.expansion
          // Safe unattended: the writer's acronym stays, the glossary's expansion goes before it, once.
          ? [{ title: `Spell out at first use: "${entry.expansion} (${original})"`, kind: 'spell-out' as const, safe: true, edits: [{ start, end, newText: `${entry.expansion} (${original})` }] }]
          : [],
        data: { expansion: entry?.expansion, uses },
      });
    }
    return findings;
  },
};

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

import * as path from 'node:path';
import { AUDIENCE_LABELS, AUDIENCES, BUILTIN_PARTS, discoverConfig, explainTerm } from '../index';
import { flag, parseOptions, UsageError, value } from './args';
import type { Io } from './io';
import { realPath } from '../node/real-path';
import { readIfExists } from './read';

export const EXPLAIN_USAGE = `Usage: crosswalk explain TERM [--config FILE] [--json]

Prints the glossary entry for a term or acronym: what it means, who knows it,
the wording to use for each audience, and its sources. Team glossaries named in
.crosswalk.yaml (found from this folder upwards) are read too.`;

export async function explain(argv: string[], io: Io): Promise<number> {
  const parsed = parseOptions(argv, { '--config': { value: true }, '--json': {}, '--help': { aliases: ['-h'] } });
  if (flag(parsed, '--help')) {
    io.out(EXPLAIN_USAGE);
    return 0;
  }
  const term = parsed.positionals.join(' ').trim();
  if (!term) throw new UsageError('explain needs a term, such as: crosswalk explain EHR');
  const configPath = value(parsed, '--config');
  let glossaries: { name: string; text: string }[];
  try {
    glossaries = (await discoverConfig(io.cwd, (p) => readIfExists(p), configPath ? path.resolve(io.cwd, configPath) : undefined, { realPath })).glossaries;
  } catch (error) {
    io.err(`crosswalk: ${(error as Error).message}`);
    return 2;
  }
  const { entry, suggestion } = explainTerm(term, BUILTIN_PARTS.glossary ?? { entries: [] }, glossaries);
  if (!entry) {
    io.err(`crosswalk: no glossary entry for "${term}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`);
    return 1;
  }
  if (flag(parsed, '--json')) {
    io.out(JSON.stringify({ version: 1, ...entry }, null, 2));
    return 0;
  }
  const lines: string[] = [];
  lines.push(entry.expansion ? `${entry.term}: ${entry.expansion}` : entry.term);
  if (entry.definition) lines.push('', entry.definition);
  const knownBy = AUDIENCES.filter((a) => entry.familiarTo.includes(a));
  const notKnownBy = AUDIENCES.filter((a) => !entry.familiarTo.includes(a));
  lines.push('', `Known to: ${knownBy.length ? `${knownBy.map((a) => AUDIENCE_LABELS[a]).join(', ')} readers` : 'no audience'}`);
  if (notKnownBy.length) lines.push(`Not known to: ${notKnownBy.map((a) => AUDIENCE_LABELS[a]).join(', ')} readers`);
  const wordings = AUDIENCES.filter((a) => !entry.familiarTo.includes(a)).map((a) => [a, entry.replace[a] ?? entry.plain] as const).filter(([, w]) => w);
  if (wordings.length) {
    lines.push('', 'Say instead:');
    for (const [a, w] of wordings) lines.push(`  for ${AUDIENCE_LABELS[a]} readers: ${w}`);
  } else if (entry.plain) lines.push('', `In plain words: ${entry.plain}`);
  if (entry.aliases.length) lines.push('', `Also written: ${entry.aliases.join(', ')}`);
  lines.push('', `Domain: ${entry.domain}. From: ${entry.origin}`);
  if (entry.sources.length) {
    lines.push('Sources:');
    for (const s of entry.sources) lines.push(`  ${s.title}${s.url ? ` <${s.url}>` : ''}`);
  }
  io.out(lines.join('\n'));
  return 0;
}

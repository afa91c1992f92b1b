import { blockRange, type RawFinding, type Rule } from '../core/document';
import { phrasePattern } from '../core/cues';
import { messageType } from '../core/message-types';
import blameData from '../../data/words/blame.yaml';

/**
 * Words that pin fault on a person or a team ("user error", "someone clicked", "the nurse who
 * entered the order caused it"), in incident updates and post-incident reviews: CDC CERC and
 * blameless review practice ask what happened to the system, so that people keep reporting
 * (guidance.md check 8). The words are data (data/words/blame.yaml).
 */
interface BlameData {
  phrases?: string[];
  people?: string[];
  patterns?: string[];
  causes?: string[];
}
const DATA = (blameData ?? {}) as BlameData;
const PHRASES = DATA.phrases?.length ? phrasePattern(DATA.phrases) : undefined;
const PEOPLE = (DATA.people ?? []).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')).join('|');
/** "the {person} who …": a person, then within one clause a verb that makes them the cause. */
const CAUSES = (DATA.causes ?? []).map((c) => c.replace(/ /g, '\\s')).join('|');
const PATTERNS = (DATA.patterns ?? []).map((p) => {
  const source = p.replace(/\{person\}/g, `(?:${PEOPLE})`).replace(/ /g, '\\s');
  // "the nurse who … caused": the person only blames when a cause follows in the clause.
  const who = /who$/.test(p) ? `${source}\\s[^.;:!?]{0,80}?\\b(?:${CAUSES})\\b` : source;
  return new RegExp(`(?<![\\p{L}])${who}(?![\\p{L}])`, 'giu');
});

export const blame: Rule = {
  id: 'blame',
  title: 'Blame',
  description: 'Words that blame a person or team ("user error", "someone clicked") in an incident update or post-incident review.',
  defaultSeverity: 'warning',
  checkBlock(block, doc) {
    if (!messageType(doc.frontMatter?.type)?.blameFree) return [];
    const text = block.analysis.text;
    const found: { start: number; end: number }[] = [];
    const add = (start: number, end: number) => {
      if (!found.some((f) => f.start < end && start < f.end)) found.push({ start, end });
    };
    if (PHRASES) {
      const global = new RegExp(PHRASES.source, 'giu');
      for (let m = global.exec(text); m; m = global.exec(text)) add(m.index, m.index + m[0].length);
    }
    for (const pattern of PATTERNS) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) add(m.index, m.index + m[0].length);
    }
    return found.sort((a, b) => a.start - b.start).map((f): RawFinding => ({
      ...blockRange(block, f.start, f.end),
      message: `"${text.slice(f.start, f.end)}" puts the fault on a person. Say what happened to the system and what will change ("the warning did not show", "a phishing email reached staff"): blame stops people reporting.`,
      audience: block.audience,
      term: text.slice(f.start, f.end),
    }));
  },
};

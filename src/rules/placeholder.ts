import { blockRange, type PreparedDocument, type Rule } from '../core/document';
import { regExpMatcher, type PatternMatcher } from '../core/user-pattern';

/**
 * Template blanks: a message sent with "[DATE]" or "TBD" in it costs more trust than any jargon.
 * Config `rules: {placeholder: {patterns: [...]}}` (or the older top-level `placeholders`) adds
 * the team's own patterns.
 */
const BUILT_IN: PatternMatcher[] = builtInPatterns();

/** data/placeholders.yaml (schema: data/schema/placeholders.schema.json), parsed at build time. */
function builtInPatterns(): PatternMatcher[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild bundles data/*.yaml parsed (esbuild.js)
  const data = require('../../data/placeholders.yaml') as { patterns: { pattern: string; flags?: string }[] };
  return data.patterns.map((p) => regExpMatcher(new RegExp(p.pattern, `gu${p.flags ?? ''}`)));
}

export const placeholder: Rule = {
  id: 'placeholder',
  title: 'Template blanks',
  description: 'A template blank left in the draft, such as [DATE], TBD or {{name}}.',
  defaultSeverity: 'error',
  options: {
    patterns: {
      type: 'array',
      items: { type: 'string' },
      description: 'More blanks to look for, as regular expressions in RE2 syntax, run in linear time: no lookaround or backreferences (the same as the top-level `placeholders` key).',
    },
  },
  check(doc) {
    // "title: [TITLE]" parses as a YAML list, so blanks in front matter are looked for in its text.
    if (!doc.frontMatter) return [];
    const { yamlStart, yamlEnd } = doc.frontMatter;
    return blanksIn(doc.text.slice(yamlStart, yamlEnd), patternsOf(doc)).map((m) => ({
      message: `Template blank "${m.text}" is still in the front matter: fill it in before sending.`,
      start: yamlStart + m.index,
      end: yamlStart + m.index + m.text.length,
      audience: doc.audience,
      term: m.text,
    }));
  },
  checkBlock(block, doc) {
    return blanksIn(block.analysis.text, patternsOf(doc)).map((m) => ({
      message: `Template blank "${m.text}" is still in the draft: fill it in before sending.`,
      ...blockRange(block, m.index, m.index + m.text.length),
      audience: block.audience,
      term: m.text,
    }));
  },
};

/** Every blank in a text, once per place, whichever pattern finds it first. */
function blanksIn(text: string, patterns: PatternMatcher[]): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  const seen = new Set<number>();
  for (const pattern of patterns) {
    for (const m of pattern.findAll(text)) {
      if (!seen.has(m.index)) {
        seen.add(m.index);
        found.push(m);
      }
    }
  }
  return found;
}

function patternsOf(doc: PreparedDocument): PatternMatcher[] {
  return [...BUILT_IN, ...doc.config.placeholders];
}

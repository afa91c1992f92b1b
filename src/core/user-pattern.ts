import { RE2JS } from 're2js';

/** A place a pattern matched: UTF-16 offset and the matched text. */
export interface PatternMatch {
  index: number;
  text: string;
}

/** A compiled pattern the placeholder rule runs: built-in (JS RegExp, ours) or a team's (RE2). */
export interface PatternMatcher {
  source: string;
  findAll(text: string): PatternMatch[];
}

/** Longer team patterns are refused: RE2 is linear in the text, but its program grows with the pattern. */
const MAX_PATTERN_LENGTH = 500;

/**
 * Compiles a team's pattern (`placeholders:` in .crosswalk.yaml, which an untrusted workspace
 * supplies) on RE2 (re2js, pure JavaScript): matching takes time linear in the text, whatever the
 * pattern, so `(a+)+$` cannot freeze the editor. RE2 has no lookaround and no backreferences; a
 * pattern using them is refused with a reason, as is one that does not parse.
 */
export function compileUserPattern(source: string): PatternMatcher | { error: string } {
  if (source.length > MAX_PATTERN_LENGTH) return { error: `it is longer than ${MAX_PATTERN_LENGTH} characters` };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    const hint = /\(\?<[=!]|\(\?[=!]/.test(source) ? ' (lookahead and lookbehind are not supported)' : /\\[1-9]/.test(source) ? ' (backreferences are not supported)' : '';
    return { error: `${reason}${hint}` };
  }
  return {
    source,
    findAll(text) {
      const found: PatternMatch[] = [];
      const matcher = compiled.matcher(text);
      let from = 0;
      while (from <= text.length && matcher.find(from)) {
        const start = matcher.start();
        const end = matcher.end();
        if (end > start) found.push({ index: start, text: text.slice(start, end) });
        // An empty match moves on by one character, as String.prototype.matchAll does.
        from = end > start ? end : end + 1;
      }
      return found;
    },
  };
}

/** A built-in pattern (data/placeholders.yaml, bounded and tested) as a matcher. */
export function regExpMatcher(pattern: RegExp): PatternMatcher {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return {
    source: pattern.source,
    findAll(text) {
      const found: PatternMatch[] = [];
      global.lastIndex = 0;
      for (let m = global.exec(text); m; m = global.exec(text)) {
        if (m[0].length === 0) {
          global.lastIndex++;
          continue;
        }
        found.push({ index: m.index, text: m[0] });
      }
      return found;
    },
  };
}

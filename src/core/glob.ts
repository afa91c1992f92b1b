import { RE2JS } from 're2js';

/**
 * Globs from `.crosswalk.yaml`, `.crosswalkignore`, `.gitignore` and the command line, matched in
 * linear time. Each glob becomes an RE2 expression run by re2js (no backtracking), because a
 * workspace or a pull request supplies these patterns: picomatch's and ignore's JavaScript
 * expressions take seconds on `*a*a*a*a*a*a*a*a*a*a*a*b` against 30 letters (measured), and a
 * checker must never hang on its input.
 *
 * Syntax: `*` (within one path segment), `**` (a whole segment: any depth), `?`, `[abc]`, `[a-z]`,
 * `[!a]` and `[^a]` (negation), `{a,b}` (nested too), `\` escapes the next character. A `[` or `{`
 * with no partner is an ordinary character, so `notes [draft].md` and `docs/{a` match themselves.
 * `*` and `?` match a leading dot; a class never matches `/`. Matching is case-sensitive.
 */
export interface GlobMatcher {
  readonly pattern: string;
  /** True when the whole '/'-separated path matches. */
  matches(path: string): boolean;
}

/** Longer patterns and more brace alternatives than these are refused with a message. */
export const GLOB_LIMITS = { length: 1000, alternatives: 256 };

export type GlobResult = { matcher: GlobMatcher; problem?: undefined } | { matcher?: undefined; problem: string };

export function compileGlob(pattern: string): GlobResult {
  if (pattern.length > GLOB_LIMITS.length) return { problem: `Pattern is longer than ${GLOB_LIMITS.length} characters.` };
  const alternatives: string[] = [];
  if (!expandBraces(pattern, 0, alternatives, 0)) {
    return { problem: `Pattern has more than ${GLOB_LIMITS.alternatives} {…} alternatives.` };
  }
  const source = [...new Set(alternatives)].map(toRegex).join('|');
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (error) {
    return { problem: `Pattern could not be read: ${(error as Error).message}` };
  }
  return { matcher: { pattern, matches: (path: string) => re.testExact(path) } };
}

/** True when the pattern has glob syntax that does something (not only literal characters). */
export function hasGlobSyntax(pattern: string): boolean {
  return /[*?[{\\]/.test(pattern);
}

/**
 * Why a pattern's `[` or `{` is read as an ordinary character, when one is (a `[` with no `]`, a
 * class with a `/` inside or a range backwards, a `{` with no `}`): such a pattern still works,
 * literally, but is most often a typo, so the places a writer types patterns say so. Undefined when
 * every `[` and `{` is glob syntax (or escaped).
 */
export function literalGlobSyntax(pattern: string): string | undefined {
  const chars = [...pattern];
  let open = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      const cls = readClass(chars, i);
      if (cls) i = cls.end;
      else return chars.indexOf(']', i + 1) === -1 ? 'its "[" has no closing "]", so it matches a "[" itself' : 'its "[…]" is no character class (it holds a "/" or a range backwards), so it matches a "[" itself';
    } else if (ch === '{') open++;
    else if (ch === '}' && open > 0) open--;
  }
  return open > 0 ? 'its "{" has no closing "}", so it matches a "{" itself' : undefined;
}

/**
 * Expands the first balanced `{…,…}` at or after `from`, recursively, into `out`. Returns false
 * when the expansions exceed the limit. Braces with no partner or no comma stay literal.
 */
function expandBraces(pattern: string, from: number, out: string[], depth: number): boolean {
  const group = findBraceGroup(pattern, from);
  if (!group) {
    out.push(pattern);
    return out.length <= GLOB_LIMITS.alternatives;
  }
  if (depth > 32) return false;
  const prefix = pattern.slice(0, group.open);
  const suffix = pattern.slice(group.close + 1);
  for (const alternative of group.alternatives) {
    if (!expandBraces(prefix + alternative + suffix, prefix.length, out, depth + 1)) return false;
  }
  return true;
}

function findBraceGroup(pattern: string, from: number): { open: number; close: number; alternatives: string[] } | undefined {
  for (let open = from; open < pattern.length; open++) {
    const ch = pattern[open];
    if (ch === '\\') {
      open++;
      continue;
    }
    if (ch !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = open; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          if (commas.length === 0) break; // `{a}` is literal, as in a shell
          const cuts = [open, ...commas, i];
          const alternatives = cuts.slice(0, -1).map((cut, k) => pattern.slice(cut + 1, cuts[k + 1]));
          return { open, close: i, alternatives };
        }
      } else if (c === ',' && depth === 1) commas.push(i);
    }
    // No partner (or no comma): this `{` is an ordinary character; look for the next one.
  }
  return undefined;
}

const literal = (codePoint: number) => (/[A-Za-z0-9]/.test(String.fromCodePoint(codePoint)) ? String.fromCodePoint(codePoint) : `\\x{${codePoint.toString(16)}}`);

/** One brace-free glob as an RE2 expression for the whole path. */
function toRegex(glob: string): string {
  const chars = [...glob];
  let re = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\\') {
      if (i + 1 < chars.length) re += literal(chars[++i].codePointAt(0) as number);
      else re += literal(0x5c);
    } else if (ch === '*') {
      let j = i;
      while (chars[j] === '*') j++;
      const wholeSegment = (i === 0 || chars[i - 1] === '/') && (j === chars.length || chars[j] === '/');
      if (j - i >= 2 && wholeSegment) {
        if (j === chars.length) re += '.*';
        else {
          re += '(?:.*/)?';
          j++; // the slash after `**` is part of "any number of folders"
        }
      } else re += '[^/]*';
      i = j - 1;
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const cls = readClass(chars, i);
      if (cls) {
        re += cls.regex;
        i = cls.end;
      } else re += literal(0x5b);
    } else re += literal(ch.codePointAt(0) as number);
  }
  return re;
}

/** A `[...]` class at `start`, or undefined when it is not one (no `]`, a `/` inside, a bad range). */
function readClass(chars: string[], start: number): { regex: string; end: number } | undefined {
  let i = start + 1;
  const negate = chars[i] === '!' || chars[i] === '^';
  if (negate) i++;
  const members: number[] = [];
  const first = i;
  for (; i < chars.length; i++) {
    const c = chars[i];
    if (c === ']' && i > first) break;
    if (c === '/') return undefined;
    if (c === '\\' && i + 1 < chars.length) members.push((chars[++i].codePointAt(0) as number) | 0x40000000);
    else members.push(c.codePointAt(0) as number);
  }
  if (i >= chars.length || members.length === 0) return undefined;
  // Escaped members carry a flag bit so that an escaped `-` is a member, never a range.
  const plain = (m: number) => m & ~0x40000000;
  const isDash = (m: number) => m === 0x2d;
  let body = '';
  for (let k = 0; k < members.length; k++) {
    const lo = members[k];
    if (k + 2 < members.length && isDash(members[k + 1])) {
      const hi = members[k + 2];
      if (plain(lo) > plain(hi)) return undefined;
      body += `\\x{${plain(lo).toString(16)}}-\\x{${plain(hi).toString(16)}}`;
      k += 2;
    } else body += `\\x{${plain(lo).toString(16)}}`;
  }
  return { regex: negate ? `[^/${body}]` : `[${body}]`, end: i };
}

import type { AudienceCatalog } from './audience';
import { termAudienceProblems, teamGlossaryProblems, type GlossaryFileProblem } from './glossary';
import { Slicer, splitTermItems } from './glossary-compile';
import { glossaryHeadProblems, termFormatProblems, type Locate } from './glossary-schema';
import { parseYaml, rangeOfPath } from './yaml-problems';

/**
 * A team glossary's format check (src/core/glossary.ts `teamGlossaryProblems`) in slices, with a
 * turn of the event loop between them: the language server checks every glossary it reads, and
 * a 100,000-term glossary (about 12 MB of YAML) held it for seconds in one step, parsing the
 * whole file and then placing a finding for each entry. Here the file is cut where
 * src/core/glossary-compile.ts cuts it for the compile (`splitTermItems`: the lines outside the
 * `terms:` list, and each list item), each run of items is parsed and checked on its own, and
 * every range found in a part is moved by where that part starts in the file, so that the
 * problems are those of the one-go check, at the same offsets and in the same order
 * (test/unit/glossary-check.test.ts holds them equal). A glossary of another shape (a flow list,
 * anchors shared between items, a YAML error anywhere) is checked in one go, as before.
 */

/** List items parsed and checked between two chances to pause: a parse's set-up is small beside 64 items. */
const ITEMS_PER_STEP = 64;

/** Problems placed into findings between two chances to pause. */
export const PLACED_PER_STEP = 2000;

export async function teamGlossaryProblemsAsync(
  team: { name: string; text: string },
  options: { audiences?: AudienceCatalog; knownTerm?: (term: string) => boolean },
  slicer: Slicer,
): Promise<GlossaryFileProblem[]> {
  const { name: origin, text } = team;
  const oneGo = () => teamGlossaryProblems(team, options);
  const split = await splitTermItems(text, slicer);
  if (!split || split.itemStarts.length === 0) return oneGo();
  const { itemStarts, listEnd } = split;
  const listStart = itemStarts[0];
  await slicer.maybePause();
  // The file without its list: the list's text is cut out, so that an offset at or after the cut
  // lies `listEnd - listStart` further on in the file.
  const skeleton = parseYaml(text.slice(0, listStart) + text.slice(listEnd));
  const head = skeleton.value as Record<string, unknown> | undefined;
  if (skeleton.problems.length || !head || typeof head !== 'object' || Array.isArray(head) || head.terms != null) return oneGo();
  const cut = listEnd - listStart;
  const inSkeleton: Locate = (path, which) => {
    const r = rangeOfPath(skeleton.doc, path, which);
    return r && (r[0] >= listStart ? [r[0] + cut, r[1] + cut] : r);
  };
  // The one-go check's order: the file's own keys, then each term's format, then audience ids; sorted by place at the end.
  const format = glossaryHeadProblems({ ...head, terms: [] }, inSkeleton, origin);
  const audience: GlossaryFileProblem[] = [];
  const isBuiltIn = options.knownTerm ?? (() => false);
  for (let k = 0; k < itemStarts.length; k += ITEMS_PER_STEP) {
    await slicer.maybePause();
    const count = Math.min(ITEMS_PER_STEP, itemStarts.length - k);
    const from = itemStarts[k];
    const to = k + count < itemStarts.length ? itemStarts[k + count] : listEnd;
    const part = parseYaml(text.slice(from, to));
    if (part.problems.length || !Array.isArray(part.value) || part.value.length !== count) return oneGo();
    // A term's path in the file (terms, i, ...) is (i - k, ...) in this part, `from` characters in.
    const locate: Locate = (path, which) => {
      const r = rangeOfPath(part.doc, [(path[1] as number) - k, ...path.slice(2)], which);
      return r && [r[0] + from, r[1] + from];
    };
    for (let j = 0; j < count; j++) {
      termFormatProblems(part.value[j], k + j, locate, origin, isBuiltIn, format);
      if (options.audiences) termAudienceProblems(part.value[j], k + j, locate, origin, options.audiences, audience);
    }
  }
  return sortByStart(format.concat(audience), slicer);
}

/** Problems sorted in one go, below this many. */
const RUN = 1024;

/**
 * `problems.sort((a, b) => a.start - b.start)` in steps, as stable as that sort: runs of `RUN`
 * sorted in one go each, then merged pairwise, a chance to pause every `RUN` problems placed.
 * A 100,000-term glossary may have a problem for every term.
 */
export async function sortByStart(problems: GlossaryFileProblem[], slicer: Slicer): Promise<GlossaryFileProblem[]> {
  const byStart = (a: GlossaryFileProblem, b: GlossaryFileProblem) => a.start - b.start;
  if (problems.length <= RUN) return problems.sort(byStart);
  let from: GlossaryFileProblem[] = [];
  for (let i = 0; i < problems.length; i += RUN) {
    await slicer.maybePause();
    for (const p of problems.slice(i, i + RUN).sort(byStart)) from.push(p);
  }
  let to: GlossaryFileProblem[] = new Array<GlossaryFileProblem>(from.length);
  const n = from.length;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      // The left run first on equal starts: stable.
      for (let i = lo, j = mid, k = lo; k < hi; k++) {
        if (k % RUN === 0) await slicer.maybePause();
        to[k] = j >= hi || (i < mid && from[i].start <= from[j].start) ? from[i++] : from[j++];
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

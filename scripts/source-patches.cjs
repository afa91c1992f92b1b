// The patches Crosswalk applies to the source of two dependencies, in one place: esbuild.js
// applies them to the bundles (dist/) and test/setup/yaml-require.cjs to every unbundled run
// (unit tests, `npm run generate`, `npm run eval`, the CLI and scripts through tsx), so that
// tests check the parser that ships. Each patch throws when the file no longer has the shape it
// replaces, so that an upgrade cannot silently drop it.

/**
 * micromark merges each run of adjacent `data` events of a paragraph with one `splice` of the
 * paragraph's whole event list (micromark/lib/initialize/text.js, resolveAllText): quadratic in a
 * long paragraph that the parser fragments, such as 1 MB of lines of `Text <!-- x` (11 times a
 * normal draft's time, issue 9). The patch compacts the list in one pass instead; the events
 * that come out are the same.
 */
const LOOP = /while \(\+\+index <= events\.length\) \{\n\s*if \(enter === undefined\) \{[\s\S]*?events\.splice\(enter \+ 2, index - enter - 2\);[\s\S]*?\n {4}\}\n(?= {4}return extraResolver)/;
const LINEAR_LOOP = `// Patched by scripts/source-patches.cjs (linear-data-merge): one pass, no splice per run.
    let write = 0;
    while (++index < events.length) {
      if (events[index][1].type === "data") {
        enter = index;
        while (index + 1 < events.length && events[index + 1][1].type === "data") index++;
        if (index !== enter + 1) events[enter][1].end = events[index][1].end;
        events[write++] = events[enter];
        events[write++] = events[enter + 1];
      } else {
        events[write++] = events[index];
      }
    }
    events.length = write;
`;

/** @type {{ name: string, file: RegExp, apply(text: string): string }[]} */
const PATCHES = [
  {
    name: 'linear-data-merge',
    file: /micromark[\\/]lib[\\/]initialize[\\/]text\.js$/,
    apply: (text) => text.replace(LOOP, LINEAR_LOOP),
  },
  {
    /**
     * unist-util-visit-parents names every visitor closure it creates (Object.defineProperty) so
     * that stack traces read well; on a draft that is one property definition per syntax node, a
     * tenth of a check's time. Skipped; behaviour is otherwise the library's own.
     */
    name: 'unnamed-visitors',
    file: /unist-util-visit-parents[\\/]lib[\\/]index\.js$/,
    apply: (text) => text.replace(/Object\.defineProperty\(visit, 'name', \{[\s\S]*?\n {6}\}\)/, '/* visitor naming skipped: see scripts/source-patches.cjs */'),
  },
];

/** The patch for a file's path, if one applies to it. */
function patchFor(file) {
  return PATCHES.find((p) => p.file.test(file));
}

/** The file's text with its patch applied; throws when the patch no longer finds what it replaces. */
function patchSource(file, text) {
  const patch = patchFor(file);
  if (!patch) return text;
  const patched = patch.apply(text);
  if (patched === text) throw new Error(`scripts/source-patches.cjs: ${file} changed shape; update the ${patch.name} patch`);
  return patched;
}

module.exports = { PATCHES, patchFor, patchSource };

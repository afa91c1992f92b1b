// Hostile shapes of Markdown (issue 9): each once threw "Maximum call stack size exceeded" or
// took super-linear time. `HOSTILE` is checked by test/unit/hostile-input.test.ts at 20-60 KB;
// `BENCH_SHAPES` are the 1 MB drafts bench/run.mjs times against a normal 1 MB draft.

/** Each shape as `size` characters, about. */
export const HOSTILE = {
  'nested quotes': (n) => '>'.repeat(n) + ' The HL7 feed stops.',
  'nested quotes with spaces': (n) => '> '.repeat(n / 2) + 'The HL7 feed stops.',
  'nested lists': (n) => '- '.repeat(n / 2) + 'The HL7 feed stops.',
  'a run of *': (n) => '*'.repeat(n / 2) + 'HL7' + '*'.repeat(n / 2),
  'a hyphen-joined word': (n) => 'a-'.repeat(n / 2) + 'HL7',
  'capitalised words': (n) => 'PLEASE READ THE HL7 FEED NOW '.repeat(n / 29),
  'a line of [': (n) => '['.repeat(n),
  'a line of ]': (n) => ']'.repeat(n),
  'repeated <!-- without -->': (n) => '<!--'.repeat(n / 4),
  'repeated <!-- lines without -->': (n) => 'Text <!-- x\n'.repeat(n / 12),
  'nested links': (n) => '['.repeat(n / 5) + 'HL7' + '](u)'.repeat(n / 5),
  'unmatched ] in prose': (n) => 'the HL7] feed '.repeat(n / 14),
  'a line of <': (n) => '<'.repeat(n),
  'entities': (n) => 'HL7&nbsp;feed &amp; '.repeat(n / 20),
  'disable comments': (n) => DISABLE_LINES.repeat(n / DISABLE_LINES.length),
  // date-check reads each section's starts and ends and each table row's Start and End cells.
  'sections of starts and ends': (n) => '## When\n\nStart: Saturday 10 p.m. from June 12.\n\nEnd: Saturday 8 p.m.\n\n'.repeat(n / 72),
  'a long Start/End table': (n) => '| Site | Start | End |\n|---|---|---|\n' + '| HL7 | June 12, 10 p.m. | June 12, 8 p.m. |\n'.repeat(n / 44),
  // Windows paired by proximity in one sentence, and in one long list item.
  'windows in one sentence': (n) => 'Phase 1: June 13 22:00 to June 12 02:00; starts June 14 until June 13; '.repeat(n / 72),
  'windows in one list item': (n) => '- ' + 'Starts June 13. Ends June 12. from 22:00 to 02:00 '.repeat(n / 50),
};

/** Directives on every line, and findings on every line that they do not silence. */
const DISABLE_LINES = 'The HL7 feed stops for the EHR. <!-- crosswalk-disable-line passive-voice -->\n' +
  '<!-- crosswalk-disable-next-line readability -->\nThe CPOE is down.\n\n';

/** `block` repeated, blank-line separated, to about `n` characters. */
const blocks = (block, n) => `${block}\n\n`.repeat(Math.max(1, Math.round(n / (block.length + 2))));

/** The 1 MB shapes of the benchmark, by name (issue 9's list, and the disable comments of its smaller ones). */
export const BENCH_SHAPES = {
  'capitalised words': HOSTILE['capitalised words'],
  'a line of [': HOSTILE['a line of ['],
  'repeated <!-- without -->': HOSTILE['repeated <!-- without -->'],
  'nested links': HOSTILE['nested links'],
  '5 KB of > (blocks)': (n) => blocks('>'.repeat(5000) + ' The HL7 feed stops.', n),
  '5 KB of - (blocks)': (n) => blocks('- '.repeat(2500) + 'The HL7 feed stops.', n),
  '200 KB hyphen-joined words': (n) => blocks('a-'.repeat(100_000) + 'HL7', n),
  'lines of Text <!-- x (one paragraph)': HOSTILE['repeated <!-- lines without -->'],
  'thousands of disable comments': HOSTILE['disable comments'],
};

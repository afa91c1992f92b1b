/**
 * Splits a Markdown document into top-level chunks, cheaply and without parsing, so that each
 * chunk can be parsed and analysed on its own and cached by its text. Parsing a whole document
 * with remark on every keystroke is what makes incremental checking impossible.
 *
 * A chunk boundary is a blank line, except inside front matter, fenced code, HTML comments, the
 * HTML blocks that only their end tag closes (`<pre>`, `<script>`, `<style>`, `<textarea>`:
 * CommonMark's HTML block 1, which blank lines do not end), and before an indented line (which
 * continues the previous list item or block). This runs on every
 * keystroke over the whole draft, so it walks line offsets and slices only the chunks.
 */
export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  start: number;
  text: string;
  kind: 'frontmatter' | 'markdown';
}

const FENCE_OPEN = / {0,3}(`{3,}|~{3,})/y;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** CommonMark's HTML block start condition 1, at a line's start; the block ends on the line holding any of the end tags. */
const RAW_HTML_OPEN = / {0,3}<(?:pre|script|style|textarea)(?=[ \t>\r\n]|$)/iy;
const RAW_HTML_CLOSE = /<\/(?:pre|script|style|textarea)>/gi;
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(---|\.\.\.)[ \t]*$/;

export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  // Line i spans [starts[i], ends[i]) without its line ending.
  const starts: number[] = [];
  const ends: number[] = [];
  // A line ends at LF, CRLF or a lone CR, as CommonMark counts lines (src/core/positions.ts too).
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  for (let start = 0; ; ) {
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    const brk = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
    starts.push(start);
    ends.push(brk === -1 ? text.length : brk);
    if (brk === -1) break;
    start = brk + (brk === cr && text.charCodeAt(brk + 1) === 10 ? 2 : 1);
  }
  const line = (i: number) => text.slice(starts[i], ends[i]);
  const isBlank = (i: number) => {
    for (let k = starts[i]; k < ends[i]; k++) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  };
  const count = starts.length;
  const opens: number[] = [];
  for (let at = text.indexOf('<!--'); at !== -1; at = text.indexOf('<!--', at + 4)) opens.push(at);
  let nextOpen = 0;
  let i = 0;

  if (count > 0 && FRONT_MATTER_OPEN.test(line(0))) {
    for (let j = 1; j < count; j++) {
      if (FRONT_MATTER_CLOSE.test(line(j))) {
        chunks.push({ start: 0, text: text.slice(0, ends[j]), kind: 'frontmatter' });
        i = j + 1;
        break;
      }
    }
  }

  let chunkStart = -1;
  let chunkEnd = -1;
  let blankSeen = false;
  const flush = () => {
    if (chunkStart !== -1) chunks.push({ start: chunkStart, text: text.slice(chunkStart, chunkEnd), kind: 'markdown' });
    chunkStart = -1;
  };

  while (i < count) {
    if (isBlank(i)) {
      if (chunkStart !== -1) blankSeen = true;
      i++;
      continue;
    }
    const first = text.charCodeAt(starts[i]);
    const continues = (first === 32 || first === 9) && chunkStart !== -1;
    if (blankSeen && !continues) flush();
    blankSeen = false;
    if (chunkStart === -1) chunkStart = starts[i];

    FENCE_OPEN.lastIndex = starts[i];
    const fence = FENCE_OPEN.exec(text);
    if (fence && fence.index === starts[i]) {
      const marker = fence[1];
      let j = i + 1;
      while (j < count && !closesFence(line(j), marker)) j++;
      const last = Math.min(j, count - 1);
      chunkEnd = ends[last];
      i = last + 1;
      continue;
    }
    RAW_HTML_OPEN.lastIndex = starts[i];
    if (RAW_HTML_OPEN.test(text)) {
      // Up to the line that holds an end tag, this one included, or the end of the draft. One
      // search from here: the block takes every line it passes, so no line is searched twice.
      RAW_HTML_CLOSE.lastIndex = starts[i];
      const close = RAW_HTML_CLOSE.exec(text);
      let last = count - 1;
      if (close) {
        last = i;
        while (last < count - 1 && ends[last] < close.index + close[0].length) last++;
      }
      chunkEnd = ends[last];
      i = last + 1;
      continue;
    }
    // The last comment opening on this line, from the list made once for the whole draft.
    while (nextOpen < opens.length && opens[nextOpen] < starts[i]) nextOpen++;
    let open = -1;
    while (nextOpen < opens.length && opens[nextOpen] < ends[i]) open = opens[nextOpen++];
    if (open !== -1) {
      const close = text.indexOf('-->', open + 4);
      if (close === -1 || close + 3 > ends[i]) {
        // An HTML comment that runs over several lines, blank ones included, is one chunk.
        let last = count - 1;
        if (close !== -1) {
          last = i + 1;
          while (last < count - 1 && ends[last] < close + 3) last++;
        }
        chunkEnd = ends[last];
        i = last + 1;
        continue;
      }
    }
    chunkEnd = ends[i];
    i++;
  }
  flush();
  return chunks;
}

function closesFence(content: string, marker: string): boolean {
  const m = FENCE_CLOSE.exec(content);
  return m !== null && m[1][0] === marker[0] && m[1].length >= marker.length;
}

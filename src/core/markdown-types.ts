/**
 * What parsing one Markdown chunk gives: its prose blocks, comments and tables. Both parsers
 * produce it: remark's (markdown.ts) and the fast path for plain chunks (markdown-fast.ts).
 */

/** A run of prose with a map from each prose character back to its offset in the chunk. */
export interface ProseBlock {
  kind: 'paragraph' | 'heading' | 'tableCell';
  /** The prose as a reader sees it: code, HTML and URLs are blanked to spaces. */
  text: string;
  /** `map[i]` is the chunk offset where prose character i's source starts; `map[text.length]` is the block's end. */
  map: Int32Array;
  /**
   * `ends[i]` is the chunk offset just past prose character i's source: `map[i] + 1` for a
   * character written as itself, the whole `&mdash;` for a decoded entity, `\*` for an escape,
   * the whole code span, HTML or image for the blank that stands for it.
   */
  ends: Int32Array;
  /** Prose indices of the blanks that stand for markup (code, HTML, images, bare-URL links), in order. */
  markup: number[];
  /** Chunk offset where the block's Markdown starts (a heading's `#`, say). */
  start: number;
  /** A heading's level. */
  depth?: number;
  /**
   * A heading's: chunk offset where its Markdown ends, a setext heading's `===` or `---` line
   * and an ATX heading's closing `#`s included (what is inserted under a title goes after it).
   */
  end?: number;
}

/** An HTML comment that may carry a Crosswalk directive, with its chunk-relative range. */
export interface Comment {
  body: string;
  start: number;
  end: number;
}

/** A GFM table: each row's cells as written (trimmed), with chunk-relative offsets. */
export interface Table {
  start: number;
  rows: { start: number; cells: { text: string; start: number; end: number }[] }[];
}

export interface ParsedChunk {
  blocks: ProseBlock[];
  comments: Comment[];
  tables?: Table[];
}

import type { BlockAnalysis, ChunkAnalysis } from './analysis';
import type { ResolvedConfig } from './config';
import type { FrontMatter } from './frontmatter';
import type { Glossary } from './glossary';
import type { Steps } from './steps';
import type { YamlProblem } from './yaml-problems';
import type { AudienceId, FixKind, RuleLevel, Severity } from './types';

/** A block of prose placed in the document, with the audience that holds where it stands. */
export interface PlacedBlock {
  analysis: BlockAnalysis;
  /** Document offset of the chunk the block belongs to. */
  chunkStart: number;
  audience: AudienceId[];
}

/** Everything a rule reads: one parse and one analysis, shared by all rules. */
export interface PreparedDocument {
  text: string;
  blocks: PlacedBlock[];
  chunks: { start: number; analysis: ChunkAnalysis }[];
  config: ResolvedConfig;
  glossary: Glossary;
  frontMatter?: FrontMatter;
  /** Audience problems from markers (unknown names), with document offsets. */
  markerProblems: YamlProblem[];
  /** Terms accepted in this draft: front matter `allow` plus config `allow`. */
  allowed: Set<string>;
  /** The document audience (front matter, config, options, or all). */
  audience: AudienceId[];
  /** Ids of the rules that run on this draft (not `off`), so that a rule can defer to another. */
  enabled: ReadonlySet<string>;
  /**
   * True when a disable comment silences the rule at this document offset. Term rules skip such
   * uses before they pick a term's first use, so that the first use not silenced is flagged.
   */
  isSuppressed?(ruleId: string, offset: number): boolean;
  /**
   * The places between blocks where a fix may insert a section, in document order, with how the
   * engine would place a block inserted there (computed on first call). Fixes that add sections
   * (message-parts, interests) choose among them, so that a section lands where its audience
   * holds and leaves every other block under the audience it had.
   */
  insertionSlots?(): readonly InsertionSlot[];
}

/**
 * A place where a block may be inserted: a chunk's start or end (a blank line or the end of the
 * draft lies beyond it), the start of a top-level heading's line, or the start of the line of an
 * audience marker that follows a line of prose.
 */
export interface InsertionSlot {
  offset: number;
  kind: 'chunk-start' | 'chunk-end' | 'heading' | 'marker';
  /** The audience that holds here. */
  audience: AudienceId[];
  /** The document's audience, which holds again after a marker's heading section. */
  documentAudience: AudienceId[];
  /** A marker stands just before with no block since: the next block decides its scope. */
  pending: boolean;
  /** The level of the heading whose section a marker holds to, when one does here. */
  scopeDepth?: number;
  /** That section ends right after this slot (at a heading, a marker or the end): no block of it follows. */
  atScopeEnd?: boolean;
}

/**
 * The audience a block inserted at `slot` would get (a heading of `depth`, or a paragraph for
 * no depth), or undefined when inserting it there would move other blocks to another audience:
 * a block after a marker takes the marker's scope from what follows, and a heading at or above
 * the level of a marker's section ends that section early, unless nothing of the section follows
 * (src/core/linter.ts `placeBlocks`).
 */
export function insertedAudience(slot: InsertionSlot, depth: number | undefined): AudienceId[] | undefined {
  if (slot.pending) return undefined;
  // A heading at or above the section's level ends it: harmless only where it ends anyway, and
  // the heading is then under the document's audience.
  if (depth !== undefined && slot.scopeDepth !== undefined && depth <= slot.scopeDepth) return slot.atScopeEnd ? slot.documentAudience : undefined;
  return slot.audience;
}

/** A finding as a rule reports it: document offsets, turned into positions by the engine. */
export interface RawFinding {
  ruleId?: string;
  message: string;
  start: number;
  end: number;
  audience: AudienceId[];
  term?: string;
  /** Overrides the rule's default severity (e.g. a glossary term marked `info`). */
  severity?: Severity;
  fixes?: RawFix[];
  /** Later uses of the same term this finding stands for (same offsets base as start/end). */
  related?: { start: number; end: number }[];
  data?: Record<string, unknown>;
}

export interface RawFix {
  title: string;
  /** What the fix does (see `FixKind` in src/core/types.ts). */
  kind: FixKind;
  /** Safe to apply unattended (see `Fix.safe`); false when left out. */
  safe?: boolean;
  edits: { start: number; end: number; newText: string }[];
}

/**
 * One option a rule takes in `.crosswalk.yaml` (`rules: {placeholder: {level: error, patterns:
 * [...]}}`), in JSON Schema's terms so that the config schema and the editor's settings are
 * generated from it (scripts/generate-docs.ts).
 */
export type RuleOptionSchema =
  | { type: 'string' | 'number' | 'boolean'; description: string; enum?: (string | number)[]; minimum?: number }
  | { type: 'array'; description: string; items: { type: 'string' } };

/** What a rule says about itself: docs, settings, the config schema and reports read it. */
export interface RuleMeta {
  id: string;
  /** A short name for reports and the README's rule table ("Hard sentences"). */
  title: string;
  /** One sentence: what the rule finds. */
  description: string;
  defaultSeverity: RuleLevel;
  /** The README anchor its findings link to; `rule-<id>` when left out. */
  docs?: string;
  /** Options beyond the level, by name; a rule without options takes only a level. */
  options?: Record<string, RuleOptionSchema>;
}

export interface Rule extends RuleMeta {
  /**
   * Findings of one block from that block alone, with offsets relative to the block's chunk
   * (see `blockRange`). The engine caches them per block and audience, so that editing one
   * paragraph re-checks about one paragraph.
   */
  checkBlock?(block: PlacedBlock, doc: PreparedDocument): RawFinding[];
  /**
   * Findings that need the whole document, with document offsets. A rule whose pass over a long
   * draft is slow writes it as a generator (`*check(doc)`) that yields between blocks: the engine
   * runs it to the end for `lint` and in slices for `lintAsync` (src/core/steps.ts).
   */
  check?(doc: PreparedDocument): RawFinding[] | Steps<RawFinding[]>;
}

/**
 * Maps a prose range of a block to offsets relative to the block's chunk: from where its first
 * character's source starts to where its last one's ends (an entity or escape whole).
 */
export function blockRange(block: PlacedBlock, start: number, end: number): { start: number; end: number } {
  const { map, ends } = block.analysis;
  const from = map[Math.max(0, Math.min(start, map.length - 1))];
  if (end <= start || ends.length === 0) return { start: from, end: from };
  return { start: from, end: Math.max(from, ends[Math.min(end - 1, ends.length - 1)]) };
}

/** Maps a prose range of a block to document offsets. */
export function docRange(block: PlacedBlock, start: number, end: number): { start: number; end: number } {
  const r = blockRange(block, start, end);
  return { start: block.chunkStart + r.start, end: block.chunkStart + r.end };
}

export function isAllowed(doc: PreparedDocument, ...terms: (string | undefined)[]): boolean {
  return terms.some((t) => t !== undefined && (doc.allowed.has(t) || doc.allowed.has(t.toLowerCase())));
}

/**
 * The engine's public shapes. The extension, the CLI and users of `dist/core.js` build on these
 * exact fields, so change them only with a version bump of the JSON output.
 */

/**
 * An audience's id: a built-in one from data/audiences.yaml (clinical, admin, it, patients) or a
 * team's from `.crosswalk.yaml`. `all` is expanded at resolution to the audiences marked `in_all`.
 */
export type AudienceId = string;

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A rule's configured level: a severity, or `off` to skip the rule. */
export type RuleLevel = Severity | 'off';

/** Line and column are 1-based; column and offset count UTF-16 code units, as editors do. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * What a fix does, so that callers pick fixes by what they do, never by their English titles:
 * - `replace`: other words in place of the writer's (jargon's plain wording, a simpler word);
 * - `spell-out`: the writer's term kept, its expansion added ("Nothing by mouth (NPO)");
 * - `remove`: words taken out ("in order to" becomes "to");
 * - `insert`: text added where there was none (a missing part, a heading);
 * - `suppress`: a comment that silences a finding (`<!-- crosswalk-disable-line rule -->`).
 */
export type FixKind = 'replace' | 'spell-out' | 'remove' | 'insert' | 'suppress';
export const FIX_KINDS: readonly FixKind[] = ['replace', 'spell-out', 'remove', 'insert', 'suppress'];

export interface Fix {
  title: string;
  kind: FixKind;
  /**
   * True when the fix may be applied unattended (`crosswalk --fix`, fix-all on save): it keeps
   * every word the writer wrote and only adds what cannot be wrong, as spelling out an acronym
   * at its first use with the glossary's expansion, or dropping the word an acronym already says
   * ("PIN number" made "PIN"). A fix that changes or removes the writer's words otherwise
   * (`replace`, most `remove`) needs a person to read it: the plain wording may not fit the
   * sentence. Fix-all never applies a suppression comment. Which fixes run unattended is decided
   * in one place, src/core/fix-all.ts `fixAllPlan`. See ARCHITECTURE.md, "Fixes".
   */
  safe: boolean;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The audiences this finding is about (who will stumble). */
  audience: AudienceId[];
  /** The glossary term or acronym the finding is about, when there is one. */
  term?: string;
  range: Range;
  /**
   * Later uses of the same term in the same audience section, which this finding stands for:
   * term rules flag only the first use (issue 11). A "replace every use" fix edits them all.
   */
  related?: Range[];
  fixes: Fix[];
  /** Extra facts for hovers and reports; free-form per rule, never needed to act on a finding. */
  data?: Record<string, unknown>;
}

export interface Stats {
  words: number;
  sentences: number;
  paragraphs: number;
  /** Flesch-Kincaid grade of the prose, rounded to one decimal. */
  gradeLevel: number;
  readingTimeMinutes: number;
  jargonPer100Words: number;
}

export interface LintResult {
  /** The audiences the draft as a whole is checked for (front matter, config or default). */
  audience: AudienceId[];
  stats: Stats;
  findings: Finding[];
  /** Per-section audiences, for status bars and reports: the ranges where each audience holds. */
  sections: AudienceSection[];
  /** Every glossary term in the prose, flagged or not, for hovers. */
  terms: TermOccurrence[];
}

export interface TermOccurrence {
  term: string;
  text: string;
  range: Range;
  /** The audience of the place where the term stands. */
  audience: AudienceId[];
  expansion?: string;
  definition: string;
  domain: string;
  familiarTo: AudienceId[];
  plain: string;
  replace: Partial<Record<AudienceId, string>>;
  /** The short wording a fix writes in place of the term, per audience (data/in-place/), when there is one. */
  inPlace: Partial<Record<AudienceId, string>>;
  sources: { title: string; url?: string }[];
}

export interface AudienceSection {
  audience: AudienceId[];
  range: Range;
}

/** Readability targets for one audience, in retext-readability's terms. */
export interface ReadabilityTarget {
  /** Target reader age: a formula fails a sentence whose age is above it. */
  age: number;
  /** Share of the seven formulas that must fail before a sentence is flagged (0 to 1). */
  threshold: number;
  /** Sentences with fewer words are not scored. */
  minWords: number;
}

export interface AudienceLimits {
  readability: ReadabilityTarget;
  /** Words in one sentence before `long-sentence` speaks. */
  sentenceWords: number;
  /** Words in one paragraph before `long-paragraph` speaks. */
  paragraphWords: number;
}

/** One entry under `audiences:` in `.crosswalk.yaml`, validated (a `grade` is already an `age`). */
export interface AudienceSettings {
  readability?: Partial<ReadabilityTarget>;
  sentenceWords?: number;
  paragraphWords?: number;
  /** A team audience: the built-in audience it starts from. */
  extends?: AudienceId;
  label?: string;
  who?: string;
  aliases?: string[];
  /** Glossary terms this audience knows beyond its parent. */
  knows?: string[];
  /** Glossary domains whose every term it knows. */
  domains?: string[];
}

/** A rule's level and options, as `rules: {placeholder: {level: error, patterns: [...]}}` gives them. */
export type RuleSetting = { level?: RuleLevel } & Record<string, unknown>;

/** The user-facing configuration, as read from `.crosswalk.yaml` or passed as `options.config`. */
export interface CrosswalkConfig {
  audience?: string | string[];
  /** A level per rule, or a level and the rule's options: `{level: error, patterns: [...]}`. */
  rules?: Record<string, RuleLevel | RuleSetting>;
  /** Targets of built-in audiences, and team audiences (`pharmacy: {extends: clinical, ...}`). */
  audiences?: Record<AudienceId, AudienceSettings>;
  /** Team glossary files, resolved against the config file's folder. */
  glossaries?: string[];
  /** The writer's organisation: its name, and initials that need no spelling out in its own messages. */
  organization?: { name?: string; initials?: string[] };
  allow?: string[];
  placeholders?: string[];
  /**
   * Which files are drafts, relative to the config file's folder (.gitignore-style patterns:
   * src/core/draft-files.ts). Unset: every `*.md` and `*.markdown`.
   */
  files?: string[];
  /** Files and folders left out, .gitignore-style, relative to the config file's folder. */
  ignore?: string[];
  /** Findings the team has chosen to leave ("Ignore here"), by rule, file, text and context: src/core/ignored.ts. */
  ignored?: IgnoredFinding[];
}

/**
 * One finding left on purpose, as `ignored:` in `.crosswalk.yaml` lists it: no line number, so
 * that it survives edits elsewhere in the draft (src/core/ignored.ts).
 */
export interface IgnoredFinding {
  /** The rule id of the finding. */
  rule: string;
  /** The draft, relative to the config file's folder, '/'-separated. */
  file: string;
  /** The text the finding covers, white space collapsed. */
  text: string;
  /** The text with a few words on each side, white space collapsed; defaults to `text`. */
  context?: string;
}

export interface LintOptions {
  /**
   * Check the whole draft for `audience` above, whatever its front matter `audience:`, the
   * config's `audience` and its `<!-- audience: ... -->` section markers say: the report asks
   * how the WHOLE draft reads for each audience.
   */
  ignoreAudienceMarkers?: boolean;
  /** Audience used when the draft, its sections and the config name none. */
  audience?: string | string[];
  /** The draft's path; used to report and to resolve nothing else (no file access in the core). */
  path?: string;
  /** Configuration, already read (the core does no file I/O so that it runs in a browser). */
  config?: CrosswalkConfig;
  /** Team glossaries already read: each is the YAML text and a name used in messages. */
  glossaries?: { name: string; text: string }[];
  /**
   * The config file the options came from: `ignored:` entries name drafts relative to its
   * folder, and `path` says which draft this is.
   */
  configPath?: string;
  /** Where the config came from, so that config findings can say so. */
  configSource?: { name: string; text: string };
}

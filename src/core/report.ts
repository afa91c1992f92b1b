import type { AudienceCatalog } from './audience';
import type { Engine } from './engine';
import type { Linter } from './linter';
import { interestsFor, resolveMessageType, type MessageType } from './message-types';
import type { AudienceId, Finding, LintOptions, LintResult, Severity } from './types';

/**
 * The Audience Report's model: how the whole draft reads for each audience. Every figure on a card
 * is computed here from one list, the findings of the engine for that audience, so that a card's
 * number, its per-rule count, its list of terms and the editor's diagnostics of a draft written for
 * that audience cannot disagree (issue 16: a card said "Undefined acronyms 7" above a per-rule
 * count of 2, because jargon acronyms were counted as undefined ones too).
 *
 * Plain TypeScript over engine results, with no `vscode` import: the extension (its webview,
 * src/extension/commands/report.ts), a language server or the CLI can build the same report.
 */

/** One finding as the report lists it (a line and a message: enough for a meeting handout). */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  /** 1-based line, as an editor shows it. */
  line: number;
  term?: string;
  message: string;
}

/** A jargon finding: the term, the plain wording the glossary gives, and whether it is an acronym to spell out. */
export interface ReportJargon {
  term: string;
  say?: string;
  /** An acronym this reader does not know: its quick fix spells it out rather than replacing it. */
  spellOut: boolean;
  line: number;
}

/** What the Audience Report shows for one audience. */
export interface AudienceColumn {
  audience: AudienceId;
  /** The audience's place in the catalog, which picks its colour. */
  index: number;
  label: string;
  words: number;
  sentences: number;
  gradeLevel: number;
  targetGrade: number;
  readingTimeMinutes: number;
  /** Jargon findings per 100 words: `byRule.jargon`, scaled (the engine's own stat, recomputed from the same list). */
  jargonPer100Words: number;
  /** Every finding for this audience: the one list the other figures are counted from. */
  findings: ReportFinding[];
  /** `findings.length`. */
  total: number;
  errors: number;
  warnings: number;
  /** Findings per rule id, only the rules that found something. */
  byRule: Record<string, number>;
  /** The terms of the undefined-acronym findings, one per finding: its length is `byRule['undefined-acronym']`. */
  undefinedAcronyms: string[];
  /** The jargon findings, one per finding: its length is `byRule.jargon`. */
  jargon: ReportJargon[];
  /** `byRule.readability`: the sentences the readability rule ("Hard sentences") flagged. */
  hardSentences: number;
  /**
   * What this audience cares about (data/interests.yaml) and whether the draft addresses it, for
   * drafts of a message type that is checked for it (front matter `type:`); undefined otherwise.
   */
  interests?: { name: string; question: string; addressed: boolean }[];
}

export interface AudienceReport {
  title: string;
  /** The draft's own audience, for the heading; the columns ignore it. */
  draftAudience: AudienceId[];
  columns: AudienceColumn[];
  /** Every rule id that appears in some column, in the engine's rule order. */
  rules: string[];
  /** Each rule's title from its metadata ("Hard sentences" for readability). */
  ruleTitles: Record<string, string>;
}

/** What the report needs of an engine: its rules' titles, linters and audiences. */
export type ReportEngine = Pick<Engine, 'rules' | 'createLinter' | 'audiences'>;

/** A reusable set of linters, one per audience, for one draft's options (incremental across updates). */
export class ReportLinters {
  private linters = new Map<AudienceId, Linter>();
  private key = '';

  constructor(private readonly engine: ReportEngine) {}

  lint(text: string, audience: AudienceId, options: LintOptions): LintResult {
    const key = JSON.stringify([options.config, options.glossaries?.map((g) => g.text)]);
    if (key !== this.key) {
      this.linters.clear();
      this.key = key;
    }
    let linter = this.linters.get(audience);
    if (!linter) {
      // Each column answers "how does the WHOLE draft read for this audience?", whatever
      // audience its front matter, the config or its section markers name.
      linter = this.engine.createLinter({ ...options, audience, ignoreAudienceMarkers: true });
      this.linters.set(audience, linter);
    }
    return linter.lint(text);
  }
}

export function buildReport(
  engine: ReportEngine,
  title: string,
  text: string,
  options: LintOptions,
  linters = new ReportLinters(engine),
  draftAudience: AudienceId[] = [],
): AudienceReport {
  const order = engine.rules.map((r) => r.id);
  const seen = new Set<string>();
  // One card per audience of `all`, and one for each other audience the draft is for (patients, a team's).
  const audiences = engine.audiences(options.config);
  const shown = [...audiences.all, ...draftAudience.filter((a) => !audiences.all.includes(a) && audiences.get(a))];
  const type = typeOf(text);
  const columns = shown.map((audience) => {
    const column = columnOf(audience, linters.lint(text, audience, options), options, audiences, type);
    Object.keys(column.byRule).forEach((r) => seen.add(r));
    return column;
  });
  const rules = [...order.filter((r) => seen.has(r)), ...[...seen].filter((r) => !order.includes(r)).sort()];
  return { title, draftAudience, columns, rules, ruleTitles: Object.fromEntries(engine.rules.map((r) => [r.id, r.title])) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function columnOf(audience: AudienceId, result: LintResult, options: LintOptions, audiences: AudienceCatalog, type?: MessageType): AudienceColumn {
  const findings: ReportFinding[] = result.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    line: f.range.start.line + 1,
    ...(f.term ? { term: f.term } : {}),
    message: f.message,
  }));
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  const of = (rule: string) => result.findings.filter((f) => f.ruleId === rule);
  const age = options.config?.audiences?.[audience]?.readability?.age ?? audiences.get(audience)?.limits.readability.age ?? 13;
  const words = result.stats.words;
  return {
    audience,
    index: audiences.ids.indexOf(audience),
    label: audiences.title(audience),
    words,
    sentences: result.stats.sentences,
    gradeLevel: result.stats.gradeLevel,
    // The engine converts reader age to US grade as retext-readability does: age minus 5.
    targetGrade: age - 5,
    readingTimeMinutes: result.stats.readingTimeMinutes,
    jargonPer100Words: words ? round1(((byRule.jargon ?? 0) / words) * 100) : 0,
    findings,
    total: findings.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    byRule,
    undefinedAcronyms: of('undefined-acronym').map((f) => f.term ?? termText(f)),
    jargon: of('jargon').map((f) => ({
      term: f.term ?? termText(f),
      say: wordingOf(f),
      spellOut: f.fixes.some((x) => x.kind === 'spell-out'),
      line: f.range.start.line + 1,
    })),
    hardSentences: byRule.readability ?? 0,
    interests: interestsOf(audience, result, audiences, type),
  };
}

/** The plain wording of a jargon finding: its first replacement's text. */
function wordingOf(f: Finding): string | undefined {
  return f.fixes.find((x) => x.kind === 'replace')?.edits[0]?.newText;
}

/** A term finding always names its term; should one not, the message stands in, so the list never drops a finding. */
function termText(f: Finding): string {
  return f.message;
}

/** The front matter `type:` of a draft, resolved through its aliases. */
function typeOf(text: string): MessageType | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const name = front && /^type:\s*["']?([^"'#\r\n]+?)["']?\s*(?:#.*)?$/m.exec(front)?.[1];
  if (!name) return undefined;
  const { type, guess } = resolveMessageType(name);
  return type ?? guess;
}

function interestsOf(audience: AudienceId, result: LintResult, audiences: AudienceCatalog, type: MessageType | undefined): AudienceColumn['interests'] {
  if (!type?.interests) return undefined;
  const list = interestsFor(type, audiences.get(audience)?.extends ?? audience);
  if (!list?.length) return undefined;
  const missing = new Set(result.findings.filter((f) => f.ruleId === 'interests').map((f) => f.data?.interest));
  return list.map((i) => ({ name: i.name, question: i.question, addressed: !missing.has(i.id) }));
}

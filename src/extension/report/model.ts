import { engine, type Core } from '../engine';

/** What the Audience Report shows for one audience. */
export interface AudienceColumn {
  audience: Core.AudienceId;
  /** The audience's place in the catalog, which picks its colour. */
  index: number;
  label: string;
  words: number;
  sentences: number;
  gradeLevel: number;
  targetGrade: number;
  readingTimeMinutes: number;
  jargonPer100Words: number;
  total: number;
  errors: number;
  warnings: number;
  /** Findings per rule id, only the rules that found something. */
  byRule: Record<string, number>;
  /** Acronyms this audience meets before they are spelled out. */
  undefinedAcronyms: string[];
  /** Jargon terms for this audience, each with the plain wording to use instead. */
  jargon: { term: string; say?: string }[];
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
  draftAudience: Core.AudienceId[];
  columns: AudienceColumn[];
  /** Every rule id that appears in some column, in the engine's rule order. */
  rules: string[];
  /** Each rule's title from its metadata ("Hard sentences" for readability). */
  ruleTitles: Record<string, string>;
}

const ACRONYM = /^[a-z]?[A-Z][A-Z0-9]*s?$/;

/** A reusable set of linters, one per audience, for one draft's options (incremental across updates). */
export class ReportLinters {
  private linters = new Map<Core.AudienceId, Core.Linter>();
  private key = '';

  lint(text: string, audience: Core.AudienceId, options: Core.LintOptions): Core.LintResult {
    const key = JSON.stringify([options.config, options.glossaries?.map((g) => g.text)]);
    if (key !== this.key) {
      this.linters.clear();
      this.key = key;
    }
    let linter = this.linters.get(audience);
    if (!linter) {
      // Each column answers "how does the WHOLE draft read for this audience?", whatever
      // audience its front matter, the config or its section markers name.
      linter = engine().createLinter({ ...options, audience, ignoreAudienceMarkers: true });
      this.linters.set(audience, linter);
    }
    return linter.lint(text);
  }
}

export function buildReport(title: string, text: string, options: Core.LintOptions, linters = new ReportLinters(), draftAudience: Core.AudienceId[] = []): AudienceReport {
  const core = engine();
  const order = core.rules.map((r) => r.id);
  const seen = new Set<string>();
  // One card per audience of `all`, and one for each other audience the draft is for (patients, a team's).
  const audiences = core.audiences(options.config);
  const shown = [...audiences.all, ...draftAudience.filter((a) => !audiences.all.includes(a) && audiences.get(a))];
  const columns = shown.map((audience) => {
    const result = linters.lint(text, audience, options);
    const column = columnOf(audience, result, options, audiences, text);
    Object.keys(column.byRule).forEach((r) => seen.add(r));
    return column;
  });
  const rules = [...order.filter((r) => seen.has(r)), ...[...seen].filter((r) => !order.includes(r)).sort()];
  return { title, draftAudience, columns, rules, ruleTitles: Object.fromEntries(core.rules.map((r) => [r.id, r.title])) };
}

function columnOf(audience: Core.AudienceId, result: Core.LintResult, options: Core.LintOptions, audiences: Core.AudienceCatalog, text: string): AudienceColumn {
  const byRule: Record<string, number> = {};
  for (const f of result.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  const acronyms = new Set<string>();
  const jargon = new Map<string, string | undefined>();
  for (const f of result.findings) {
    if (f.ruleId === 'undefined-acronym' && f.term) acronyms.add(f.term);
    if (f.ruleId === 'jargon' && f.term) {
      // Jargon acronyms are not reported twice by the engine; they are still undefined for this reader.
      const spellOut = f.fixes.some((x) => x.kind === 'spell-out');
      if (spellOut && ACRONYM.test(f.term) && (f.term.replace(/[^A-Z]/g, '').length >= 2)) acronyms.add(f.term);
      if (!jargon.has(f.term)) jargon.set(f.term, f.fixes.find((x) => x.kind === 'replace')?.edits[0]?.newText);
    }
  }
  const age = options.config?.audiences?.[audience]?.readability?.age ?? audiences.get(audience)?.limits.readability.age ?? 13;
  return {
    audience,
    index: audiences.ids.indexOf(audience),
    label: audiences.title(audience),
    words: result.stats.words,
    sentences: result.stats.sentences,
    gradeLevel: result.stats.gradeLevel,
    // The engine converts reader age to US grade as retext-readability does: age minus 5.
    targetGrade: age - 5,
    readingTimeMinutes: result.stats.readingTimeMinutes,
    jargonPer100Words: result.stats.jargonPer100Words,
    total: result.findings.length,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    byRule,
    undefinedAcronyms: [...acronyms].sort(),
    jargon: [...jargon].map(([term, say]) => ({ term, say })),
    hardSentences: byRule.readability ?? 0,
    interests: interestsOf(audience, result, audiences, typeOf(text)),
  };
}

/** The front matter `type:` of a draft, resolved through its aliases. */
function typeOf(text: string): Core.MessageType | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const name = front && /^type:\s*["']?([^"'#\r\n]+?)["']?\s*(?:#.*)?$/m.exec(front)?.[1];
  if (!name) return undefined;
  const { type, guess } = engine().resolveMessageType(name);
  return type ?? guess;
}

function interestsOf(audience: Core.AudienceId, result: Core.LintResult, audiences: Core.AudienceCatalog, type: Core.MessageType | undefined): AudienceColumn['interests'] {
  if (!type?.interests) return undefined;
  const list = engine().AUDIENCE_INTERESTS[audiences.get(audience)?.extends ?? audience];
  if (!list?.length) return undefined;
  const missing = new Set(result.findings.filter((f) => f.ruleId === 'interests').map((f) => f.data?.interest));
  return list.map((i) => ({ name: i.name, question: i.question, addressed: !missing.has(i.id) }));
}

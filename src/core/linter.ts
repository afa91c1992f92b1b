import { analyseChunks, type BlockAnalysis, type ChunkAnalysis } from './analysis';
import { AudienceCatalog } from './audience';
import { splitChunks, type Chunk } from './chunks';
import { resolveConfig, validateConfig, type ResolvedConfig } from './config';
import type { InsertionSlot, PlacedBlock, PreparedDocument, RawFinding, Rule } from './document';
import { readFrontMatter, type FrontMatter } from './frontmatter';
import { Glossary, mergeGlossaries, type GlossaryEntry, type GlossaryFileProblem } from './glossary';
import { compileGlossary, mergeGlossariesAsync, Slicer, type SliceOptions } from './glossary-compile';
import { LineIndex } from './positions';
import { inPlaceWording } from './in-place';
import { ProseMap } from './prose-map';
import { fleschKincaidGrade } from './readability';
import { driveSteps, isSteps, runSteps, type SliceCounts, type Steps } from './steps';
import { buildSuppressions } from './suppressions';
import { draftPathFromConfig, withoutIgnored } from './ignored';
import type { YamlProblem } from './yaml-problems';
import {
  type AudienceId, type AudienceSection, type Finding, type LintOptions, type LintResult,
  type CrosswalkConfig, type Severity, type TermOccurrence, type TextEdit,
} from './types';

/**
 * What an engine is made of. The core knows no rule and no data of its own: a composition root
 * (src/builtins.ts for Crosswalk itself) hands it these.
 */
export interface EngineParts {
  rules: readonly Rule[];
  /** The built-in audiences (data/audiences.yaml); a config's team audiences are added per linter. */
  audiences?: AudienceCatalog;
  /** The glossary every linter starts from; team glossaries from options are merged over it. */
  glossary?: { entries: GlossaryEntry[]; sources?: Map<string, { title: string; url?: string }> };
  /** Defaults under `options.config`: settings this engine always applies. */
  config?: CrosswalkConfig;
}

export interface Linter {
  /** Checks a draft; successive calls reuse the analysis of every chunk whose text is unchanged. */
  lint(text: string): LintResult;
  /**
   * The same result as `lint` (the same steps, src/core/steps.ts), run in slices of about
   * `slicing.sliceMs` (30 ms) with a turn of the event loop between them: parsing new chunks,
   * each block's rules, each whole-document rule's pass over the blocks, the findings' positions.
   * A large draft never holds up the process for long. When `signal.aborted` turns true (a newer
   * version of the draft arrived), it stops at the next pause and rejects with an error named
   * `AbortError`; the chunks analysed so far stay cached. `counts`, when given, is filled with the
   * yields reached and the pauses taken (for tests: counts, not times).
   */
  lintAsync(text: string, signal?: { readonly aborted: boolean }, slicing?: Omit<SliceOptions, 'signal'>, counts?: SliceCounts): Promise<LintResult>;
  /** Problems in the team glossaries this linter was given. */
  readonly glossaryProblems: GlossaryFileProblem[];
  /** The audiences this linter knows: the engine's, with its config's team audiences. */
  readonly audiences: AudienceCatalog;
}

/** One compiled glossary per base glossary, set of team glossaries and team audiences, shared by every linter that uses it. */
const glossaryCache = new WeakMap<GlossaryEntry[], Map<string, { glossary: Glossary; problems: GlossaryFileProblem[] }>>();
const NO_ENTRIES: GlossaryEntry[] = [];
const NO_AUDIENCES = new AudienceCatalog([]);

type CompiledGlossary = { glossary: Glossary; problems: GlossaryFileProblem[] };
/** Compiles under way (createLinterAsync), by the same keys: two drafts opened together compile once. */
const compiling = new WeakMap<GlossaryEntry[], Map<string, Promise<CompiledGlossary>>>();

function glossaryKey(base: GlossaryEntry[], teams: { name: string; text: string }[], audiences: AudienceCatalog) {
  const learners = audiences.list.filter((d) => d.extends || d.domains.length || d.knows.length);
  const key = JSON.stringify([teams, learners]);
  let byTeams = glossaryCache.get(base);
  if (!byTeams) glossaryCache.set(base, (byTeams = new Map()));
  return { key, learners, byTeams };
}

function remember(byTeams: Map<string, CompiledGlossary>, key: string, entry: CompiledGlossary): void {
  if (byTeams.size > 16) byTeams.clear();
  byTeams.set(key, entry);
}

function glossaryFor(base: GlossaryEntry[], teams: { name: string; text: string }[], audiences: AudienceCatalog): CompiledGlossary {
  const { key, learners, byTeams } = glossaryKey(base, teams, audiences);
  let entry = byTeams.get(key);
  if (!entry) {
    const merged = mergeGlossaries(base, teams, audiences.ids.length ? audiences : undefined);
    entry = { glossary: new Glossary(knownBy(merged.entries, learners)), problems: merged.problems };
    remember(byTeams, key, entry);
  }
  return entry;
}

/** `glossaryFor` in slices (src/core/glossary-compile.ts), once per key however many ask at the same time. */
function glossaryForAsync(base: GlossaryEntry[], teams: { name: string; text: string }[], audiences: AudienceCatalog, slicing: SliceOptions): Promise<CompiledGlossary> {
  const { key, learners, byTeams } = glossaryKey(base, teams, audiences);
  const done = byTeams.get(key);
  if (done) return Promise.resolve(done);
  let pending = compiling.get(base);
  if (!pending) compiling.set(base, (pending = new Map()));
  const running = pending.get(key);
  if (running) return running;
  const slicer = new Slicer(slicing);
  const work = (async () => {
    const merged = await mergeGlossariesAsync(base, teams, slicer);
    // knownBy maps each entry on its own: slice by slice gives the same list.
    let known = merged.entries;
    if (learners.length) {
      known = [];
      for (let i = 0; i < merged.entries.length; i += 2000) {
        await slicer.maybePause();
        for (const e of knownBy(merged.entries.slice(i, i + 2000), learners)) known.push(e);
      }
    }
    const entry = { glossary: await compileGlossary(known, slicer), problems: merged.problems };
    remember(byTeams, key, entry);
    return entry;
  })();
  pending.set(key, work);
  const forget = () => pending.delete(key);
  work.then(forget, forget);
  return work;
}

/**
 * Adds to each term's `familiarTo` the audiences that know it without the glossary naming them:
 * a team audience knows what its parent knows and the terms it lists (`knows: [HL7]`), and an
 * audience with `domains` knows every term of those domains. A team audience also takes its
 * parent's wording (`replace`). Rules then read `familiarTo` alone.
 */
function knownBy(entries: GlossaryEntry[], learners: AudienceCatalog['list']): GlossaryEntry[] {
  if (!learners.length) return entries;
  const lower = (t: string) => t.toLowerCase();
  return entries.map((e) => {
    let familiarTo = e.familiarTo;
    let replace = e.replace;
    const names = [e.term, ...e.aliases].map(lower);
    for (const d of learners) {
      const knows = (d.extends !== undefined && e.familiarTo.includes(d.extends)) || d.domains.includes(e.domain) || d.knows.some((k) => names.includes(lower(k)));
      if (knows && !familiarTo.includes(d.id)) familiarTo = [...familiarTo, d.id];
      if (d.extends && replace[d.id] === undefined && replace[d.extends] !== undefined) replace = { ...replace, [d.id]: replace[d.extends] };
    }
    return familiarTo === e.familiarTo && replace === e.replace ? e : { ...e, familiarTo, replace };
  });
}

/** The config a linter checks with: the engine's defaults under the options', validated. */
function configOf(options: LintOptions, parts: EngineParts) {
  const given = parts.config || options.config ? { ...parts.config, ...options.config } : undefined;
  const builtInAudiences = parts.audiences ?? NO_AUDIENCES;
  const validated = given ? validateConfig(given, parts.rules, undefined, builtInAudiences) : { config: {}, problems: [] };
  return { validated, config: resolveConfig(validated.config, builtInAudiences) };
}

/**
 * `createLinter`, with the team glossaries compiled in slices first, with turns of the event loop
 * between them (`slicing`): a 100,000-term glossary does not hold up the editor or the language
 * server while it compiles. The compiled glossary is shared as `createLinter` shares it.
 */
export async function createLinterAsync(options: LintOptions, parts: EngineParts, slicing: SliceOptions = {}): Promise<Linter> {
  const { config } = configOf(options, parts);
  await glossaryForAsync(parts.glossary?.entries ?? NO_ENTRIES, options.glossaries ?? [], config.audiences, slicing);
  return createLinter(options, parts);
}

export function createLinter(options: LintOptions, parts: EngineParts): Linter {
  const RULES = parts.rules;
  const { validated, config } = configOf(options, parts);
  const audiences = config.audiences;
  const { glossary, problems: glossaryProblems } = glossaryFor(parts.glossary?.entries ?? NO_ENTRIES, options.glossaries ?? [], audiences);
  const sources = parts.glossary?.sources ?? new Map<string, { title: string; url?: string }>();
  const fallback = audiences.resolve(options.audience);
  /** This draft as `ignored:` entries name it: relative to the config file's folder. */
  const ignoredFile = config.ignored.length ? draftPathFromConfig(options.path, options.configPath) : undefined;
  let cache = new Map<string, ChunkAnalysis>();
  const caches: RunCaches = { blockFindings: new WeakMap(), frontMatter: new Map() };

  /** One check, cut into steps: `lint` runs them in one go, `lintAsync` in slices. */
  function* lintSteps(text: string): Steps<LintResult> {
    const chunks = splitChunks(text);
    // The analysis of each chunk this text has, from the cache or made here. Kept in this check's
    // own map: another check run between two slices of this one (a newer version of the draft)
    // replaces the linter's cache, and must not take an analysis from under this one.
    const mine = new Map<string, ChunkAnalysis>();
    let seen = 0;
    for (const chunk of chunks) {
      if (chunk.kind !== 'markdown' || mine.has(chunk.text)) continue;
      let analysis = cache.get(chunk.text);
      if (!analysis) {
        analysis = analyseChunks([chunk.text], glossary)[0];
        // A check cancelled half-way keeps what it analysed for the next one.
        cache.set(chunk.text, analysis);
        yield;
      } else if ((++seen & 1023) === 0) yield;
      mine.set(chunk.text, analysis);
    }
    const result = yield* run(text, chunks, { rules: RULES, config, glossary, sources, ignoreMarkers: options.ignoreAudienceMarkers === true, ignoredFile }, (chunkText) => mine.get(chunkText) as ChunkAnalysis, fallback.audience, caches);
    // Keep only what this text uses, so memory follows the document, not its history.
    cache = mine;
    if (validated.problems.length) {
      const index = new LineIndex(text);
      for (const p of validated.problems) {
        result.findings.unshift({
          ruleId: 'config', severity: 'warning', message: `Config: ${p.message}`, audience: result.audience,
          range: index.range(0, 0), fixes: [],
        });
      }
    }
    return result;
  }

  const linter: Linter = {
    glossaryProblems,
    audiences,
    lintAsync(text: string, signal?: { readonly aborted: boolean }, slicing: Omit<SliceOptions, 'signal'> = {}, counts?: SliceCounts): Promise<LintResult> {
      return driveSteps(lintSteps(text), { ...slicing, ...(signal ? { signal } : {}) }, counts);
    },
    lint(text: string): LintResult {
      return runSteps(lintSteps(text));
    },
  };
  return linter;
}

/** Checks one draft. Same result as `createLinter(options, parts).lint(text)`. */
export function lint(text: string, options: LintOptions, parts: EngineParts): LintResult {
  return createLinter(options, parts).lint(text);
}

interface RunParts {
  rules: readonly Rule[];
  config: ResolvedConfig;
  glossary: Glossary;
  sources: Map<string, { title: string; url?: string }>;
  ignoreMarkers: boolean;
  /** The draft's path relative to the config's folder, when `ignored:` entries may name it. */
  ignoredFile?: string;
}

function* run(
  text: string,
  chunks: Chunk[],
  { rules: RULES, config, glossary, sources, ignoreMarkers, ignoredFile }: RunParts,
  analyse: (chunk: string) => ChunkAnalysis,
  fallbackAudience: AudienceId[] | undefined,
  caches: RunCaches,
): Steps<LintResult> {
  let frontMatter: FrontMatter | undefined;
  /** Parts of the draft that could not be checked, and why. */
  const failures: { at: number; end: number; why: string }[] = [];
  const failedRules: string[] = [];
  const placedChunks: { start: number; analysis: ChunkAnalysis }[] = [];
  /** Where each placed chunk's text ends. */
  const chunkEnds: number[] = [];
  // Steps: a yield every few thousand cheap iterations, or after each costly one (src/core/steps.ts).
  let n = 0;
  for (const chunk of chunks) {
    if ((++n & 4095) === 0) yield;
    if (chunk.kind === 'frontmatter') {
      frontMatter = caches.frontMatter.get(chunk.text) ?? readFrontMatter(chunk.text, config.audiences);
      caches.frontMatter.clear();
      caches.frontMatter.set(chunk.text, frontMatter);
    } else {
      placedChunks.push({ start: chunk.start, analysis: analyse(chunk.text) });
      chunkEnds.push(chunk.start + chunk.text.length);
      const failure = placedChunks[placedChunks.length - 1].analysis.failure;
      if (failure) failures.push({ at: chunk.start, end: chunk.start + chunk.text.length, why: failure });
    }
  }
  const documentAudience = (ignoreMarkers ? fallbackAudience : undefined) ?? frontMatter?.audience ?? config.audience ?? fallbackAudience ?? [...config.audiences.all];

  const index = new LineIndex(text);
  yield;
  const { blocks, markerProblems, sections } = yield* placeBlocks(text, index, placedChunks, documentAudience, config.audiences, ignoreMarkers);
  const allowed = new Set<string>();
  for (const term of [...config.allow, ...(frontMatter?.allow ?? [])]) {
    allowed.add(term);
    allowed.add(term.toLowerCase());
  }
  const enabled = RULES.filter((rule) => (config.rules[rule.id] ?? rule.defaultSeverity) !== 'off');
  const doc: PreparedDocument = {
    text,
    blocks,
    chunks: placedChunks,
    config,
    glossary,
    frontMatter,
    markerProblems,
    allowed,
    audience: documentAudience,
    enabled: new Set(enabled.map((r) => r.id)),
  };
  let slots: InsertionSlot[] | undefined;
  doc.insertionSlots = () => {
    if (slots) return slots;
    const found: InsertionSlot[] = [];
    const last = chunks[chunks.length - 1];
    const lastOpen = last?.kind === 'markdown' && leavesOpen(last.text);
    runSteps(placeBlocks(text, index, placedChunks, documentAudience, config.audiences, ignoreMarkers, { ends: chunkEnds, lastOpen, add: (slot) => found.push(slot) }));
    return (slots = found);
  };

  yield;
  const comments = placedChunks.flatMap((c) => c.analysis.comments.map((m) => ({ body: m.body, start: c.start + m.start, end: c.start + m.end })));
  const suppressions = buildSuppressions(text, comments);
  yield;
  const prose = yield* ProseMap.build(blocks, comments);
  yield;
  doc.isSuppressed = (ruleId, offset) => suppressions.isSuppressed(ruleId, offset);
  const findings: Finding[] = [];
  function* add(rule: Rule, raw: RawFinding[], base: number): Steps<void> {
    for (const f of raw) {
      if ((++n & 511) === 0) yield;
      if (f.data?.[FAILURE]) {
        failedRules.push(f.message);
        continue;
      }
      const ruleId = f.ruleId ?? rule.id;
      if (suppressions.isSuppressed(ruleId, base + f.start)) continue;
      findings.push(yield* toFinding(f, ruleId, severityFor(rule, config, f), index, base, prose));
    }
  }
  const blockRules = enabled.filter((rule) => rule.checkBlock);
  // Block findings depend on the block's text, its audience, the allowed terms and the message
  // type and whether counsel has called it a breach (tone and blame read them) only: a change
  // to any of these misses the cache.
  const contextKey = `${[...allowed].sort().join('\u0000')}|${frontMatter?.type ?? ''}|${frontMatter?.breachDetermined === true}`;
  for (const block of blocks) {
    const key = `${block.audience.join()}|${contextKey}`;
    let perBlock = caches.blockFindings.get(block.analysis);
    if (!perBlock) caches.blockFindings.set(block.analysis, (perBlock = new Map()));
    let cached = perBlock.get(key);
    if (!cached) {
      cached = blockRules.map((rule) => guarded(rule, documentAudience, () => rule.checkBlock?.(block, doc) ?? []));
      perBlock.set(key, cached);
      yield;
    } else if ((++n & 255) === 0) yield;
    for (let i = 0; i < blockRules.length; i++) yield* add(blockRules[i], cached[i], block.chunkStart);
  }
  for (const rule of enabled) {
    if (rule.check) {
      yield;
      yield* add(rule, yield* guardedSteps(rule, documentAudience, () => rule.check?.(doc) ?? []), 0);
    }
  }
  yield;
  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  // Findings the team chose to leave ("Ignore here", src/core/ignored.ts), for every shell alike.
  const kept = ignoredFile === undefined ? findings : withoutIgnored(findings, text, config.ignored, ignoredFile);
  if (kept !== findings) {
    findings.length = 0;
    for (const f of kept) findings.push(f);
  }
  yield;
  if (failures.length || failedRules.length) {
    const parts = [
      ...failures.map((f) => {
        const from = index.position(f.at).line;
        const to = index.position(Math.max(f.at, f.end - 1)).line;
        return `${from === to ? `line ${from}` : `lines ${from}-${to}`} (${f.why})`;
      }),
      ...new Set(failedRules),
    ];
    findings.unshift(failureFinding(parts, documentAudience, index));
  }

  const result = {
    audience: documentAudience,
    stats: yield* statsOf(blocks, findings),
    findings,
    sections,
  } as LintResult;
  // Only hovers and reports read every term occurrence: build them when asked, not per keystroke.
  let terms: TermOccurrence[] | undefined;
  Object.defineProperty(result, 'terms', { enumerable: true, get: () => (terms ??= termsOf(blocks, index, sources, config.audiences.ids)) });
  return result;
}

interface RunCaches {
  /** Block-rule findings per block analysis and audience context, offsets relative to the chunk. */
  blockFindings: WeakMap<BlockAnalysis, Map<string, RawFinding[][]>>;
  frontMatter: Map<string, FrontMatter>;
}

function guarded(rule: Rule, audience: AudienceId[], check: () => RawFinding[]): RawFinding[] {
  try {
    return check();
  } catch (error) {
    return failed(rule, audience, error);
  }
}

/** `guarded` for a whole-document rule, which may return steps: a failure at any step is caught. */
function* guardedSteps(rule: Rule, audience: AudienceId[], check: () => RawFinding[] | Steps<RawFinding[]>): Steps<RawFinding[]> {
  let steps: RawFinding[] | Steps<RawFinding[]>;
  try {
    steps = check();
  } catch (error) {
    return failed(rule, audience, error);
  }
  if (!isSteps(steps)) return steps;
  for (;;) {
    let r: IteratorResult<void, RawFinding[]>;
    try {
      r = steps.next();
    } catch (error) {
      return failed(rule, audience, error);
    }
    if (r.done) return r.value;
    yield;
  }
}

/**
 * One broken rule must not cost the writer every other finding: the failure joins the one
 * "could not check" finding at the top (see `failureFinding`).
 */
function failed(rule: Rule, audience: AudienceId[], error: unknown): RawFinding[] {
  return [{ message: `the ${rule.id} rule (${(error as Error).message})`, start: 0, end: 0, audience, data: { [FAILURE]: true } }];
}

/** Marks a raw finding that stands for a failure, not a problem in the draft. */
const FAILURE = 'crosswalk.failure';
export const FAILURE_RULE = 'crosswalk';

/** One finding at the top for every part of the check that failed; the rest was checked. */
function failureFinding(parts: string[], audience: AudienceId[], index: LineIndex): Finding {
  return {
    ruleId: FAILURE_RULE,
    severity: 'warning',
    message: `Crosswalk could not check this part: ${parts.join('; ')}. The rest of the draft was checked.`,
    audience,
    range: index.range(0, 0),
    fixes: [],
  };
}

function severityFor(rule: Rule, config: ResolvedConfig, finding: RawFinding): Severity {
  const configured = config.rules[rule.id];
  if (configured && configured !== 'off') return configured;
  if (finding.severity) return finding.severity;
  return rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
}

/** Steps: a finding of a term used thousands of times has as many related places and "Replace all" edits. */
function* toFinding(f: RawFinding, ruleId: string, severity: Severity, index: LineIndex, base: number, prose: ProseMap): Steps<Finding> {
  let n = 0;
  const start = base + f.start;
  const end = base + f.end;
  const range = index.range(start, end);
  const fixes: Finding['fixes'] = [];
  for (const fix of f.fixes ?? []) {
    // A fix that would change markup (a URL, a comment, one side of bold) is narrowed to the
    // prose it changes, or not offered: see src/core/prose-map.ts.
    const edits: TextEdit[] = [];
    let whole = true;
    for (const e of fix.edits) {
      if ((++n & 1023) === 0) yield;
      const kept = prose.keepMarkupAll({ start: base + e.start, end: base + e.end, newText: e.newText });
      if (!kept) {
        whole = false;
        break;
      }
      // Most fixes edit exactly the finding's range: share it rather than build it again per fix.
      for (const k of kept) edits.push({ range: k.start === start && k.end === end ? range : index.range(k.start, k.end), newText: k.newText });
    }
    if (whole) fixes.push({ title: fix.title, kind: fix.kind, safe: fix.safe === true, edits });
  }
  const finding: Finding = { ruleId, severity, message: f.message, audience: f.audience, range, fixes };
  if (f.term !== undefined) finding.term = f.term;
  if (f.related?.length) {
    finding.related = [];
    for (const r of f.related) {
      if ((++n & 1023) === 0) yield;
      finding.related.push(index.range(base + r.start, base + r.end));
    }
  }
  if (f.data !== undefined) finding.data = f.data;
  return finding;
}

/**
 * Gives each block the audience that holds where it stands. A marker `<!-- audience: x -->`
 * holds until the next marker; one that stands just before a heading holds to the end of that
 * heading's section (the next heading of the same or a higher level).
 */
function* placeBlocks(
  text: string,
  index: LineIndex,
  chunks: { start: number; analysis: ChunkAnalysis }[],
  documentAudience: AudienceId[],
  audiences: AudienceCatalog,
  ignoreMarkers: boolean,
  slots?: SlotRecorder,
): Steps<{ blocks: PlacedBlock[]; markerProblems: YamlProblem[]; sections: AudienceSection[] }> {
  const blocks: PlacedBlock[] = [];
  const markerProblems: YamlProblem[] = [];
  const sections: { audience: AudienceId[]; start: number; end: number }[] = [];
  let current = documentAudience;
  let scopeDepth: number | undefined;
  let scopeHeading: BlockAnalysis | undefined;
  /** A marker was just seen: the next block decides whether it scopes to a heading's section. */
  let pending = false;
  let sectionStart = 0;
  const switchTo = (audience: AudienceId[], at: number) => {
    if (audience.join() === current.join()) return;
    if (at > sectionStart) sections.push({ audience: current, start: sectionStart, end: at });
    current = audience;
    sectionStart = at;
  };
  const place = (block: BlockAnalysis, chunkStart: number) => {
    if (pending) {
      pending = false;
      scopeDepth = block.depth;
      scopeHeading = block.depth !== undefined ? block : undefined;
    }
    if (block.depth !== undefined && scopeDepth !== undefined && block !== scopeHeading && block.depth <= scopeDepth) {
      scopeDepth = undefined;
      scopeEnds();
      switchTo(documentAudience, chunkStart + block.start);
    }
    if (block.kind !== 'heading' || block.text) blocks.push({ analysis: block, chunkStart, audience: current });
    sinceBlock.length = 0;
  };
  /** Slots passed since the last block: when a marker's heading section ends right after them, they stand at its end. */
  const sinceBlock: InsertionSlot[] = [];
  const scopeEnds = () => {
    for (const s of sinceBlock) if (s.scopeDepth !== undefined) s.atScopeEnd = true;
  };
  const slot = (kind: InsertionSlot['kind'], offset: number) => {
    if (!slots) return;
    const found: InsertionSlot = { offset, kind, audience: current, documentAudience, pending, ...(scopeDepth !== undefined && { scopeDepth }) };
    slots.add(found);
    sinceBlock.push(found);
  };
  /** A heading at the start of its own line (no quote or list around it), not the chunk's first line: a slot before it. */
  /**
   * Where the line holding `offset` starts (after an LF, a CRLF or a lone CR), by the line index:
   * searching back for a CR in a draft that has none read the whole text before it at every heading.
   */
  const lineStartAt = (offset: number) => index.lineStart(index.position(offset).line);
  const headingSlot = (block: BlockAnalysis, chunkStart: number) => {
    if (!slots || block.kind !== 'heading') return;
    const at = chunkStart + block.start;
    const lineStart = lineStartAt(at);
    if (lineStart > chunkStart && at - lineStart <= 3 && /^ *$/.test(text.slice(lineStart, at))) slot('heading', lineStart);
  };
  /**
   * A marker at the start of its own line, just after a line that ends a block of prose (so not
   * within an HTML block or a comment): a slot before it, where the audience before it holds.
   */
  const markerSlot = (at: number, chunkStart: number, previousEnd: number) => {
    if (!slots || previousEnd < 0) return;
    const lineStart = lineStartAt(at);
    if (lineStart <= chunkStart || at - lineStart > 3 || !/^ *$/.test(text.slice(lineStart, at))) return;
    const breakAt = lineStart - (text.startsWith('\r\n', lineStart - 2) ? 2 : 1);
    const previousLine = lineStartAt(breakAt);
    if (previousEnd >= previousLine && previousEnd <= breakAt) slot('marker', lineStart);
  };
  const mark = (value: string, at: number) => {
    const resolved = audiences.resolve(value);
    if (resolved.unknown.length || !resolved.audience) {
      const found = text.indexOf(value.trim(), at);
      const start = found === -1 ? at : found;
      markerProblems.push({
        message: `Unknown audience "${value.trim()}" in marker. Valid audiences: ${audiences.validNames.join(', ')}; this part is checked for ${current.join(', ')}.`,
        start,
        end: start + Math.max(1, value.trim().length),
        severity: 'warning',
      });
      return;
    }
    pending = true;
    scopeDepth = undefined;
    scopeEnds();
    switchTo(resolved.audience, at);
  };

  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c];
    if ((c & 511) === 511) yield;
    slot('chunk-start', chunk.start);
    const { blocks: chunkBlocks } = chunk.analysis;
    const markers = ignoreMarkers ? [] : chunk.analysis.markers;
    // Markers and blocks of this chunk in the order they stand.
    let m = 0;
    let previousEnd = -1;
    const nextMarker = () => {
      markerSlot(chunk.start + markers[m].start, chunk.start, previousEnd);
      mark(markers[m].value, chunk.start + markers[m++].start);
    };
    for (const block of chunkBlocks) {
      while (m < markers.length && markers[m].start < block.start) nextMarker();
      headingSlot(block, chunk.start);
      place(block, chunk.start);
      previousEnd = chunk.start + block.map[block.text.length];
    }
    while (m < markers.length) nextMarker();
    // Not inside a comment or code fence that runs to the end of the draft.
    if (slots && !(c === chunks.length - 1 && slots.lastOpen)) slot('chunk-end', slots.ends[c]);
  }
  scopeEnds();
  sections.push({ audience: current, start: sectionStart, end: text.length });
  yield;
  const out: AudienceSection[] = sections.map((s) => ({ audience: s.audience, range: index.range(s.start, s.end) }));
  return { blocks, markerProblems, sections: out };
}

/** Asks `placeBlocks` for the insertion slots it passes (src/core/document.ts `InsertionSlot`). */
interface SlotRecorder {
  /** Where each chunk's text ends. */
  ends: number[];
  /** The last chunk leaves an HTML comment or a code fence open: its end lies inside it. */
  lastOpen: boolean;
  add(slot: InsertionSlot): void;
}

/**
 * True when a chunk ends inside an HTML comment, a fenced code block or a `<pre>`, `<script>`,
 * `<style>` or `<textarea>` block it opened (so it runs to the end of the draft, see
 * src/core/chunks.ts): text inserted at its end would be hidden in the comment, the code or the HTML.
 */
function leavesOpen(chunk: string): boolean {
  if (chunk.lastIndexOf('<!--') > chunk.lastIndexOf('-->')) return true;
  let fence: { char: string; length: number } | undefined;
  let html = false;
  for (const line of chunk.split(/\r\n|\r|\n/)) {
    if (html) {
      html = !RAW_HTML_CLOSE.test(line);
      continue;
    }
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!m) {
      if (!fence && RAW_HTML_OPEN.test(line)) html = !RAW_HTML_CLOSE.test(line);
      continue;
    }
    if (!fence) {
      if (m[1][0] === '~' || !m[2].includes('`')) fence = { char: m[1][0], length: m[1].length };
    } else if (m[1][0] === fence.char && m[1].length >= fence.length && /^[ \t]*$/.test(m[2])) fence = undefined;
  }
  return fence !== undefined || html;
}

const RAW_HTML_OPEN = /^ {0,3}<(?:pre|script|style|textarea)(?=[ \t>]|$)/i;
const RAW_HTML_CLOSE = /<\/(?:pre|script|style|textarea)>/i;

function* statsOf(blocks: PlacedBlock[], findings: Finding[]): Steps<LintResult['stats']> {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  let paragraphs = 0;
  let n = 0;
  for (const block of blocks) {
    if ((++n & 1023) === 0) yield;
    words += block.analysis.words;
    syllables += block.analysis.syllables;
    sentences += block.analysis.sentences.length;
    if (block.analysis.kind === 'paragraph') paragraphs++;
  }
  const jargon = findings.filter((f) => f.ruleId === 'jargon').length;
  return {
    words,
    sentences,
    paragraphs,
    gradeLevel: round1(Math.max(0, fleschKincaidGrade(words, sentences, syllables))),
    // 200 words a minute: a common estimate for reading work documents carefully.
    readingTimeMinutes: round1(words / 200),
    jargonPer100Words: words ? round1((jargon / words) * 100) : 0,
  };
}

function termsOf(blocks: PlacedBlock[], index: LineIndex, sources: Map<string, { title: string; url?: string }>, audienceIds: readonly AudienceId[]): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  for (const block of blocks) {
    for (const match of block.analysis.glossary) {
      const e = match.entry;
      const start = block.chunkStart + block.analysis.map[match.start];
      const end = block.chunkStart + block.analysis.ends[match.end - 1];
      out.push({
        term: e.term,
        text: match.text,
        range: index.range(start, end),
        audience: block.audience,
        expansion: e.expansion,
        definition: e.definition,
        domain: e.domain,
        familiarTo: e.familiarTo,
        plain: e.plain,
        replace: e.replace,
        inPlace: inPlaceNouns(e.term, match.text, audienceIds),
        sources: e.sources.map((key) => sources.get(key) ?? { title: key }),
      });
    }
  }
  return out;
}

function inPlaceNouns(term: string, text: string, audienceIds: readonly AudienceId[]): Partial<Record<AudienceId, string>> {
  const out: Partial<Record<AudienceId, string>> = {};
  for (const audience of audienceIds) {
    const wording = inPlaceWording(term, text, audience);
    if (wording) out[audience] = wording.noun;
  }
  return out;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

import { joinWords } from '../core/audience';
import { blockRange, type PlacedBlock, type PreparedDocument, type RawFinding, type RawFix, type Rule } from '../core/document';
import { draftDefinitionsSteps } from '../core/definitions';
import { considered, isFlagged } from '../core/jargon-uses';
import type { GlossaryMatch } from '../core/glossary';
import type { AudienceId } from '../core/types';
import { baseForms } from '../core/tokens';
import { verbFormsOf } from '../core/verb-forms';
import { formsOf, inPlaceTable, inPlaceWording, modifierForms, type InPlaceWording } from '../core/in-place';
import { isHardToRead, scoreSentence } from '../core/readability';
import { proseWords } from '../core/analysis';
import { applyProseEdits, placeVerbWording, placeWording, previewOf, sentenceAt, sentencePreview, spellOut, wordCount, type Placed, type ProseEdit } from './wording';
import { articleOutsideMarkup } from '../core/prose-map';

const DOMAIN_LABELS: Record<string, string> = {
  clinical: 'clinical',
  it: 'IT',
  admin_finance: 'finance',
  regulatory: 'regulatory',
};

/** Glossary terms that the audience of the place where they stand will not know. */
export const jargon: Rule = {
  id: 'jargon',
  title: 'Jargon',
  description: 'A term this audience will not know, with plain wording for them.',
  defaultSeverity: 'warning',
  /**
   * Whole-document: a term the draft defines is not flagged, and only the first use of a term in
   * each audience section is; the later uses become the finding's related locations (issue 11).
   */
  *check(doc) {
    const defined = yield* draftDefinitionsSteps(doc);
    const findings: RawFinding[] = [];
    const firsts = new Map<string, { finding: RawFinding; wording?: string; readers?: AudienceId[]; readersKey: string; uses: number; stopped?: boolean; edits: { start: number; end: number; newText: string }[] }>();
    const memoFor = memoOf(doc);
    let n = 0;
    for (const block of doc.blocks) {
      // Steps between blocks (src/core/steps.ts): a 5 MB draft's pass does not hold up the editor.
      // Every 32: a first check builds each use's wordings and fixes here.
      if ((++n & 31) === 0) yield;
      const glossary = block.analysis.glossary;
      if (!glossary.length) continue;
      const memos = memoFor(block);
      for (let i = 0; i < glossary.length; i++) {
        const match = glossary[i];
        if (!considered(doc, block, match, defined)) continue;
        const range = blockRange(block, match.start, match.end);
        const at = block.chunkStart + range.start;
        const to = block.chunkStart + range.end;
        const memo = (memos[i] ??= { flagged: isFlagged(block, match, doc), later: new Map() });
        const key = `${match.entry.term}|${block.audience.join()}`;
        const first = firsts.get(key);
        if (first) {
          if (!memo.flagged) continue;
          (first.finding.related ??= []).push({ start: at, end: to });
          // The same audience's wording, placed for this use (its own article, case, inflection).
          // A use where it does not fit is left, and so are the uses after it: a use left as
          // written between two replaced ones would bring the finding back inside the fix.
          let later = memo.later.get(first.readersKey);
          if (!memo.later.has(first.readersKey)) {
            later = first.readers ? replaceFixes(block, doc, match, first.readers, true)[0]?.edits : undefined;
            memo.later.set(first.readersKey, later);
          }
          if (first.stopped) later = undefined;
          if (later) {
            first.edits.push(...later.map((e) => shift(e, block.chunkStart)));
            first.uses++;
          } else first.stopped = true;
          continue;
        }
        if (memo.first === undefined) memo.first = (memo.flagged && findingFor(block, match, doc)) || null;
        if (!memo.first) continue;
        // The memo keeps chunk offsets and is shared by later checks: each check works on its own copy.
        const finding: RawFinding = {
          ...memo.first,
          start: memo.first.start + block.chunkStart,
          end: memo.first.end + block.chunkStart,
          fixes: memo.first.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => shift(e, block.chunkStart)) })),
        };
        const replace = finding.fixes?.find((f) => f.kind === 'replace');
        const wording = finding.data?.wording as string | undefined;
        const readers = finding.data?.wordingFor as AudienceId[] | undefined;
        firsts.set(key, { finding, wording, readers, readersKey: readers?.join() ?? '', uses: 1, edits: replace ? [...replace.edits] : [] });
        findings.push(finding);
      }
    }
    // One fix replaces every use the finding stands for, up to the first that takes no wording.
    for (const { finding, wording, uses, edits } of firsts.values()) {
      if (!finding.related?.length || !wording || uses < 2) continue;
      finding.fixes?.push({ title: `Replace all ${uses} uses with "${wording}"`, kind: 'replace', edits });
    }
    return findings;
  },
};

/**
 * What one use of a term gives, in its chunk's offsets: whether it is flagged, its finding as a
 * first use, and its "Replace all" edits per audience wording. These depend on the block's text and
 * audience, the allowed terms and the config only, so a re-check reuses them for every block it
 * did not change: computing wordings and fixes for every use was most of a 10k-word re-check.
 */
interface UseMemo {
  flagged: boolean;
  /** `null`: no finding. */
  first?: RawFinding | null;
  later: Map<string, { start: number; end: number; newText: string }[] | undefined>;
}

const memos = new WeakMap<PreparedDocument['config'], WeakMap<PlacedBlock['analysis'], Map<string, UseMemo[]>>>();

function memoOf(doc: PreparedDocument): (block: PlacedBlock) => UseMemo[] {
  let byAnalysis = memos.get(doc.config);
  if (!byAnalysis) memos.set(doc.config, (byAnalysis = new WeakMap()));
  const byBlock = byAnalysis;
  const allowed = [...doc.allowed].sort().join('\u0000');
  return (block) => {
    let byContext = byBlock.get(block.analysis);
    if (!byContext) byBlock.set(block.analysis, (byContext = new Map()));
    const key = `${block.audience.join()}|${allowed}`;
    let list = byContext.get(key);
    if (!list) {
      if (byContext.size > 8) byContext.clear();
      byContext.set(key, (list = []));
    }
    return list;
  };
}

function shift<T extends { start: number; end: number }>(e: T, by: number): T {
  return { ...e, start: e.start + by, end: e.end + by };
}

/** The finding for one use of a term, in offsets relative to the block's chunk; none when it is known. */
function findingFor(block: PlacedBlock, match: GlossaryMatch, doc: PreparedDocument): RawFinding | undefined {
  const prose = block.analysis.text;
  const entry = match.entry;
  if (!isFlagged(block, match, doc)) return undefined;
  const strangers: AudienceId[] = entry.banned
    ? block.audience
    : block.audience.filter((a) => !entry.familiarTo.includes(a));
  const { start, end } = blockRange(block, match.start, match.end);
  // The message gives the definition-like plain wording, as the hover does; fixes write the in-place one.
  const said = strangers.map((a) => entry.replace[a]).find(Boolean) ?? entry.plain;
  const domain = DOMAIN_LABELS[entry.domain] ?? entry.domain;
  // An alias ("downtime PC" for BCA) is not what the expansion spells out.
  const isAbbreviation = Boolean(entry.expansion) && (match.text === entry.term || baseForms(match.text).includes(entry.term));
  // A term across inline HTML (`<b>interface</b> engine`) reads as its words: the tag is a blank in the prose.
  const written = match.text.replace(/\s+/g, ' ');
  const named = isAbbreviation ? `"${written}" (${entry.expansion})` : `"${written}"`;
  const advice = said ? ` Say: "${said}".` : '';
  const message = entry.banned
    ? `${named} is on your team's banned list.${advice}`
    : `${named} is ${domain} jargon that ${doc.config.audiences.describe(strangers)} may not know.${advice}`;
  const replaces = replaceFixes(block, doc, match, strangers);
  const fixes: RawFix[] = replaces.map(({ title, kind, edits }) => ({ title, kind, edits }));
  const alreadySpelled = entry.expansion && prose.slice(Math.max(0, match.start - entry.expansion.length - 3), match.start).toLowerCase().includes(entry.expansion.toLowerCase());
  if (entry.expansion && isAbbreviation && !alreadySpelled) {
    const spelled = spellOut(prose, match.start, match.end, entry.expansion, [entry.term, ...entry.aliases]);
    const preview = sentencePreview(block.analysis, spelled);
    // Safe unattended: the writer's acronym stays and the glossary's expansion goes before it. A
    // finding is a term's first flagged use in its audience section, and fix-all spells a term out
    // once per draft (src/core/fix-all.ts), so a later section's use is left as written.
    fixes.push({ title: `Spell out: "${spelled.find((e) => e.start === match.start)?.newText ?? entry.expansion}"${preview ? `: "${preview}"` : ''}`, kind: 'spell-out', safe: true, edits: spelled.map((e) => blockEdit(block, e)) });
  }
  return {
    message,
    start,
    end,
    audience: strangers,
    term: entry.term,
    severity: entry.severity === 'info' ? 'info' : undefined,
    fixes,
    data: { definition: entry.definition, expansion: entry.expansion, familiarTo: entry.familiarTo, domain: entry.domain, wording: replaces[0]?.wording, wordingFor: replaces[0]?.readers },
  };
}

/**
 * "Replace with" fixes: the term's short in-place wording for each audience it is jargon to
 * (data/in-place/), placed grammatically (src/rules/wording.ts), one fix per distinct wording.
 * A term with no in-place wording, a modifier use with no modifier form, a wording that does not
 * fit, or one that would make the sentence hard or long for these readers, gets none: the hover
 * keeps the definition and the spell-out fix stays.
 */
/**
 * `later`: a later use for "Replace all uses": placed as grammatically, but neither re-scored nor
 * previewed, so that a draft with thousands of uses of one term in one sentence stays linear.
 */
function replaceFixes(block: PlacedBlock, doc: PreparedDocument, match: GlossaryMatch, strangers: AudienceId[], later = false): (RawFix & { wording: string; readers: AudienceId[] })[] {
  const entry = match.entry;
  const prose = block.analysis.text;
  const sentence = sentenceAt(block.analysis, match.start);
  const byText = new Map<string, { edits: ProseEdit[]; sourceEdits: { start: number; end: number; newText: string }[]; wording: string; for: AudienceId[] }>();
  const forms = [entry.term, ...entry.aliases, ...entry.weakAliases];
  const heading = block.analysis.kind === 'heading';
  // A verb use ("cutting over", "cut them over") takes the glossary's plain verb, in the writer's
  // inflection, or nothing: a noun wording would not read there.
  const verb = verbUse(entry, match.text);
  const verbPlaced = verb && entry.plainVerb ? placeVerbWording(prose, match.start, match.end, entry.verbs, entry.plainVerb, { nounForms: forms, heading }) : undefined;
  for (const audience of strangers) {
    let placed = verbPlaced;
    if (!placed && (!verb || verb === 'or-noun')) {
      const wording = wordingFor(entry, match.text.replace(/\s+/g, ' '), audience);
      if (wording) placed = placeWording(prose, match.start, match.end, wording, { forms, heading });
    }
    if (!placed) continue;
    // An edit across markup (`HL7 <b>feed</b>`, `<b>interface</b> engine`) is narrowed to the text
    // it changes, or made word for word, or refused, on its way out of the engine (src/core/prose-map.ts).
    const key = JSON.stringify(placed.edits);
    const existing = byText.get(key);
    if (existing) existing.for.push(audience);
    else byText.set(key, { edits: placed.edits, sourceEdits: sourceEdits(block, doc.text, placed), wording: placed.wording, for: [audience] });
  }
  const fixes: (RawFix & { wording: string; readers: AudienceId[] })[] = [];
  for (const { edits, sourceEdits: written, wording, for: readers } of byText.values()) {
    if (later) {
      fixes.push({ title: '', kind: 'replace', edits: written, wording, readers });
      continue;
    }
    if (makesWorse(doc, block, sentence, edits, readers)) continue;
    const preview = previewOf(prose.slice(sentence.start, sentence.end), sentence.start, edits);
    const who = strangers.length > 1 && readers.length < strangers.length ? ` (for ${joinWords(readers.map((a) => doc.config.audiences.label(a)))} readers)` : '';
    fixes.push({ title: `Replace with "${wording}"${who}: "${preview}"`, kind: 'replace', edits: written, wording, readers });
  }
  return fixes;
}

/**
 * The in-place wording for one audience: the built-in data, else a team glossary's own short
 * wording for that audience (a team writes `replace` for its own terms; a short one is a wording
 * that fits in a sentence, a long one is a definition and stays in the hover).
 */
function wordingFor(entry: GlossaryMatch['entry'], text: string, audience: AudienceId): InPlaceWording | undefined {
  const builtin = aliasWording(entry, text, inPlaceWording(entry.term, text, audience));
  if (builtin && entry.origin.startsWith('data/glossary/')) return builtin;
  const team = entry.replace[audience] ?? entry.plain;
  if (!entry.origin.startsWith('data/glossary/') && team && wordCount(team) <= 5) return { noun: team };
  return entry.origin.startsWith('data/glossary/') ? undefined : builtin;
}

/**
 * Whether a use is one of the term's verb phrases as written ("cuts over"): 'verb', or
 * 'or-noun' when the same words are also its term or an alias ("power cycle", "sunset"), or
 * undefined. Entries with no `verbs` answer at once.
 */
function verbUse(entry: GlossaryMatch['entry'], text: string): 'verb' | 'or-noun' | undefined {
  if (!entry.verbs.length) return undefined;
  const written = text.replace(/\s+/g, ' ').toLowerCase();
  if (!entry.verbs.some((phrase) => verbFormsOf(phrase).includes(written))) return undefined;
  const noun = [entry.term, ...entry.aliases, ...entry.weakAliases].some((f) => formsOf(written).includes(f.toLowerCase()));
  return noun ? 'or-noun' : 'verb';
}

/**
 * A placed wording's edits in the chunk's offsets. A wording's own article, where the term was
 * the whole of a bold or linked text, goes before the markup ("Check the **medicine record**",
 * not "Check **the medicine record**"): the emphasis stays on the words that replace the term.
 */
function sourceEdits(block: PlacedBlock, text: string, placed: Placed): { start: number; end: number; newText: string }[] {
  const last = placed.edits[placed.edits.length - 1];
  return placed.edits.flatMap((e) => (e === last && placed.article ? articleOutsideMarkup(block, text, e, placed.article) : undefined) ?? [blockEdit(block, e)]);
}

function blockEdit(block: PlacedBlock, edit: ProseEdit): { start: number; end: number; newText: string } {
  return { ...blockRange(block, edit.start, edit.end), newText: edit.newText };
}

/**
 * A fix never makes the text worse for its readers: the changed sentence must not become hard
 * (readability) or long (long-sentence) for an audience it was not hard or long for.
 */
function makesWorse(doc: PreparedDocument, block: PlacedBlock, sentence: { start: number; end: number }, edits: ProseEdit[], readers: AudienceId[]): boolean {
  const text = block.analysis.text.slice(sentence.start, sentence.end);
  const before = proseWords(text);
  const after = proseWords(applyProseEdits(text, sentence.start, edits));
  const beforeScores = scoreSentence(before);
  const afterScores = scoreSentence(after);
  const on = (rule: string) => (doc.config.rules[rule] ?? 'warning') !== 'off';
  return readers.some((a) => {
    const limits = doc.config.limits[a];
    if (on('long-sentence') && after.length > limits.sentenceWords && before.length <= limits.sentenceWords) return true;
    if (on('readability') && block.analysis.kind === 'paragraph' && isHardToRead(afterScores, limits.readability) && !isHardToRead(beforeScores, limits.readability)) return true;
    return false;
  });
}

/**
 * A longer alias that starts with the term ("rollback plan", "cutover window") keeps its other
 * words after the term's modifier form ("undo plan"); any other alias with no entry of its own in
 * data/in-place/ gets no wording, since the term's wording would drop the alias's other words.
 */
function aliasWording(entry: GlossaryMatch['entry'], text: string, wording: InPlaceWording | undefined): InPlaceWording | undefined {
  if (!wording) return undefined;
  const lowered = text.toLowerCase().replace(/['’]s?$/, '');
  const term = entry.term.toLowerCase();
  if (lowered === term || lowered === `${term}s` || lowered === `${term}es` || hasOwnEntry(text)) return wording;
  const rest = /^(\S+(?:\s+\S+)*?)\s+(.+)$/.exec(text);
  const modifier = modifierForms(wording)[0];
  if (rest && text.toLowerCase().startsWith(`${term} `) && modifier) {
    const tail = text.slice(entry.term.length).trim();
    // No article of its own: the writer's stays ("the rollback plan", "a phishing email"), and a bare plural stays bare ("Phishing emails" -> "Scam emails").
    return { noun: `${modifier} ${tail.replace(/['’]s?$/, '').replace(/s$/, '')}`, plural: `${modifier} ${tail.replace(/['’]s?$/, '').replace(/s?$/, 's')}` };
  }
  return undefined;
}

function hasOwnEntry(text: string): boolean {
  return formsOf(text).some((f) => inPlaceTable().has(f));
}

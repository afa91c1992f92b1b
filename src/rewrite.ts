/**
 * Rewrite for Audience, the engine side: a draft rewritten for one audience as a first draft
 * worth finishing. Pure (text in, text out), so that it is tested without VS Code; the command
 * (src/extension/commands/rewrite.ts) only opens the result beside the original.
 *
 * - Front matter `audience:` becomes the new audience (it outranks config and settings, so the
 *   findings are exactly this audience's).
 * - Each jargon term takes its in-place wording (data/in-place/, placed by src/rules/wording.ts)
 *   wherever the jargon rule offers one that fits (not a modifier use without a modifier form,
 *   nor one that makes its sentence hard or long); acronyms these readers know are spelled out
 *   once, at their first use.
 * - Every place it could not rewrite well (a term with no wording that fits, such as a modifier
 *   use, or a sentence still hard or long for this audience) gets a comment for the writer.
 */
import { builtinEngine } from './builtins';
import { applyFixes } from './core/apply-fixes';
import { setAudienceEdit } from './core/edits';
import type { Engine } from './core/engine';
import type { AudienceId, Finding, Fix, LintOptions, TextEdit } from './core/types';
import { splitPoints } from './rules/wording';

export interface RewriteResult {
  text: string;
  /** Terms put in other words, and acronyms spelled out. */
  replaced: number;
  spelledOut: number;
  /** Wordy phrases made simple (simpler-word, tone, redundant-acronym's fixes). */
  simplified: number;
  /** Hard or long sentences split in two at a semicolon or a conjunction before a new clause. */
  split: number;
  /** Places marked with a comment for the writer. */
  marked: number;
  /** Jargon and undefined-acronym findings for the audience still in the rewritten draft. */
  remaining: Finding[];
}

/** The comment that marks a place the rewrite left to the writer; Crosswalk reads no rule from it. */
export const REWRITE_NOTE = 'crosswalk rewrite:';

const REWRITTEN_RULES = new Set(['jargon', 'undefined-acronym']);
const HARD_RULES = new Set(['readability', 'long-sentence']);
/** Rules whose first fix puts a simpler word in (or takes a wordy one out) without changing the meaning. */
const SIMPLER_RULES = new Set(['simpler-word', 'tone', 'redundant-acronym']);

function phaseOf(fix: Fix, finding: Finding): 'replace' | 'simpler' | 'spell-out' {
  if (fix.kind === 'spell-out') return 'spell-out';
  return SIMPLER_RULES.has(finding.ruleId) ? 'simpler' : 'replace';
}

/**
 * The ways to split a hard or long sentence in two (src/rules/wording.ts `splitPoints`), best
 * first, as edits of the draft: at a semicolon or a conjunction before a new clause, never inside
 * inline code, a link address or a tag, so that the words and the markup stay as they were.
 */
function splitsOf(text: string, finding: Finding): TextEdit[][] {
  const start = finding.range.start.offset;
  const raw = text.slice(start, finding.range.end.offset);
  // A table row or a heading keeps its shape: only prose is split.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^\s*(?:\||#)/.test(text.slice(lineStart, start + 1))) return [];
  return splitPoints(raw).map((p) => [{ range: { start: positionAt(text, start + p.start), end: positionAt(text, start + p.end) }, newText: p.newText }]);
}

/** A position (1-based line and column, and offset) in `text`. */
function positionAt(text: string, offset: number): TextEdit['range']['start'] {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

export function rewriteForAudience(text: string, audience: AudienceId, options: LintOptions = {}, engine: Engine = builtinEngine): RewriteResult {
  const linter = engine.createLinter({ ...options, audience });
  const forAudience = (draft: string) => linter.lint(draft).findings.filter((f) => f.audience.includes(audience));
  let draft = applyFixes(text, [setAudienceEdit(text, audience)]);
  let findings = forAudience(draft);
  let replaced = 0;
  let spelledOut = 0;
  let simplified = 0;
  let split = 0;
  const spelled = new Set<string>();
  // From the end of the draft backwards, so that the offsets of the fixes not tried yet hold.
  // Each change is kept only when the draft then has fewer findings for this audience: a wording
  // that fits alone but makes its sentence hard or long together with another is not kept. The
  // linter is incremental, so each try re-checks about one paragraph.
  // Rewordings first, then simpler words, then spell-outs, then splitting hard sentences: a plain
  // word helps a reader more than an expansion, and an expansion that lengthens a sentence must
  // not crowd out the rewording beside it; a sentence is split once its words are settled.
  for (const phase of ['replace', 'simpler', 'spell-out', 'split', 'split'] as const) {
    const candidates = findings
      .filter((f) => (phase === 'split' ? HARD_RULES.has(f.ruleId) : REWRITTEN_RULES.has(f.ruleId) || SIMPLER_RULES.has(f.ruleId)))
      .sort((a, b) => b.range.start.offset - a.range.start.offset);
    let floor = Infinity;
    for (const finding of candidates) {
      const tries = phase === 'split' ? splitsOf(draft, finding) : chooseFixes(finding, spelled).filter((f) => phaseOf(f, finding) === phase).map((f) => f.edits);
      for (const edits of tries) {
        if (edits.length === 0 || edits.some((e) => e.range.end.offset > floor)) continue;
        const tried = applyFixes(draft, edits);
        const after = forAudience(tried);
        // A rewording, a simpler word or a split must pay for itself; a spell-out (the writer's
        // acronym kept, once) may trade an undefined acronym for a longer sentence, never add to the count.
        if (phase === 'spell-out' ? after.length > findings.length : after.length >= findings.length) continue;
        draft = tried;
        findings = after;
        floor = Math.min(...edits.map((e) => e.range.start.offset));
        if (phase === 'replace') replaced++;
        else if (phase === 'simpler') simplified++;
        else if (phase === 'split') split++;
        else {
          spelledOut++;
          if (finding.term) spelled.add(finding.term);
        }
        break;
      }
    }
  }
  const notes = notesFor(draft, findings);
  draft = applyFixes(draft, notes);
  const remaining = linter.lint(draft).findings.filter((f) => f.audience.includes(audience) && REWRITTEN_RULES.has(f.ruleId));
  return { text: draft, replaced, spelledOut, simplified, split, marked: notes.length, remaining };
}

/**
 * Jargon takes its in-place wording where one fits; an undefined acronym (known to these readers,
 * not spelled out) is spelled out once. A jargon acronym with no wording that fits is left for
 * the writer: its expansion is jargon to these readers too, and a longer sentence is a harder one.
 */
function chooseFixes(finding: Finding, spelled: Set<string>): Fix[] {
  // Spelled out once: its expansion is the writer's now, not to be reworded on a later pass.
  if (finding.term && spelled.has(finding.term)) return [];
  // Every use at once first ("Replace all 2 uses"): replacing the first alone may only move the
  // finding to the next use, and leave the count as it was.
  if (finding.ruleId === 'jargon') return finding.fixes.filter((f) => f.kind === 'replace').sort((a, b) => b.edits.length - a.edits.length);
  if (SIMPLER_RULES.has(finding.ruleId)) return finding.fixes.filter((f) => f.kind === 'replace' || f.kind === 'remove').slice(0, 1);
  return finding.fixes.filter((f) => f.kind === 'spell-out').slice(0, 1);
}

/** End-of-line comments for the places left to the writer: one per line, naming each problem. */
function notesFor(text: string, findings: Finding[]): TextEdit[] {
  const byLine = new Map<number, string[]>();
  const add = (line: number, note: string) => {
    const list = byLine.get(line) ?? [];
    if (!list.includes(note)) list.push(note);
    byLine.set(line, list);
  };
  for (const f of findings) {
    const quoted = `"${text.slice(f.range.start.offset, f.range.end.offset)}"`;
    if (f.ruleId === 'jargon') add(f.range.start.line, `${quoted}: no short wording fits here; say it another way`);
    else if (f.ruleId === 'undefined-acronym') add(f.range.start.line, `${quoted}: spell it out at its first use`);
    else if (HARD_RULES.has(f.ruleId)) add(f.range.end.line, f.ruleId === 'long-sentence' ? 'a long sentence: split it' : 'a hard sentence: split it or use shorter words');
  }
  const lines = text.split('\n');
  const starts: number[] = [0];
  for (let i = 0; i < lines.length - 1; i++) starts.push(starts[i] + lines[i].length + 1);
  const edits: TextEdit[] = [];
  for (const [line, notes] of byLine) {
    const content = lines[line - 1]?.replace(/\r$/, '') ?? '';
    const trimmed = content.replace(/\s+$/, '');
    const offset = starts[line - 1] + trimmed.length;
    const position = { line, column: trimmed.length + 1, offset };
    // A table row keeps its shape: the note goes inside its last cell.
    const inRow = /^\s*\|/.test(trimmed) && trimmed.endsWith('|') && trimmed.length > 1;
    const at = inRow ? { ...position, column: position.column - 1, offset: offset - 1 } : position;
    edits.push({ range: { start: at, end: at }, newText: `${inRow ? '' : ' '}<!-- ${REWRITE_NOTE} ${notes.join('; ')} -->${inRow ? ' ' : ''}` });
  }
  return edits;
}

/**
 * Every term with an in-place wording (data/in-place/) in every sentence frame a term stands in:
 * at a sentence start, after "the", after "a"/"an", as a bare plural, as a possessive, inside
 * parentheses, in a list item and in a heading. For each, the exact text the first "Replace with"
 * fix of the jargon finding writes, built from the wording's own fields by the rules of
 * data/in-place/FORMAT.md: the wording's "the"/"a" gives way to the writer's determiner; a bare
 * plural stays bare ("RTOs differ" -> "Recovery time targets differ", no "The" the writer did not
 * write); a/an agrees with the new first word; a sentence start, list item and heading take a
 * capital. A frame where the term is not flagged (an everyday word that needs context, "patch")
 * or where no wording is offered (it would double a word beside it) is counted, and the counts
 * are held, so that the table cannot pass by offering nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes, lint, type AudienceId } from '../../src/index';
import { inPlaceTable, inPlaceWording } from '../../src/core/in-place';
import { builtinEntries } from '../../src/core/builtin-glossary';
import { Glossary } from '../../src/core/glossary';
import { indefiniteArticle, pluralise } from '../../src/rules/wording';

const AUDIENCES: AudienceId[] = ['clinical', 'admin', 'it', 'patients'];
const glossary = new Glossary(builtinEntries());
const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

interface Frame {
  name: string;
  /** The sentence with the term as written. */
  sentence: (term: string) => string;
  /** The sentence as the fix writes it, from the wording with its article (`noun`), without it (`bare`), and its plural. */
  want: (w: { noun: string; bare: string; plural: string }) => string;
  /** Only for terms that are not plural already ("rounds", "restraints"). */
  singularOnly?: boolean;
}

const FRAMES: Frame[] = [
  { name: 'sentence start', sentence: (t) => `${cap(t)} is due on Monday.`, want: (w) => `${cap(w.noun)} is due on Monday.` },
  { name: 'after "the"', sentence: (t) => `We reviewed the ${t} today.`, want: (w) => `We reviewed the ${w.bare} today.` },
  {
    name: 'after "a"/"an"',
    // The writer's article as it fits the term ("an EHR", "a cutover"), made to agree with the wording.
    sentence: (t) => `We planned ${indefiniteArticle(t)} ${t} for May.`,
    want: (w) => `We planned ${indefiniteArticle(w.bare)} ${w.bare} for May.`,
  },
  { name: 'bare plural', sentence: (t) => `${cap(t)}s differ by site.`, want: (w) => `${cap(w.plural)} differ by site.`, singularOnly: true },
  { name: 'possessive', sentence: (t) => `The ${t}'s owner left.`, want: (w) => `The ${w.bare}'s owner left.` },
  { name: 'inside parentheses', sentence: (t) => `We are on track (${t} is next).`, want: (w) => `We are on track (${w.noun} is next).` },
  { name: 'list item', sentence: (t) => `- ${cap(t)} is due on Monday.`, want: (w) => `- ${cap(w.noun)} is due on Monday.` },
  { name: 'heading', sentence: (t) => `## ${cap(t)} this week`, want: (w) => `## ${cap(w.noun)} this week` },
];

/** Each in-place key, the glossary entry it belongs to, and the first audience it is jargon to that has a wording. */
function cases() {
  const out: { key: string; term: string; entryTerm: string; audience: AudienceId }[] = [];
  for (const [key] of inPlaceTable()) {
    const entry = glossary.lookup(key) ?? builtinEntries().find((e) => [...e.aliases, ...e.weakAliases].some((a) => a.toLowerCase() === key));
    assert.ok(entry, `${key}: a glossary term or alias`);
    const term = entry.term.toLowerCase() === key ? entry.term : [...entry.aliases, ...entry.weakAliases].find((a) => a.toLowerCase() === key)!;
    const audience = AUDIENCES.find((a) => !entry.familiarTo.includes(a) && inPlaceWording(entry.term, term, a));
    if (audience) out.push({ key, term, entryTerm: entry.term, audience });
  }
  return out;
}

function firstReplace(sentence: string, audience: AudienceId) {
  const text = `---\naudience: ${audience}\n---\n\n${sentence}\n`;
  const finding = lint(text).findings.find((f) => f.ruleId === 'jargon');
  return { text, finding, fix: finding?.fixes.find((f) => f.kind === 'replace') };
}

test('every term with an in-place wording, in every sentence frame, reads as the wording rules say', () => {
  const problems: string[] = [];
  const counts = { fixed: 0, notFlagged: 0, notOffered: 0 };
  const offeredFor = new Set<string>();
  const all = cases();
  assert.ok(all.length >= 300, `${all.length} terms with a wording`);
  for (const { key, term, entryTerm, audience } of all) {
    const wording = inPlaceWording(entryTerm, term, audience)!;
    const own = /^(?:the|a|an)\s+(.+)$/i.exec(wording.noun);
    const bare = own ? own[1] : wording.noun;
    const w = { noun: wording.noun, bare, plural: wording.plural ?? pluralise(bare) };
    for (const frame of FRAMES) {
      if (frame.singularOnly && /s$/i.test(term)) continue;
      const sentence = frame.sentence(term);
      const { text, finding, fix } = firstReplace(sentence, audience);
      if (!finding) {
        counts.notFlagged++;
        continue;
      }
      if (finding.term !== entryTerm) {
        problems.push(`${key} (${frame.name}): the finding is for "${finding.term}", not "${entryTerm}": ${sentence}`);
        continue;
      }
      if (!fix) {
        counts.notOffered++;
        continue;
      }
      counts.fixed++;
      offeredFor.add(key);
      const got = applyFixes(text, [fix]).slice(text.indexOf('\n\n') + 2).trimEnd();
      const want = frame.want(w);
      if (got !== want) problems.push(`${key} for ${audience} (${frame.name}): "${sentence}" became "${got}", want "${want}"`);
      const prose = want.replace(/^(?:#+|-) /, '');
      if (!fix.title.endsWith(`: "${prose}"`)) problems.push(`${key} (${frame.name}): title "${fix.title}" does not show "${prose}"`);
    }
  }
  assert.deepEqual(problems, []);
  // Most frames get a wording; a term flagged in no frame needs context words ("patch", "build").
  assert.ok(counts.fixed >= 2450, JSON.stringify(counts));
  assert.ok(counts.notOffered <= 20, JSON.stringify(counts));
  assert.ok(offeredFor.size >= 320, `${offeredFor.size} terms got a wording in some frame`);
});

/** The cases the issue names, by hand: agreement, a bare plural, a possessive, an article given way. */
const HAND: [sentence: string, audience: AudienceId, want: string][] = [
  ['RTOs differ by system.', 'clinical', 'Recovery time targets differ by system.'],
  ['The RTOs differ by system.', 'clinical', 'The recovery time targets differ by system.'],
  ['Our RTOs differ by system.', 'admin', 'Our recovery time targets differ by system.'],
  ['An RTO of four hours applies.', 'clinical', 'A recovery time target of four hours applies.'],
  ['You can log in to an EHR from home.', 'patients', 'You can log in to a health record system from home.'],
  ['EHRs store your results.', 'patients', 'Health record systems store your results.'],
  ['The EHR\'s messages come by email.', 'patients', 'The health record system\'s messages come by email.'],
  ['A HL7 feed to the lab pauses tonight.', 'clinical', 'A data feed to the lab pauses tonight.'],
  ['An HL7 feed to the lab pauses tonight.', 'clinical', 'A data feed to the lab pauses tonight.'],
  ['HL7 feeds to the lab pause tonight.', 'clinical', 'Data feeds to the lab pause tonight.'],
  ['An HL7 interface to the lab is down.', 'admin', 'A data link to the lab is down.'],
  ['CDSs differ by site.', 'admin', 'Built-in alerts differ by site.'],
  ['PACSs differ by site.', 'admin', 'Imaging systems differ by site.'],
  ['On-premises is our default.', 'clinical', 'On our own equipment is our default.'],
  ['Phishing-resistant MFA is due on Monday.', 'clinical', 'A theft-proof sign-in method is due on Monday.'],
  ['Critical values must be called within an hour.', 'patients', 'Urgent test results must be called within an hour.'],
  ['- Cutovers start at 1 a.m.', 'clinical', '- Switch-overs start at 1 a.m.'],
  ['## Cutovers this month', 'admin', '## Switch-overs this month'],
];

for (const [sentence, audience, want] of HAND) {
  test(`in place, by hand: ${sentence} (${audience})`, () => {
    const { text, fix } = firstReplace(sentence, audience);
    assert.ok(fix, `a replacement for "${sentence}"`);
    assert.equal(applyFixes(text, [fix]).slice(text.indexOf('\n\n') + 2).trimEnd(), want, fix.title);
  });
}

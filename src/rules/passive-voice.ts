import { blockRange, type RawFinding, type Rule } from '../core/document';
import { baseOf, pastOf, thirdPerson } from '../core/verb-forms';

/**
 * Passive voice hides who acts: in a downtime notice, readers need to know who does what. The
 * advice is about the sentence at hand: it names the passive verb phrase found there and, when
 * the doer is in the sentence ("were verified by pharmacy"), gives the active order with the
 * sentence's own words ("Pharmacy verified the orders."); otherwise it asks who should be named
 * ("does not say who will verify the orders"). The rewrite is only offered when the subject, the
 * doer and the verb's forms are all clear (src/core/verb-forms.ts); the advice never guesses.
 */
export const passiveVoice: Rule = {
  id: 'passive-voice',
  title: 'Passive voice',
  description: 'Passive voice, which hides who has to act.',
  defaultSeverity: 'info',
  checkBlock(block) {
    const findings: RawFinding[] = [];
    const text = block.analysis.text;
    for (const hit of block.analysis.passive) {
      const { start, end } = blockRange(block, hit.start, hit.end);
      const sentence = block.analysis.sentences.find((s) => s.start <= hit.start && hit.end <= s.end) ?? { start: 0, end: text.length };
      findings.push({
        // One line, however the paragraph is wrapped.
        message: passiveAdvice(text, sentence, hit).replace(/\s+/g, ' '),
        start,
        end,
        audience: block.audience,
      });
    }
    return findings;
  },
};

const WINDOW = 240;
const BE = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be']);
/** Words of the verb group before "be"/"been": modals, have, "need to", "going to", and adverbs among them. */
const AUX = new Set([
  'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'has', 'have', 'had', 'not', 'never',
  'need', 'needs', 'needed', 'to', 'going', 'is', 'are', 'was', 'were', 'am', 'ought', 'also', 'then', 'now', 'already',
  'still', 'just', 'only', 'always', 'usually', 'often', 'soon', 'first', 'again', 'likely', 'probably', 'all', 'both',
]);
const MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should']);
/** Words that start a clause: the passive's subject comes after the last one before it. */
const CLAUSE_WORDS = new Set(['if', 'when', 'because', 'after', 'before', 'until', 'once', 'while', 'although', 'though', 'since', 'unless', 'whether', 'where', 'so']);
/** Verbs that report a clause without "that" ("IT says the access points will be replaced"): the subject comes after them. */
const REPORTING = new Set([
  'says', 'said', 'say', 'confirms', 'confirmed', 'confirm', 'reports', 'reported', 'notes', 'noted', 'believes', 'believe',
  'thinks', 'think', 'expects', 'expect', 'knows', 'know', 'hopes', 'hope', 'announced', 'explains', 'explained', 'determines',
  'determined', 'shows', 'showed', 'means', 'ensures', 'ensure', 'agrees', 'agreed', 'found', 'finds', 'check', 'checks',
]);
/** A subject that is a negation ("no visits", "nobody"): an active sentence would need other words ("we lost no visits" reads oddly as advice). */
const NEGATIVE = new Set(['no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'never']);
/** Words that follow a verb as part of it ("written off", "set up", "shut down"). */
const PARTICLES = new Set(['off', 'up', 'out', 'down', 'back', 'away', 'aside']);
/**
 * Participles that often describe a state rather than an act ("clinics are closed", "the plan is
 * attached", "bandwidth is limited"): the advice asks whether someone acts, rather than who.
 */
const STATES = new Set([
  'closed', 'limited', 'fixed', 'engaged', 'involved', 'interested', 'concerned', 'located', 'based', 'attached', 'finished',
  'gone', 'done', 'pleased', 'satisfied', 'worried', 'qualified', 'related', 'connected', 'allowed', 'permitted', 'supposed',
  'used', 'known', 'called', 'named', 'scheduled', 'planned', 'designed', 'intended', 'expected', 'open', 'staffed', 'covered',
]);
const RELATIVES = new Set(['that', 'which', 'who', 'whom', 'whose', 'what']);
/** Words that end a doer's name ("by the board on Monday", "by IT before 6"). */
const AGENT_STOP = new Set([
  'on', 'at', 'in', 'before', 'after', 'until', 'for', 'to', 'during', 'within', 'from', 'with', 'without', 'via', 'through',
  'over', 'under', 'between', 'into', 'onto', 'about', 'per', 'since', 'and', 'or', 'but', 'so', 'if', 'when', 'because',
  'which', 'who', 'that', 'while', 'as', 'by', 'today', 'tomorrow', 'tonight', 'yesterday', 'this', 'next', 'last', 'once',
  'unless', 'than', 'then', 'again', 'now', 'soon', 'first', 'every', 'each',
]);
/** After "by", a time or a means, not a doer: "by Friday", "by phone", "by the end of the day". */
const NOT_AGENT = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'noon', 'midnight', 'today', 'tomorrow', 'tonight',
  'then', 'now', 'end', 'close', 'start', 'time', 'deadline', 'morning', 'afternoon', 'evening', 'weekend', 'day', 'week',
  'month', 'year', 'phone', 'telephone', 'email', 'e-mail', 'mail', 'post', 'fax', 'hand', 'text', 'pager', 'default', 'mistake',
  'accident', 'design', 'chance', 'law', 'policy', 'far', 'following', 'next', 'shift', 'way', 'means', 'hour', 'minute', 'eod', 'cob',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'all', 'some', 'each', 'every', 'this', 'these', 'those', 'your', 'our', 'their', 'its', 'his', 'her', 'my', 'any', 'no', 'most', 'many', 'several', 'both', 'one', 'two', 'three']);
const SUBJECT_TO_OBJECT: Record<string, string> = { i: 'me', we: 'us', they: 'them', he: 'him', she: 'her', you: 'you', it: 'it' };
const OBJECT_TO_SUBJECT: Record<string, string> = { me: 'I', us: 'we', them: 'they', him: 'he', her: 'she', you: 'you', it: 'it' };
/** Passives that state a need ("forms are required"): the question is who must act, not who requires. */
const NEEDS = new Set(['required', 'needed', 'mandated', 'recommended']);

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const lower = (w: string) => w.toLowerCase();
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A doer named by a plural noun or pronoun takes "have" and the base form ("the nurses verify"). */
function isPlural(agent: string): boolean {
  const words = agent.split(/\s+/);
  const last = words[words.length - 1];
  const l = lower(last);
  if (['we', 'they', 'you', 'i', 'people', 'staff members', 'children', 'both'].includes(l)) return true;
  if (last === last.toUpperCase()) return false; // "IT", "PACS": a team or a system
  return /s$/.test(l) && !/(?:ss|us|is|ics|ous|ness|sis|ys)$/.test(l);
}

/**
 * The sentence-specific advice for one passive hit: the passive phrase, and the active order
 * where the doer is named, else who should be named.
 */
export function passiveAdvice(text: string, whole: { start: number; end: number }, hit: { start: number; end: number; actual: string }): string {
  // A window of the sentence around the passive: the advice reads a clause, and a long run of
  // text with many passives stays linear.
  const sentence = { start: Math.max(whole.start, hit.start - WINDOW), end: Math.min(whole.end, hit.end + WINDOW) };
  // Where the window cuts the sentence, its first word is not the sentence's.
  const cut = sentence.start > whole.start;
  const phraseWords = wordsOf(text, hit.start, hit.end);
  const be = phraseWords[0];
  const participle = phraseWords[phraseWords.length - 1];
  const adverbs = phraseWords.slice(1, -1).map((w) => w.text);
  if (!be || !participle || !BE.has(lower(be.text)) || phraseWords.length < 2) return generic(hit.actual);

  // The clause: from the last boundary before the passive to the next one after it.
  const before = wordsOf(text, sentence.start, hit.start);
  let clauseFrom = 0;
  let lead: string | undefined;
  for (let i = before.length - 1; i >= 0; i--) {
    const gap = text.slice(before[i].end, i + 1 < before.length ? before[i + 1].start : hit.start);
    if (/[,;:(—–]/.test(gap)) {
      clauseFrom = i + 1;
      // ", and the servers were restored": the joining word opens the clause.
      if (clauseFrom < before.length && ['and', 'but', 'or', 'then', 'yet'].includes(lower(before[clauseFrom].text))) lead = before[clauseFrom++].text;
      break;
    }
    if (REPORTING.has(lower(before[i].text)) && i + 1 < before.length) {
      clauseFrom = i + 1;
      break;
    }
    if (CLAUSE_WORDS.has(lower(before[i].text)) || RELATIVES.has(lower(before[i].text))) {
      clauseFrom = i + 1;
      lead = before[i].text;
      break;
    }
  }
  const clause = before.slice(clauseFrom);
  // The verb group before "be"/"been": "will", "must not", "has", "needs to".
  let chainFrom = clause.length;
  while (chainFrom > 0 && AUX.has(lower(clause[chainFrom - 1].text))) chainFrom--;
  // "all orders", "both feeds": a determiner belongs to the subject, not the verb group.
  while (chainFrom < clause.length && DETERMINERS.has(lower(clause[chainFrom].text)) && chainFrom === 0) chainFrom++;
  const subjectWords = clause.slice(0, chainFrom);
  const chain = clause.slice(chainFrom).map((w) => w.text);
  const relative = lead !== undefined && RELATIVES.has(lower(lead));
  if (relative) lead = undefined;
  const subjectOk = !relative && subjectWords.length > 0 && subjectWords.length <= 6
    && !NEGATIVE.has(lower(subjectWords[0].text))
    // "... after the storm and will be towed": the subject is left out, not "the storm and".
    && !['and', 'or', 'but', 'nor'].includes(lower(subjectWords[subjectWords.length - 1].text)) && !/[[\]{}<>`*_]/.test(text.slice(subjectWords[0].start, subjectWords[subjectWords.length - 1].end));
  // The clause opens the sentence, by itself or after its lead word ("If the feed is stopped ...").
  const clauseOpens = !cut && (clauseFrom === 0 || (lead !== undefined && clauseFrom === 1));
  const object = subjectOk ? objectOf(text, subjectWords, !cut && clauseFrom === 0) : undefined;

  // A particle that belongs to the verb ("written off", "set up"), then the doer, after "by".
  const next = wordsOf(text, hit.end, sentence.end)[0];
  const particle = next && PARTICLES.has(lower(next.text)) && /^\s+$/.test(text.slice(hit.end, next.start)) ? next : undefined;
  const verbEnd = particle ? particle.end : hit.end;
  const afterText = text.slice(verbEnd, sentence.end);
  const by = /^\s+by\s+/i.exec(afterText);
  let agent: string | undefined;
  let agentEnd = verbEnd;
  if (by) {
    const words = wordsOf(text, verbEnd + by[0].length, sentence.end);
    const taken: Word[] = [];
    for (const w of words) {
      const gap = taken.length ? text.slice(taken[taken.length - 1].end, w.start) : '';
      if (taken.length && /[^\s]/.test(gap)) break;
      if (AGENT_STOP.has(lower(w.text)) || /^\d/.test(w.text)) break;
      taken.push(w);
      if (taken.length === 5) break;
    }
    const content = taken.find((w) => !DETERMINERS.has(lower(w.text)));
    if (taken.length && content && !NOT_AGENT.has(lower(content.text)) && taken.length < 5 && !DETERMINERS.has(lower(taken[taken.length - 1].text))) {
      agent = text.slice(taken[0].start, taken[taken.length - 1].end);
      agentEnd = taken[taken.length - 1].end;
    }
  }

  // The phrase as the writer reads it: its verb group too ("will be verified", "has been installed").
  const group = chain.filter((w) => !DETERMINERS.has(lower(w))).join(' ');
  const written = particle ? `${hit.actual} ${particle.text}` : hit.actual;
  const passive = group && chain.length <= 3 ? `${group} ${written}` : written;
  const phrase = agent ? `${passive} by ${agent}` : passive;
  const verbOnly = activeVerb(lower(be.text), chain, adverbs, participle.text, agent);
  const verb = verbOnly && particle ? `${verbOnly} ${lower(particle.text)}` : verbOnly;
  if (agent && verb && object !== undefined) {
    const doer = OBJECT_TO_SUBJECT[agent] ?? agent;
    // The rest of the clause stays as it was ("on Monday"), up to its end.
    const rest = text.slice(agentEnd, sentence.end);
    const stop = /[,;:(—–]|[.!?]\s*$/.exec(rest);
    const tail = (stop ? rest.slice(0, stop.index) : rest).trim();
    const leadWord = lead ? (clauseFrom === 1 ? lead : lower(lead)) : undefined;
    const words = [leadWord, doer, verb, object, tail].filter(Boolean).join(' ');
    const active = clauseOpens ? capitalise(words) : words;
    // The words around the clause, as written when they are few ("Starting Monday, ..."), else "…".
    const clauseStart = lead ? before[clauseFrom - 1].start : (clause[0]?.start ?? hit.start);
    const prefix = text.slice(sentence.start, clauseStart);
    const suffix = stop ? rest.slice(stop.index).trim() : '';
    const opening = clauseOpens ? '' : prefix.split(/\s+/).length <= 6 ? prefix : '… ';
    let closing: string;
    if (!stop) closing = '.';
    else if (/^[.!?]/.test(suffix) || suffix.split(/\s+/).length <= 8) closing = /^[(—–]/.test(suffix) ? ` ${suffix}` : suffix;
    else closing = ' …';
    const said = `${opening}${active}${closing}`;
    if (said.split(/\s+/).length > 24) return `"${phrase}" is passive: put the doer first ("${capitalise(doer)} ${verb} …").`;
    return `"${phrase}" is passive: put the doer first. Say "${said}"`;
  }
  if (agent) return `"${phrase}" is passive: put the doer, ${agent}, first.`;
  const whoVerb = verbForWho(lower(be.text), chain, participle.text);
  const who = whoVerb && particle ? `${whoVerb} ${lower(particle.text)}` : whoVerb;
  if (STATES.has(lower(participle.text))) return `"${passive}" may describe a state; if someone does it, say who, at the start of the sentence.`;
  if (NEEDS.has(lower(participle.text))) return `"${passive}" is passive: say who must act, and start the sentence with them.`;
  if (who && object !== undefined) return `"${passive}" is passive and does not say who ${who} ${object}: start the sentence with that person or team.`;
  return generic(passive);
}

function generic(actual: string): string {
  return `"${actual}" is passive and does not say who acts: name the person or team that does it.`;
}

/** The subject as the object of the active sentence: "The orders" → "the orders", "It" → "it", "We" → "us". */
function objectOf(text: string, words: Word[], startsSentence: boolean): string {
  const phrase = text.slice(words[0].start, words[words.length - 1].end);
  // A pronoun, but not "IT" the team.
  const only = words[0].text;
  if (words.length === 1 && SUBJECT_TO_OBJECT[lower(only)] && (only === 'I' || only !== only.toUpperCase())) return SUBJECT_TO_OBJECT[lower(only)];
  const first = words[0].text;
  // Capitalised only because it starts the sentence: a determiner, a plural noun ("Patients"), or
  // a word written in lower case elsewhere in the text. A name ("Epic", "IT") keeps its capitals.
  if (startsSentence && (DETERMINERS.has(lower(first)) || /^[A-Z][a-z]+[^s]s$/.test(first) || writtenLower(text, lower(first), words[0].end))) {
    return lower(first.charAt(0)) + phrase.slice(1);
  }
  return phrase;
}

/** Whether `word` stands in lower case as a whole word in the next stretch of the text. */
function writtenLower(text: string, word: string, from: number): boolean {
  const stretch = text.slice(from, from + 4000);
  for (let i = stretch.indexOf(word); i >= 0; i = stretch.indexOf(word, i + 1)) {
    if (!/\p{L}/u.test(stretch.charAt(i - 1)) && !/\p{L}/u.test(stretch.charAt(i + word.length))) return true;
  }
  return false;
}

/** The active verb group for a doer: "verified", "will verify", "has verified", "verifies"; undefined when it cannot be formed. */
function activeVerb(be: string, chain: string[], adverbs: string[], participle: string, agent: string | undefined): string | undefined {
  if (!agent) return undefined;
  const plural = isPlural(OBJECT_TO_SUBJECT[agent] ?? agent);
  const base = baseOf(participle);
  if (!base) return undefined;
  const adv = adverbs.length ? `${adverbs.join(' ')} ` : '';
  const agree = (w: string) => {
    const l = lower(w);
    if (l === 'has' || l === 'have') return plural ? 'have' : 'has';
    if (l === 'needs' || l === 'need') return plural ? 'need' : 'needs';
    if (l === 'is' || l === 'are') return plural ? 'are' : 'is';
    if (l === 'was' || l === 'were') return plural ? 'were' : 'was';
    return w;
  };
  const group = chain.map(agree).join(' ');
  if (be === 'was' || be === 'were') {
    if (chain.some((w) => AUX.has(lower(w)) && !['also', 'then', 'now', 'already', 'still', 'just', 'only', 'always', 'usually', 'often', 'soon', 'first', 'again', 'all', 'both'].includes(lower(w)))) return undefined;
    const past = pastOf(participle);
    return past ? `${group ? `${group} ` : ''}${adv}${past}` : undefined;
  }
  if (be === 'is' || be === 'are' || be === 'am') {
    if (chain.length && chain.some((w) => !['also', 'now', 'already', 'still', 'just', 'only', 'always', 'usually', 'often', 'first', 'again'].includes(lower(w)))) return undefined;
    return `${group ? `${group} ` : ''}${adv}${plural || lower(agent) === 'i' || lower(agent) === 'me' ? base : thirdPerson(base)}`;
  }
  if (be === 'been') {
    if (!chain.some((w) => ['has', 'have', 'had'].includes(lower(w)))) return undefined;
    return `${group} ${adv}${lower(participle)}`;
  }
  if (be === 'be') {
    if (!chain.some((w) => MODALS.has(lower(w)) || lower(w) === 'to')) return undefined;
    return `${group} ${adv}${base}`;
  }
  return undefined;
}

/** The verb after "who" when no doer is named: "will verify", "verified", "has approved", "needs to sign". */
function verbForWho(be: string, chain: string[], participle: string): string | undefined {
  const base = baseOf(participle);
  if (!base) return undefined;
  const group = chain.map((w) => (lower(w) === 'have' ? 'has' : lower(w) === 'need' ? 'needs' : lower(w) === 'are' ? 'is' : lower(w) === 'were' ? 'was' : w)).join(' ');
  if (be === 'was' || be === 'were') return chain.length ? undefined : pastOf(participle);
  if (be === 'is' || be === 'are' || be === 'am') return chain.length ? undefined : thirdPerson(base);
  if (be === 'been') return chain.some((w) => ['has', 'have', 'had'].includes(lower(w))) ? `${group} ${lower(participle)}` : undefined;
  if (be === 'be') return chain.some((w) => MODALS.has(lower(w)) || lower(w) === 'to') ? `${group} ${base}` : undefined;
  return undefined;
}

/**
 * Wording helpers shared by the rules that write text into a draft (jargon, simpler-word, tone,
 * undefined-acronym) and by the rewrite (src/core/rewrite.ts): what stands before and after a
 * word, a/an agreement, capitals, plurals and possessives, and whether a term is used as a
 * modifier ("UAT sign-off"). They work on a block's prose (the text with Markdown markers taken
 * out, see src/core/markdown.ts), never on raw Markdown, so that markup is never rewritten.
 */
import { partitionPoint } from '../core/sorted-search';
import { inflectPlainVerb, isPlainVerb, readVerbPhrase, type VerbSlot } from '../core/verb-forms';

/** Words that open a noun phrase: a wording's own "the" gives way to one of these. */
const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'its', 'my', 'his', 'her',
  'each', 'every', 'any', 'no', 'some', 'another', 'which', 'what', 'whose', 'one', 'all', 'both', 'either', 'neither',
]);

/** Function words: a term followed by one of these is not a modifier of it. */
const FUNCTION_WORDS = new Set([
  // prepositions and conjunctions
  'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'as', 'at', 'before', 'behind', 'below',
  'between', 'beyond', 'by', 'despite', 'down', 'during', 'except', 'for', 'from', 'in', 'inside', 'into', 'like', 'near',
  'of', 'off', 'on', 'onto', 'out', 'outside', 'over', 'past', 'per', 'since', 'through', 'throughout', 'till', 'to',
  'toward', 'towards', 'under', 'until', 'up', 'upon', 'via', 'with', 'within', 'without', 'and', 'or', 'but', 'nor',
  'so', 'yet', 'if', 'because', 'while', 'when', 'where', 'whether', 'than', 'then', 'that', 'which', 'who', 'whom',
  'unless', 'once', 'although', 'though', 'versus', 'vs',
  // auxiliaries, modals and common verbs after a subject
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'do', 'does', 'did', 'will',
  'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'need', 'needs', 'goes', 'went', 'gets', 'got',
  'starts', 'start', 'begins', 'began', 'ends', 'ended', 'runs', 'ran', 'moves', 'moved', 'stays', 'stayed', 'remains',
  'means', 'meant', 'lets', 'allows', 'helps', 'covers', 'affects', 'includes', 'requires', 'replaces', 'shows', 'takes',
  'took', 'opens', 'closes', 'applies', 'works', 'worked', 'keeps', 'kept', 'sends', 'sent', 'stops', 'stopped', 'fails',
  'failed', 'finishes', 'finished', 'resumes', 'returns', 'comes', 'came', 'makes', 'made', 'gives', 'gave', 'looks',
  'rose', 'fell', 'grew', 'happens', 'happened', 'continues', 'continued', 'checks', 'tests', 'passes', 'passed',
  'completes', 'generates', 'generate', 'supports', 'reaches', 'holds', 'held', 'says', 'said', 'lasts', 'lasted',
  // irregular past forms, which the -ed test below misses
  'found', 'had', 'saw', 'left', 'brought', 'caught', 'gave', 'knew', 'led', 'lost', 'met', 'paid', 'put', 'showed',
  'shown', 'shut', 'stood', 'spent', 'told', 'thought', 'won', 'wrote', 'written', 'taken', 'given', 'done', 'gone',
  'broke', 'broken', 'hit', 'cut', 'let', 'became', 'become', 'become', 'begun', 'seen', 'sat', 'slept', 'sold', 'struck',
  // pronouns, adverbs and time words
  'it', 'they', 'we', 'you', 'he', 'she', 'i', 'us', 'them', 'there', 'here', 'not', 'also', 'only', 'just', 'now',
  'today', 'tonight', 'tomorrow', 'yesterday', 'again', 'still', 'soon', 'first', 'too', 'very', 'even', 'ever', 'never',
  'always', 'often', 'already', 'back', 'away', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'weekly', 'daily', 'overnight', 'late', 'early', 'instead', 'later', 'each', 'every', 'all', 'both',
  'the', 'a', 'an', 'this', 'these', 'those', 'our', 'your', 'their', 'its', 'my', 'his', 'her', 'no', 'any', 'some',
]);

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** The word just before `offset` in `text`, and where it starts; only spaces may lie between. */
export function wordBefore(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\u00a0')) i--;
  const end = i;
  while (i > 0 && /[\p{L}\p{N}'’-]/u.test(text[i - 1])) i--;
  if (i === end) return undefined;
  return { word: text.slice(i, end), start: i, end };
}

/** The word just after `offset` in `text`; only spaces may lie between. */
export function wordAfter(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i++;
  const start = i;
  while (i < text.length && /[\p{L}\p{N}'’-]/u.test(text[i])) i++;
  if (i === start) return undefined;
  return { word: text.slice(start, i).replace(/['’-]+$/, ''), start, end: start + text.slice(start, i).replace(/['’-]+$/, '').length };
}

export function isDeterminer(word: string): boolean {
  return DETERMINERS.has(word.toLowerCase());
}

/** True when nothing but Markdown markers stands between the previous sentence and `offset`. */
export function atSentenceStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n') return true;
    if (/\s|[#>*_+"'“‘([-]/.test(ch)) continue;
    return /[.!?:]/.test(ch);
  }
  return true;
}

export function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Letters whose names start with a vowel sound: "an HL7", "an MRI", "an SSO login". */
const VOWEL_SOUND_LETTERS = new Set('AEFHILMNORSX');
const CONSONANT_SOUND_PREFIXES = /^(?:uni|use|usu|ura|uro|eu|one\b|once|ubi|uti)/i;
const VOWEL_SOUND_PREFIXES = /^(?:hour|honest|honou?r|heir)/i;

/** "a" or "an" for the word that follows, by its sound as well as the rules allow. */
export function indefiniteArticle(next: string): 'a' | 'an' {
  const word = next.replace(/^[^\p{L}\p{N}]+/u, '');
  if (!word) return 'a';
  // An acronym is read letter by letter (HL7, MRI, SSO); a digit by its name ("an 8-hour window").
  const letters = /^[\p{Lu}\p{N}]{2,}/u.exec(word)?.[0] ?? (/^\p{Lu}(?:[\p{Lu}\p{N}]|$)/u.test(word) ? word[0] : undefined);
  if (letters && !/^[AEIOU][a-z]/.test(word)) {
    const first = letters[0];
    if (/\d/.test(first)) return /^(?:8|11|18|80)/.test(word) ? 'an' : 'a';
    return VOWEL_SOUND_LETTERS.has(first) ? 'an' : 'a';
  }
  if (VOWEL_SOUND_PREFIXES.test(word)) return 'an';
  if (CONSONANT_SOUND_PREFIXES.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The article `article` ("a", "An") made to agree with `next`, keeping its capital. */
export function agreeArticle(article: string, next: string): string {
  const lower = article.toLowerCase();
  if (lower !== 'a' && lower !== 'an') return article;
  const wanted = indefiniteArticle(next);
  return /^[A-Z]/.test(article) ? capitalise(wanted) : wanted;
}

/**
 * The plural of a noun phrase: its head noun takes the ending, the last word, or the word before
 * a preposition ("indicators of compromise", "requests for proposal", "lengths of stay"). A word
 * in -ing names an activity and keeps its form.
 */
export function pluralise(phrase: string): string {
  const split = HEAD_BEFORE_PREPOSITION.exec(phrase);
  if (split) return `${pluraliseLast(split[1])}${phrase.slice(split[1].length)}`;
  return pluraliseLast(phrase);
}

/** A phrase whose head noun stands before "of", "for" and the like: the head is group 1. */
const HEAD_BEFORE_PREPOSITION = /^([^()]*?[\p{L}\p{N}])(?=\s+(?:of|for|in|on|to|at|with|from|under|between|across|by)\s)/iu;

function pluraliseLast(phrase: string): string {
  const m = /^(.*?)([\p{L}\p{N}]+)$/u.exec(phrase);
  if (!m) return phrase;
  const [, head, last] = m;
  if (/ing$/i.test(last) || /s$/i.test(last) && !/ss$/i.test(last)) return phrase;
  if (/[^aeiou]y$/i.test(last)) return `${head}${last.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(last)) return `${head}${last}es`;
  return `${head}${last}s`;
}

/** The possessive of a phrase: "the system's", "the systems'". */
export function possessive(phrase: string, plural: boolean, apostrophe = '\''): string {
  return plural && /s$/i.test(phrase) ? `${phrase}${apostrophe}` : `${phrase}${apostrophe}s`;
}

export interface Inflection {
  plural: boolean;
  possessive: boolean;
  /** The apostrophe the writer used (' or ’), for the possessive. */
  apostrophe: string;
}

/**
 * How the text of a match inflects its canonical form: "UATs" is a plural of "UAT", "EHR's" a
 * possessive, "RTOs'" both. `forms` are the term's canonical form and aliases.
 */
export function inflectionOf(text: string, forms: readonly string[]): Inflection {
  const possessiveMatch = /(['’])s?$/.exec(text);
  const isPossessive = Boolean(possessiveMatch) && /['’]s$|s['’]$/.test(text);
  const apostrophe = possessiveMatch?.[1] ?? '\'';
  const bare = (isPossessive && possessiveMatch ? text.slice(0, possessiveMatch.index) : text).toLowerCase();
  const lowered = forms.map((f) => f.toLowerCase());
  // An alias that is the plural spelled out ("order sets") is still a plural; the term as written
  // ("on-premises" beside its alias "on-premise") is not. An acronym ending in S takes a small s
  // ("CDSs", "PACSs"), which a word ending in s never does.
  const plural = bare !== lowered[0] && forms.some((form) => {
    const f = form.toLowerCase();
    return (!f.endsWith('s') || /S$/.test(form)) && (bare === `${f}s` || bare === `${f}es`);
  });
  if (!plural && !isPossessive) return { plural: false, possessive: false, apostrophe };
  return { plural, possessive: isPossessive && !lowered.includes(text.toLowerCase()), apostrophe };
}

/**
 * True when the term ending at `end` stands as a modifier of the noun after it ("UAT sign-off",
 * "BCMA scanning rates", "CPOE order sets"): the next word, in the same sentence with only spaces
 * between, is no function word, verb form or adverb. A plural or possessive term is no modifier.
 */
export function isModifierUse(text: string, end: number, inflection?: Inflection): boolean {
  if (inflection && (inflection.plural || inflection.possessive)) return false;
  const next = wordAfter(text, end);
  if (!next) return false;
  // A hyphen, slash or closing mark between the term and the next word ends the phrase.
  if (/[^ \t\u00a0]/.test(text.slice(end, next.start))) return false;
  const word = next.word.toLowerCase();
  if (FUNCTION_WORDS.has(word)) return false;
  if (/ly$/.test(word) && word.length > 4) return false;
  if (/^\d/.test(word)) return false;
  // A past form after a subject is its verb ("UAT finished early", "the cutover went well").
  if (/[^e]ed$/.test(word) && !/^(?:need|feed|speed|bed|red|shed|seed)$/.test(word)) return false;
  // A word in -s is a verb ("the engine restarts at midnight") unless a verb follows it, when it
  // is a plural noun the term modifies ("MFA prompts come to your phone").
  if (/[^su]s$/.test(word) && !/(?:ss|us|is)$/.test(word)) {
    // A plural that is no verb in these messages ("BID pills", "HL7 results"): the term modifies it.
    if (PLURAL_NOUNS.has(word)) return true;
    const after = wordAfter(text, next.end);
    const then = after && /^[ \t\u00a0]+$/.test(text.slice(next.end, after.start)) ? after.word.toLowerCase() : undefined;
    return then !== undefined && (VERBS_AFTER_PLURAL.has(then) || /[^e]ed$/.test(then));
  }
  return true;
}

/** Verbs that follow a plural subject: "UAT results are in", "MFA prompts come to your phone". */
const VERBS_AFTER_PLURAL = new Set([
  'are', 'were', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'have', 'had', 'do', 'did', 'need',
  'come', 'go', 'start', 'stop', 'run', 'show', 'stay', 'remain', 'rose', 'fell', 'grew', 'take', 'took', 'look', 'work',
  'fail', 'appear', 'arrive', 'move', 'open', 'close', 'change', 'continue', 'include', 'require', 'mean', 'help',
  'reach', 'flow', 'post', 'load', 'drop', 'queue', 'sync', 'pass', 'land', 'display', 'update', 'print', 'expire',
  'ask', 'say', 'get', 'give', 'let', 'make', 'keep', 'send', 'cover', 'list', 'match', 'differ', 'vary', 'rise', 'fall',
]);

/**
 * Plurals that are nouns, not verbs, after a term in these messages: "BID pills as usual", "HL7
 * results reach the chart", "SMS codes expire". Words that are as often verbs ("reports",
 * "alerts", "plans", "lists") are left out: a verb read as a noun would garble the sentence.
 */
const PLURAL_NOUNS = new Set([
  'pills', 'tablets', 'doses', 'medicines', 'medications', 'results', 'rates', 'scores', 'codes', 'prompts', 'notices',
  'letters', 'bills', 'claims', 'fees', 'records', 'files', 'emails', 'texts', 'visits', 'appointments', 'forms', 'users',
  'teams', 'nurses', 'patients', 'units', 'sites', 'devices', 'computers', 'screens', 'passwords', 'accounts', 'settings',
  'numbers', 'levels', 'values', 'labels', 'wristbands', 'scanners', 'errors', 'problems', 'questions', 'sessions',
  'logins', 'messages', 'apps', 'tools', 'servers', 'charts', 'fields', 'agents', 'rules', 'costs', 'payments', 'tickets',
]);

/** True when the block's prose reads as a heading in Title Case ("Go-Live Support Plan"). */
export function isTitleCase(text: string): boolean {
  const words = text.match(WORD) ?? [];
  const long = words.filter((w) => w.length > 3 && !/\p{Lu}.*\p{Lu}/u.test(w));
  return long.length >= 1 && long.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'at', 'by', 'with', 'from']);

export function titleCase(phrase: string): string {
  return phrase.replace(WORD, (word, offset: number) => (offset > 0 && SMALL_WORDS.has(word) ? word : word.replace(/(^|-)(\p{Ll})/gu, (_m, dash: string, ch: string) => dash + ch.toUpperCase())));
}

/** Word count of a phrase, not counting a leading article. */
export function wordCount(phrase: string): number {
  return (phrase.replace(/^(?:the|a|an)\s+/i, '').match(WORD) ?? []).length;
}

/** The words of a sentence, as the readability scores count them (see src/core/analysis.ts). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * True when `phrase` put between `before` and `after` repeats a word that stands right beside it
 * ("the backup switch to the backup site"): a doubled word reads as a slip.
 */
export function doublesWord(before: string, phrase: string, after: string): boolean {
  // Hyphenated words count by their parts: "standard-message messages" doubles "message".
  const content = (s: string) => (s.match(WORD) ?? []).flatMap((w) => w.toLowerCase().split('-')).filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w));
  // Forms of one word count as one: "the data move moved", "scan with barcode scanning".
  const stem = (w: string) => w.replace(/(?:ing|ed|es|s|d)$/, '');
  const inside = content(phrase).map(stem);
  const same = (w: string, v: string) => w.length >= 3 && v.length >= 3 && (w.startsWith(v) || v.startsWith(w));
  if (inside.some((w, i) => inside.slice(i + 1).some((v) => same(w, v)))) return true;
  // Only words of the same sentence stand beside it.
  const ownBefore = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n')) + 1);
  const end = after.search(/[.!?](?:\s|$)|\n/);
  const ownAfter = end === -1 ? after : after.slice(0, end);
  // Beside the phrase, a verb form counts too ("the data move moved"): only the little words are left out.
  const neighbours = (t: string) => (t.match(WORD) ?? []).flatMap((w) => w.toLowerCase().split('-')).filter((w) => w.length > 2 && (!FUNCTION_WORDS.has(w) || /(?:ed|es|ing)$/.test(w) || /[^su]s$/.test(w) && !DETERMINERS.has(w)));
  const near = [...neighbours(ownBefore).slice(-2), ...neighbours(ownAfter).slice(0, 3)].map(stem);
  return near.some((w) => inside.some((v) => same(w, v)));
}

/** An edit in a block's prose offsets. */
export interface ProseEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Placed {
  edits: ProseEdit[];
  /** The wording as written in place, before capitals for a sentence start or heading. */
  wording: string;
  /** How the term was used: a noun phrase, or a modifier of the noun after it. */
  use: 'noun' | 'modifier';
  /**
   * The length of the wording's own article and its space ("the ") at the start of the last
   * edit's text, when the wording brought one: where the term was the whole of a bold or linked
   * text, the article goes before the markup (src/core/prose-map.ts `articleOutsideMarkup`).
   */
  article?: number;
}

export interface PlaceOptions {
  /** The term's canonical form and aliases, to tell "UATs" and "EHR's" from "UAT". */
  forms: readonly string[];
  /** The block is a heading: Title Case headings keep their case. */
  heading?: boolean;
}

/**
 * The edits that put `wording` in place of the term at prose `[from, to)`, grammatically:
 * - a modifier use ("UAT sign-off") takes the wording's modifier form, or nothing is offered;
 * - the wording's own article ("the switch-over") gives way to the writer's determiner or
 *   possessive ("our cutover" -> "our switch-over", "An RTO" -> "A recovery time target");
 * - a/an before the term agrees with the new first word;
 * - plurals and possessives follow the term ("UATs", "the EHR's");
 * - capitals at a sentence start and in Title Case headings;
 * - a wording that would double a word beside it is not offered.
 * Returns undefined when the wording does not fit.
 */
export function placeWording(prose: string, from: number, to: number, wording: { noun: string; plural?: string; modifier?: string | readonly string[] }, options: PlaceOptions): Placed | undefined {
  const inflection = inflectionOf(prose.slice(from, to), options.forms);
  const use = isModifierUse(prose, to, inflection) ? 'modifier' : 'noun';
  // Several modifier forms: the first that fits beside the noun it modifies.
  if (use === 'modifier' && typeof wording.modifier === 'object') {
    for (const modifier of wording.modifier) {
      const placed = placeWording(prose, from, to, { ...wording, modifier }, options);
      if (placed) return placed;
    }
    return undefined;
  }
  let article = '';
  let phrase: string;
  if (use === 'modifier') {
    if (typeof wording.modifier !== 'string') return undefined;
    phrase = wording.modifier;
  } else {
    const own = /^(the|a|an)\s+(.+)$/i.exec(wording.noun);
    article = own ? own[1].toLowerCase() : '';
    phrase = own ? own[2] : wording.noun;
    // A plural takes no article the writer did not write: "RTOs differ" -> "Recovery time
    // targets differ", not "The recovery time targets differ".
    if (inflection.plural) {
      phrase = wording.plural ?? pluralise(phrase);
      article = '';
    }
    if (inflection.possessive) phrase = possessive(phrase, inflection.plural, inflection.apostrophe);
  }
  const edits: ProseEdit[] = [];
  const prev = wordBefore(prose, from);
  const opensPhrase = prev !== undefined && (isDeterminer(prev.word) || /['’]s$|s['’]$/.test(prev.word) || isAdjectiveAfterDeterminer(prose, prev));
  if (opensPhrase) article = '';
  // The writer's "a" or "an" right before the term now stands before the new first word.
  if (prev && /^an?$/i.test(prev.word)) {
    const agreed = agreeArticle(prev.word, phrase);
    if (agreed !== prev.word) edits.push({ start: prev.start, end: prev.end, newText: agreed });
  }
  if (article === 'a' || article === 'an') article = indefiniteArticle(phrase);
  const plain = article ? `${article} ${phrase}` : phrase;
  let text = plain;
  if (options.heading && isTitleCase(prose)) text = titleCase(text);
  else if (atSentenceStart(prose, from)) text = capitalise(text);
  if (doublesWord(prose.slice(Math.max(0, from - 40), from), text, prose.slice(to, to + 40))) return undefined;
  edits.push({ start: from, end: to, newText: text });
  return { edits, wording: plain, use, article: article ? article.length + 1 : undefined };
}

/** Before a verb: what the words in front of it leave it free to be ("will cut over" is its base form). */
const BEFORE_BASE = new Set(['will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'to', 'do', 'does', 'did', 'please', 'let\'s', 'let’s']);
const BEFORE_PARTICIPLE = new Set(['have', 'has', 'had', 'having', 'get', 'gets', 'got', 'gotten', 'getting']);
const BEFORE_BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);
const SUBJECT_SINGULAR = new Set(['he', 'she', 'it']);
const SUBJECT_PLURAL = new Set(['i', 'we', 'you', 'they']);
/** Adverbs that may stand between an auxiliary or subject and its verb: "will then cut over". */
const BETWEEN = new Set(['not', 'also', 'then', 'now', 'first', 'still', 'just', 'only', 'soon', 'never', 'all', 'both', 'each', 'always', 'already', 'again', 'once']);

/**
 * The forms of a verb that the words before prose offset `at` allow, and whether they make it a
 * verb for sure (an auxiliary, "to", a subject pronoun, or an instruction at a sentence start);
 * undefined when they say nothing ("The team cuts over": a noun before it).
 */
function verbContext(prose: string, at: number, end: number, withObject: boolean): VerbSlot[] | undefined {
  let opens = at;
  let before = wordBefore(prose, at);
  for (let k = 0; before && k < 3; k++) {
    const w = before.word.toLowerCase();
    if (!BETWEEN.has(w) && !(/ly$/.test(w) && w.length > 4)) break;
    opens = before.start;
    before = wordBefore(prose, before.start);
  }
  // "Cut over the feed at 02:00.", "Then power cycle the printer.": an instruction, when its
  // object follows; "Sunset of the app is in May", "Power cycle fixes it" open with a noun.
  if (!before) return atSentenceStart(prose, opens) && (withObject || opensObject(prose, end)) ? ['base', 'ing'] : undefined;
  const w = before.word.toLowerCase().replace(/’/g, '\'');
  if (BEFORE_BASE.has(w) || /^(?:won|can|don|doesn|didn|couldn|wouldn|shouldn|mustn)'t$/.test(w) || /'ll$|'d$/.test(w)) return ['base'];
  if (BEFORE_PARTICIPLE.has(w) || /^(?:haven|hasn|hadn)'t$/.test(w) || /'ve$/.test(w)) return ['participle'];
  if (BEFORE_BE.has(w) || /^(?:isn|aren|wasn|weren)'t$/.test(w) || /'re$|'m$/.test(w) || /^(?:it|that|he|she|there|who|what)'s$/.test(w)) return ['ing', 'participle'];
  if (SUBJECT_SINGULAR.has(w)) return ['third', 'past'];
  if (SUBJECT_PLURAL.has(w)) return ['base', 'past'];
  return undefined;
}

/** Object pronouns that may follow a verb: "Restart it", "Set everything up". */
const OBJECTS = new Set(['it', 'them', 'us', 'you', 'him', 'her', 'everything', 'everyone', 'me']);

/** True when the word after prose offset `end` opens an object: "Bounce [the] server", "Spin up [a] new one". */
function opensObject(prose: string, end: number): boolean {
  const next = wordAfter(prose, end);
  if (!next || /[^ \t\u00a0]/.test(prose.slice(end, next.start))) return false;
  const word = next.word.toLowerCase();
  return isDeterminer(word) || OBJECTS.has(word) || /^\d/.test(word);
}

/**
 * The edit that puts a plain verb ("switch over", `plain_verb` in data/glossary/FORMAT.md) in
 * place of a glossary verb phrase at prose `[from, to)`, in the inflection the writer used: "will
 * cut over" → "will switch over", "cuts over" → "switches over", "cutting over" → "switching
 * over", "cut them over" → "switch them over". Where the written form could be several (in "we cut
 * over", "cut" is present or past) the words before it decide; where they do not, or the written
 * text is also the term's noun ("a power cycle") and nothing before it makes it a verb, none is
 * offered: no fix rather than a wrong tense.
 */
export function placeVerbWording(prose: string, from: number, to: number, phrases: readonly string[], plain: string, options: { nounForms: readonly string[]; heading?: boolean }): Placed | undefined {
  if (!isPlainVerb(plain)) return undefined;
  const written = prose.slice(from, to).replace(/\s+/g, ' ');
  const read = phrases.map((p) => readVerbPhrase(written, p)).find(Boolean);
  if (!read) return undefined;
  const context = verbContext(prose, from, to, read.pronoun !== undefined);
  const lower = written.toLowerCase();
  const alsoNoun = options.nounForms.some((f) => {
    const form = f.toLowerCase().replace(/\s+/g, ' ');
    return lower === form || lower === `${form}s` || lower === `${form}es`;
  });
  if (alsoNoun && !context) return undefined;
  const outputs = (slots: readonly VerbSlot[]) => [...new Set(slots.map((slot) => inflectPlainVerb(plain, slot, read.pronoun)))];
  let chosen = outputs(read.slots);
  if (chosen.length > 1 || alsoNoun) chosen = context ? outputs(read.slots.filter((slot) => context.includes(slot))) : [];
  if (chosen.length !== 1) return undefined;
  const wording = chosen[0];
  let text = wording;
  if (options.heading && isTitleCase(prose)) text = titleCase(text);
  else if (atSentenceStart(prose, from) && /^\p{Lu}/u.test(written)) text = capitalise(text);
  if (doublesWord(prose.slice(Math.max(0, from - 40), from), text, prose.slice(to, to + 40))) return undefined;
  return { edits: [{ start: from, end: to, newText: text }], wording, use: 'noun' };
}

/** "the new [EHR]", "a planned [cutover]": the word before the term is an adjective after a determiner. */
function isAdjectiveAfterDeterminer(prose: string, prev: { word: string; start: number }): boolean {
  if (FUNCTION_WORDS.has(prev.word.toLowerCase())) return false;
  const before = wordBefore(prose, prev.start);
  return before !== undefined && isDeterminer(before.word) && /^[ \t\u00a0]+$/.test(prose.slice(before.end, prev.start));
}

/** Applies prose edits to a piece of prose that starts at `offset` (edits outside it are ignored). */
export function applyProseEdits(text: string, offset: number, edits: readonly ProseEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const start = edit.start - offset;
    const end = edit.end - offset;
    if (start < 0 || end > text.length) continue;
    out = out.slice(0, start) + edit.newText + out.slice(end);
  }
  return out;
}

/**
 * What a fix title shows: the sentence as it will read, or, for a long one, the clause around
 * the change (six words either side, with an ellipsis).
 */
export function previewOf(sentence: string, offset: number, edits: readonly ProseEdit[]): string {
  const changed = applyProseEdits(sentence, offset, edits).replace(/\s+/g, ' ').trim();
  if (changed.length <= 90) return changed;
  const first = Math.min(...edits.map((e) => e.start)) - offset;
  const grown = edits.reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
  const last = Math.max(...edits.map((e) => e.end)) - offset + grown;
  const full = applyProseEdits(sentence, offset, edits);
  // Six words either side, with the sentence's own spacing: "…after the switch-over." keeps its
  // full stop against the last word, as the sentence has it.
  const before = full.slice(0, first).replace(/\s+/g, ' ');
  const after = full.slice(last).replace(/\s+/g, ' ');
  const headFrom = wordsBack(before, 6);
  const tailTo = wordsOn(after, 6);
  const cutHead = before.slice(0, headFrom).trim() !== '';
  const cutTail = after.slice(tailTo).trim() !== '';
  return `${cutHead ? '…' : ''}${before.slice(headFrom)}${full.slice(first, last)}${after.slice(0, tailTo)}${cutTail ? '…' : ''}`.trim();
}

/** Where the last `n` words of `text` start (spaces single). */
function wordsBack(text: string, n: number): number {
  let at = text.length;
  for (let words = 0; words < n && at > 0; words++) {
    while (at > 0 && text[at - 1] === ' ') at--;
    while (at > 0 && text[at - 1] !== ' ') at--;
  }
  return at;
}

/** Where the first `n` words of `text` end (spaces single). */
function wordsOn(text: string, n: number): number {
  let at = 0;
  for (let words = 0; words < n && at < text.length; words++) {
    while (at < text.length && text[at] === ' ') at++;
    while (at < text.length && text[at] !== ' ') at++;
  }
  return at;
}

/**
 * The edits that spell out an acronym where it stands: "expansion (ACRONYM)", the expansion
 * inflected as the acronym is ("RTOs" -> "recovery time objectives (RTOs)"), capitalised at a
 * sentence start, with a/an before it agreeing ("An RTO" -> "A recovery time objective (RTO)").
 */
export function spellOut(prose: string, from: number, to: number, expansion: string, forms: readonly string[]): ProseEdit[] {
  const original = prose.slice(from, to);
  const inflection = inflectionOf(original, forms);
  let phrase = inflection.plural ? pluralise(expansion) : expansion;
  if (inflection.possessive) phrase = possessive(phrase, inflection.plural, inflection.apostrophe);
  if (atSentenceStart(prose, from)) phrase = capitalise(phrase);
  const edits: ProseEdit[] = [];
  const prev = wordBefore(prose, from);
  if (prev && /^an?$/i.test(prev.word)) {
    const agreed = agreeArticle(prev.word, phrase);
    if (agreed !== prev.word) edits.push({ start: prev.start, end: prev.end, newText: agreed });
  }
  edits.push({ start: from, end: to, newText: `${phrase} (${original})` });
  return edits;
}

/** A block's prose and its sentences, in order (src/core/analysis.ts). */
export interface SentencedProse {
  text: string;
  sentences: readonly { start: number; end: number }[];
}

/** The sentence holding prose offset `at` (binary search: sentences are in order), or the whole block. */
export function sentenceAt(prose: SentencedProse, at: number): { start: number; end: number } {
  const sentences = prose.sentences;
  // The first sentence that ends after `at` is the only one that can hold it.
  const s = sentences[partitionPoint(sentences.length, (i) => sentences[i].end <= at)];
  return s && s.start <= at ? s : { start: 0, end: prose.text.length };
}

/** The sentence of the first edit as it will read, for a fix title (or the clause around it, see `previewOf`). */
export function sentencePreview(prose: SentencedProse, edits: readonly ProseEdit[]): string {
  const at = edits[0]?.start ?? 0;
  const sentence = sentenceAt(prose, at);
  return previewOf(prose.text.slice(sentence.start, sentence.end), sentence.start, edits);
}

/** Words that open an independent clause: a split after a conjunction needs one of these. */
const CLAUSE_SUBJECTS = new Set(['we', 'you', 'they', 'it', 'he', 'she', 'i', 'this', 'there', 'staff', 'patients', 'nurses', 'everyone', 'nobody']);
const CLAUSE_DETERMINERS = new Set(['the', 'our', 'your', 'their', 'its', 'each', 'every', 'all', 'some', 'most', 'no', 'these', 'those', 'that']);
/** A finite verb within the first words of a clause: what makes it a clause and not a list item. */
const FINITE = new Set([
  'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'am', 'has', 'have',
  'had', 'do', 'does', 'did', 'need', 'needs', 'get', 'gets', 'go', 'goes', 'stay', 'stays', 'keep', 'keeps', 'see', 'sees', 'call',
  'use', 'uses', 'find', 'know', 'expect', 'plan', 'want', 'start', 'starts', 'stop', 'stops', 'work', 'works', 'run', 'runs',
]);

/** An edit in a piece of text, by offsets in it. */
export interface LocalEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Where a long sentence can be split in two without changing a word's meaning, best first (the
 * one nearest the middle): at a semicolon between two clauses ("…at 22:00; the lab…" becomes
 * "…at 22:00. The lab…"), or at ", and"/", but"/", so"/", then" before a new clause ("…,
 * and we will call" becomes "…. We will call"; "but", "so" and "then" stay as the new first
 * word). The clause after must open with a subject and have a verb within four words (after a
 * semicolon, an instruction will do: "; give your reason"), and each half must keep at least four words, so that a list ("the lab, the clinic, and the pharmacy")
 * is never split. `raw` is the sentence's Markdown: no split inside inline code, a link's
 * address, or an HTML tag or comment.
 */
export function splitPoints(raw: string): LocalEdit[] {
  const out: (LocalEdit & { distance: number })[] = [];
  const pattern = /(;|,\s+(and|but|so|then))\s+([\p{L}][\p{L}'’-]*)/gu;
  const words = (s: string) => (s.match(WORD) ?? []).length;
  for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
    const at = m.index;
    const before = raw.slice(0, at);
    const after = raw.slice(at + m[0].length - m[3].length);
    if (words(before) < 4 || words(after) < 4) continue;
    if (insideMarkup(before)) continue;
    const next = wordsOf(after).slice(0, 5).map((w) => w.toLowerCase());
    const conjunction = m[2]?.toLowerCase();
    // After a semicolon, an instruction is a clause too ("…one; give your reason when you open
    // one"), unless the semicolons separate the items of a list ("Boston, MA; Denver, CO; …").
    const instruction = conjunction === undefined && !/;/.test(raw.slice(0, at) + raw.slice(at + 1)) && !FUNCTION_WORDS.has(next[0]) && !/(?:ing|ed|s)$/.test(next[0]);
    if (instruction) {
      out.push({ start: at, end: at + m[0].length, newText: `. ${capitalise(m[3])}`, distance: Math.abs(at - raw.length / 2) });
      continue;
    }
    const opens = CLAUSE_SUBJECTS.has(next[0]) || (CLAUSE_DETERMINERS.has(next[0]) && next.length > 1);
    if (!opens) continue;
    // A finite verb within four words after the subject: "we will", "the lab opens", "the team has".
    const verbAt = next.slice(1, 5).findIndex((w) => FINITE.has(w) || (/[^su]s$/.test(w) && w.length > 3) || /[^e]ed$/.test(w));
    if (verbAt === -1) continue;
    const first = m[3];
    const lead = conjunction === undefined || conjunction === 'and' ? '' : `${capitalise(conjunction)} `;
    const word = lead ? first : capitalise(first);
    out.push({ start: at, end: at + m[0].length, newText: `. ${lead}${word}`, distance: Math.abs(at - raw.length / 2) });
  }
  return out.sort((a, b) => a.distance - b.distance).map(({ start, end, newText }) => ({ start, end, newText }));
}

/** True when the text so far leaves inline code, a link address, an HTML tag or a comment open. */
function insideMarkup(before: string): boolean {
  if ((before.match(/`/g) ?? []).length % 2 === 1) return true;
  if (before.lastIndexOf('<') > before.lastIndexOf('>')) return true;
  if (before.lastIndexOf('](') > before.lastIndexOf(')')) return true;
  return false;
}

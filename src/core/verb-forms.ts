/**
 * English verb forms from a past participle, for advice that turns a passive sentence into an
 * active one ("were verified by pharmacy" → "pharmacy verified"): the base form, the past tense
 * and the third person singular. Irregular verbs come from a table; regular ones ("-ed") lose
 * their ending by the spelling rules of English (verified → verify, stopped → stop, approved →
 * approve, requested → request). `baseOf` answers undefined when it cannot tell, and the advice
 * then leaves the verb out rather than misspell it.
 */

/** Irregular participle → [base, past]. */
const IRREGULAR: Record<string, readonly [string, string]> = {
  arisen: ['arise', 'arose'], awoken: ['awake', 'awoke'], beaten: ['beat', 'beat'], become: ['become', 'became'], begun: ['begin', 'began'],
  bent: ['bend', 'bent'], bid: ['bid', 'bid'], bitten: ['bite', 'bit'], bled: ['bleed', 'bled'], blown: ['blow', 'blew'],
  broadcast: ['broadcast', 'broadcast'], broken: ['break', 'broke'], brought: ['bring', 'brought'], built: ['build', 'built'],
  bought: ['buy', 'bought'], caught: ['catch', 'caught'], chosen: ['choose', 'chose'], come: ['come', 'came'], cut: ['cut', 'cut'],
  dealt: ['deal', 'dealt'], done: ['do', 'did'], drawn: ['draw', 'drew'], driven: ['drive', 'drove'], drunk: ['drink', 'drank'],
  dug: ['dig', 'dug'], eaten: ['eat', 'ate'], fallen: ['fall', 'fell'], fed: ['feed', 'fed'], felt: ['feel', 'felt'],
  fled: ['flee', 'fled'], flown: ['fly', 'flew'], forbidden: ['forbid', 'forbade'], forecast: ['forecast', 'forecast'],
  foreseen: ['foresee', 'foresaw'], forgiven: ['forgive', 'forgave'], forgotten: ['forget', 'forgot'], fought: ['fight', 'fought'],
  found: ['find', 'found'], frozen: ['freeze', 'froze'], given: ['give', 'gave'], gone: ['go', 'went'], got: ['get', 'got'],
  gotten: ['get', 'got'], grown: ['grow', 'grew'], heard: ['hear', 'heard'], held: ['hold', 'held'], hidden: ['hide', 'hid'],
  hit: ['hit', 'hit'], hung: ['hang', 'hung'], hurt: ['hurt', 'hurt'], input: ['input', 'input'], kept: ['keep', 'kept'],
  known: ['know', 'knew'], laid: ['lay', 'laid'], led: ['lead', 'led'], left: ['leave', 'left'], lent: ['lend', 'lent'],
  let: ['let', 'let'], lit: ['light', 'lit'], lost: ['lose', 'lost'], made: ['make', 'made'], meant: ['mean', 'meant'],
  met: ['meet', 'met'], misled: ['mislead', 'misled'], mistaken: ['mistake', 'mistook'], misunderstood: ['misunderstand', 'misunderstood'],
  outgrown: ['outgrow', 'outgrew'], overcome: ['overcome', 'overcame'], overdone: ['overdo', 'overdid'], overheard: ['overhear', 'overheard'],
  overridden: ['override', 'overrode'], overrun: ['overrun', 'overran'], overseen: ['oversee', 'oversaw'], overtaken: ['overtake', 'overtook'],
  overthrown: ['overthrow', 'overthrew'], overwritten: ['overwrite', 'overwrote'], paid: ['pay', 'paid'], prepaid: ['prepay', 'prepaid'],
  proven: ['prove', 'proved'], put: ['put', 'put'], quit: ['quit', 'quit'], read: ['read', 'read'], rebuilt: ['rebuild', 'rebuilt'],
  redone: ['redo', 'redid'], rerun: ['rerun', 'reran'], reset: ['reset', 'reset'], resold: ['resell', 'resold'], retaken: ['retake', 'retook'],
  rewritten: ['rewrite', 'rewrote'], ridden: ['ride', 'rode'], rung: ['ring', 'rang'], run: ['run', 'ran'], said: ['say', 'said'],
  seen: ['see', 'saw'], sent: ['send', 'sent'], set: ['set', 'set'], shaken: ['shake', 'shook'], shed: ['shed', 'shed'],
  shot: ['shoot', 'shot'], shown: ['show', 'showed'], shrunk: ['shrink', 'shrank'], shut: ['shut', 'shut'], sold: ['sell', 'sold'],
  sought: ['seek', 'sought'], spent: ['spend', 'spent'], spun: ['spin', 'spun'], stood: ['stand', 'stood'], split: ['split', 'split'], spoken: ['speak', 'spoke'], spread: ['spread', 'spread'],
  stolen: ['steal', 'stole'], struck: ['strike', 'struck'], stuck: ['stick', 'stuck'], sung: ['sing', 'sang'], sunk: ['sink', 'sank'],
  sworn: ['swear', 'swore'], taken: ['take', 'took'], taught: ['teach', 'taught'], thought: ['think', 'thought'], thrown: ['throw', 'threw'],
  told: ['tell', 'told'], torn: ['tear', 'tore'], undergone: ['undergo', 'underwent'], understood: ['understand', 'understood'],
  undertaken: ['undertake', 'undertook'], undone: ['undo', 'undid'], upheld: ['uphold', 'upheld'], upset: ['upset', 'upset'],
  withdrawn: ['withdraw', 'withdrew'], withheld: ['withhold', 'withheld'], woken: ['wake', 'woke'], won: ['win', 'won'],
  worn: ['wear', 'wore'], wound: ['wind', 'wound'], written: ['write', 'wrote'],
};

/** Regular verbs whose base ends in "e" where the rules below would not restore it, and the reverse. */
const WITH_E = new Set([
  'complete', 'delete', 'deplete', 'compete', 'create', 'invite', 'cite', 'excite', 'unite', 'recite', 'ignite', 'expedite',
  'route', 'reroute', 'store', 'restore', 'ignore', 'explore', 'score', 'adore', 'implore', 'deplore', 'postpone', 'phone',
  'clone', 'zone', 'tone', 'hone', 'atone', 'condone', 'convene', 'intervene', 'scale', 'exhale', 'inhale', 'paste',
  'waste', 'taste', 'haste', 'baste', 'promote', 'note', 'vote', 'quote', 'devote', 'denote', 'wipe', 'dispute', 'delegate',
]);
const WITHOUT_E = new Set([
  'sync', 'develop', 'envelop', 'gallop', 'gossip', 'worship', 'focus', 'bias', 'target', 'budget', 'market', 'ticket', 'pilot',
  'pivot', 'visit', 'edit', 'credit', 'audit', 'exit', 'limit', 'deposit', 'profit', 'benefit', 'inhibit', 'exhibit',
  'prohibit', 'solicit', 'elicit', 'monitor', 'mentor', 'color', 'colour', 'sponsor', 'author', 'honor', 'honour',
  'anchor', 'censor', 'factor', 'tutor', 'vendor', 'mirror', 'error', 'cancel', 'label', 'model', 'fuel', 'level',
  'travel', 'signal', 'total', 'equal', 'channel', 'funnel', 'tunnel', 'panel', 'abandon', 'reason', 'season',
  'imprison', 'poison', 'summon', 'question', 'mention', 'position', 'condition', 'section', 'partition', 'transition',
  'provision', 'function', 'sanction', 'caution', 'happen', 'open', 'listen', 'threaten', 'shorten', 'widen', 'fasten',
  'loosen', 'harden', 'soften', 'strengthen', 'lengthen', 'weaken', 'frighten', 'flatten', 'brighten', 'treat', 'heat',
  'seat', 'repeat', 'defeat', 'cheat', 'float', 'coat', 'boat', 'gloat', 'bloat', 'shout', 'doubt', 'pout', 'scout', 'flout',
]);

const VOWEL = /[aeiou]/;

/** The base form of a past participle: "verified" → "verify", "taken" → "take"; undefined when it is not one. */
export function baseOf(participle: string): string | undefined {
  const word = participle.toLowerCase();
  const irregular = IRREGULAR[word];
  if (irregular) return irregular[0];
  if (!/^[a-z][a-z-]*ed$/.test(word) || word.length < 4) return undefined;
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('eed')) return word.slice(0, -1);
  const stem = word.slice(0, -2);
  if (WITH_E.has(`${stem}e`)) return `${stem}e`;
  if (WITHOUT_E.has(stem)) return stem;
  // British doubling: "cancelled", "labelled", "travelled".
  if (stem.endsWith('ll') && WITHOUT_E.has(stem.slice(0, -1))) return stem.slice(0, -1);
  // A doubled final consonant ("stopped", "submitted", "referred"), but not a double that belongs
  // to the word ("installed", "passed", "added", "buzzed").
  const double = /([bdgklmnprtvz])\1$/.exec(stem);
  if (double && !/(?:ll|ss|ff|zz)$/.test(stem)) return stem === 'add' || stem === 'odd' || stem === 'err' ? stem : stem.slice(0, -1);
  return needsE(stem) ? `${stem}e` : stem;
}

/** Whether a stem ("approv", "schedul", "updat") lost a final "e" before "-ed". */
function needsE(stem: string): boolean {
  const last = stem.slice(-1);
  const prev = stem.slice(-2, -1);
  const before = stem.slice(-3, -2);
  // A "y" between consonants is a vowel ("typ", "styl").
  const singleVowel = (VOWEL.test(prev) || (prev === 'y' && !VOWEL.test(before))) && !VOWEL.test(before);
  // "approv", "reduc", "organiz", "issu": no English verb ends in v, c, single z or u.
  if (/[vcuz]/.test(last)) return !(last === 'z' && prev === 'z');
  // "chang", "merg", "acknowledg", "manag", "pag", "oblig" (a doubled "gg" is handled above)
  if (last === 'g') return true;
  // "schedul", "handl", "compil", "consol", "styl", but "detail", "cool", "emailed", "cancel"
  if (last === 'l') return !VOWEL.test(prev) ? prev !== 'l' && prev !== 'r' : singleVowel && prev !== 'e' && prev !== 'a';
  // "us", "clos", "caus", "purchas", "licens", "revers", "collaps", "puls", but "focus", "process"
  if (last === 's') return (VOWEL.test(prev) && !(prev === 'u' && before === 'c')) || /[nrpl]/.test(prev);
  // "updat", "migrat", "evaluat", but "treat", "float"
  if (last === 't') {
    if (prev === 'a') return before !== 'e' && before !== 'o' && before !== 'a';
    if (prev === 'u') return before !== 'o';
    if (prev === 'o') return /[nmvu]/.test(before);
    return false;
  }
  // "requir", "acquir", "secur", "declar", "restor" (the last from WITH_E), but "repair", "pour", "clear", "enter"
  if (last === 'r') {
    if (prev === 'i') return !/[aeo]/.test(before);
    if (prev === 'u') return before !== 'o';
    if (prev === 'a') return !VOWEL.test(before);
    return false;
  }
  // "includ", "provid", "decod", "upgrad", but "load", "plead", "record"
  if (last === 'd') return singleVowel;
  // "defin", "determin", "combin", "tun", but "maintain", "join", "open", "plan"
  if (last === 'n') return (prev === 'i' || prev === 'u') && singleVowel;
  // "nam", "tim", "assum", "welcom", but "claim", "stream", "confirm"
  if (last === 'm') return singleVowel;
  // "revok", "invok", "lik", but "look", "check", "link", "ask"
  if (last === 'k') return singleVowel && prev !== 'c';
  // "typ", "wip", "scop", "escap", but "help", "group", "develop"
  if (last === 'p') return singleVowel;
  // "describ", "prescrib", "prob"
  if (last === 'b') return singleVowel;
  // "bath", "breath", "cloth"
  if (last === 'h') return /th$/.test(stem) && (singleVowel || stem.endsWith('eath'));
  return false;
}

/** The past tense of a past participle: "verified" → "verified", "taken" → "took". */
export function pastOf(participle: string): string | undefined {
  const word = participle.toLowerCase();
  const irregular = IRREGULAR[word];
  if (irregular) return irregular[1];
  return baseOf(word) ? word : undefined;
}

/** The third person singular of a base form: "verify" → "verifies", "approve" → "approves", "do" → "does". */
export function thirdPerson(base: string): string {
  if (base === 'be') return 'is';
  if (base === 'have') return 'has';
  if (/(?:s|x|z|ch|sh)$/.test(base) || base === 'do' || base === 'go' || /[^aeiou]o$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** Base form → [past, participle], from the irregular table (the first participle listed wins). */
const IRREGULAR_BY_BASE = new Map<string, readonly [string, string]>();
for (const [participle, [base, past]] of Object.entries(IRREGULAR)) {
  if (!IRREGULAR_BY_BASE.has(base)) IRREGULAR_BY_BASE.set(base, [past, participle]);
}
IRREGULAR_BY_BASE.set('go', ['went', 'gone']);
IRREGULAR_BY_BASE.set('get', ['got', 'gotten']);

/** Two-syllable verbs stressed on the last syllable, which double their final consonant ("submitted"). */
const DOUBLES = new Set(['submit', 'commit', 'admit', 'permit', 'omit', 'refer', 'transfer', 'occur', 'prefer', 'control', 'patrol', 'compel', 'expel', 'regret', 'forget', 'begin', 'upset', 'sunset', 'offset']);

/** True when a one-syllable base ends consonant-vowel-consonant and doubles it: "cut" → "cutting", "stop" → "stopped". */
function doublesFinal(base: string): boolean {
  if (DOUBLES.has(base)) return true;
  const groups = base.match(/[aeiouy]+/g) ?? [];
  return groups.length === 1 && /[^aeiou][aeiou][bdgklmnprtvz]$/.test(base);
}

/** The "-ing" form of a base: "cut" → "cutting", "carve" → "carving", "go" → "going", "tie" → "tying". */
export function presentParticiple(base: string): string {
  if (base === 'be') return 'being';
  if (base.endsWith('ie')) return `${base.slice(0, -2)}ying`;
  if (/[^aeioy]e$/.test(base) && base.length > 2) return `${base.slice(0, -1)}ing`;
  if (doublesFinal(base)) return `${base}${base.slice(-1)}ing`;
  return `${base}ing`;
}

/** The past tense and past participle of a base: "cut" → ["cut", "cut"], "push" → ["pushed", "pushed"], "go" → ["went", "gone"]. */
export function pastForms(base: string): readonly [string, string] {
  const irregular = IRREGULAR_BY_BASE.get(base);
  if (irregular) return irregular;
  let past: string;
  if (base.endsWith('e')) past = `${base}d`;
  else if (/[^aeiou]y$/.test(base)) past = `${base.slice(0, -1)}ied`;
  else if (doublesFinal(base)) past = `${base}${base.slice(-1)}ed`;
  else past = `${base}ed`;
  return [past, past];
}

/**
 * Every inflection of a verb phrase whose first word is the verb: "cut over" → cut over, cuts
 * over, cutting over; "push charges" → pushes charges, pushed charges, pushing charges. The
 * glossary's `verbs:` (data/glossary/FORMAT.md) are matched in all of these.
 */
export function verbPhraseForms(phrase: string): string[] {
  const [verb, ...rest] = phrase.trim().split(/\s+/);
  if (!verb) return [];
  const lower = verb.toLowerCase();
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const [past, participle] = pastForms(lower);
  const forms = [lower, thirdPerson(lower), past, participle, presentParticiple(lower)];
  return [...new Set(forms)].map((f) => `${f}${tail}`);
}

/** Particles of phrasal verbs that an object pronoun may stand before: "cut it over", "carve them out". */
export const PARTICLES = new Set(['over', 'out', 'up', 'down', 'off', 'in', 'on', 'back', 'through', 'away']);
/** Object pronouns that stand between a phrasal verb and its particle. */
export const OBJECT_PRONOUNS = ['it', 'them', 'this', 'that', 'these', 'those', 'everything', 'everyone', 'us', 'you', 'him', 'her'];

/**
 * Every written form of a verb phrase: its inflections ("cuts over", "cutting over") and, for a
 * phrasal verb, an object pronoun before the particle ("cut it over", "carving them out").
 */
export function verbFormsOf(phrase: string): string[] {
  const forms = verbPhraseForms(phrase);
  const words = phrase.trim().split(/\s+/);
  if (words.length !== 2 || !PARTICLES.has(words[1].toLowerCase())) return forms;
  const split: string[] = [];
  for (const form of forms) {
    const [verb, particle] = form.split(' ');
    for (const pronoun of OBJECT_PRONOUNS) split.push(`${verb} ${pronoun} ${particle}`);
  }
  return [...forms, ...split];
}

/** The five forms of an English verb that a verb phrase is written in. */
export type VerbSlot = 'base' | 'third' | 'past' | 'participle' | 'ing';
const SLOTS: readonly VerbSlot[] = ['base', 'third', 'past', 'participle', 'ing'];

/** One form of a base: "switch", "switches", "switched", "switched", "switching". */
export function verbForm(base: string, slot: VerbSlot): string {
  switch (slot) {
    case 'base': return base;
    case 'third': return thirdPerson(base);
    case 'past': return pastForms(base)[0];
    case 'participle': return pastForms(base)[1];
    case 'ing': return presentParticiple(base);
  }
}

/**
 * A plain verb wording a fix can write in any inflection (data/glossary/FORMAT.md, `plain_verb`):
 * one verb, or a verb and one particle ("restart", "switch over", "set up"), so that an object
 * pronoun has its place ("cut them over" becomes "switch them over").
 */
export function isPlainVerb(wording: string): boolean {
  const [verb, particle, ...rest] = wording.split(' ');
  return /^[a-z]+$/.test(verb ?? '') && rest.length === 0 && (particle === undefined || PARTICLES.has(particle));
}

/** How a draft wrote a glossary verb phrase: which forms its verb can be, and a pronoun it put before the particle. */
export interface WrittenVerb {
  slots: VerbSlot[];
  /** "them" in "cut them over", as written. */
  pronoun?: string;
}

/**
 * Reads `written` ("cutting over", "cut them over", "Spun up") as an inflection of `phrase`
 * ("cut over"): the slots its verb fills ("cut" is base, past and participle at once), or
 * undefined when it is no form of the phrase.
 */
export function readVerbPhrase(written: string, phrase: string): WrittenVerb | undefined {
  const words = written.trim().split(/\s+/);
  const [verb, ...rest] = phrase.trim().toLowerCase().split(/\s+/);
  if (!verb) return undefined;
  let pronoun: string | undefined;
  let tail = words.slice(1).map((w) => w.toLowerCase());
  if (rest.length === 1 && PARTICLES.has(rest[0]) && words.length === 3 && OBJECT_PRONOUNS.includes(tail[0])) {
    pronoun = words[1];
    tail = tail.slice(1);
  }
  if (tail.join(' ') !== rest.join(' ')) return undefined;
  const first = words[0].toLowerCase();
  const slots = SLOTS.filter((slot) => verbForm(verb, slot) === first);
  return slots.length ? { slots, pronoun } : undefined;
}

/** `plain` ("switch over") in one slot, with the writer's pronoun before its particle: "switching them over". */
export function inflectPlainVerb(plain: string, slot: VerbSlot, pronoun?: string): string {
  const [verb, ...rest] = plain.split(' ');
  return [verbForm(verb, slot), ...(pronoun ? [pronoun] : []), ...rest].join(' ');
}

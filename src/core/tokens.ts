/** A word-like token of prose, with its offsets in the prose string. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Words, numbers and the joined forms health IT writes as one word: "A/R", "I&O", "go-live",
 * "HL7", "COVID-19", "EHR's". Punctuation and whitespace separate tokens.
 */
const TOKEN = /[\p{L}\p{N}]+(?:[&/'’.-][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** True when a form is matched case-sensitively: two or more capitals, as in UAT, HL7, eMAR. */
export function isCaseSensitiveForm(form: string): boolean {
  let capitals = 0;
  for (const ch of form) if (ch >= 'A' && ch <= 'Z') capitals++;
  return capitals >= 2;
}

/** The forms a word may take before a plural or possessive ending: "UATs" -> "UAT", "EHR's" -> "EHR". */
export function baseForms(word: string): string[] {
  const forms: string[] = [];
  const possessive = /^(.+)['’]s?$/.exec(word);
  if (possessive) forms.push(possessive[1]);
  if (word.length > 2 && word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.length > 3 && word.endsWith('es')) forms.push(word.slice(0, -2));
  return forms;
}

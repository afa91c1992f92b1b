import YAML from 'yaml';
import { LineIndex } from './positions';
import type { TextEdit } from './types';
import { addPair, appendToSeq, EditRefused, eolOf, firstError, flowText, lineOf, pairsOf, parseForEdit, replaceValue, verified, type Splice } from './yaml-edit';

export { EditRefused } from './yaml-edit';

/**
 * The writers: edits of a draft's front matter ("allow this term", "set audience"), of a team
 * glossary and of `.crosswalk.yaml`. Each changes only the node it names (src/core/yaml-edit.ts)
 * and throws `EditRefused`, with a message for the user, rather than rewrite a file it does not
 * understand.
 */

const OPEN_FENCE = /^\uFEFF?---[ \t]*$/;
const CLOSE_FENCE = /^(---|\.\.\.)[ \t]*$/;

interface FrontMatterBlock {
  /** Offsets of the YAML between the fences in the document. */
  start: number;
  end: number;
  eol: string;
  /** 1-based line of the YAML's first line, for messages. */
  firstLine: number;
}

/** The front matter at the top of a draft, with CRLF, LF or lone CR line endings. */
function locateFrontMatter(text: string): FrontMatterBlock | 'unclosed' | undefined {
  const lines: { start: number; end: number; next: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    lines.push({ start, end, next: m ? end + m[0].length : text.length });
    if (!m) break;
    start = end + m[0].length;
    // Only the lines up to the closing fence matter.
    const last = lines[lines.length - 1];
    if (lines.length === 1 ? !OPEN_FENCE.test(text.slice(last.start, last.end)) : CLOSE_FENCE.test(text.slice(last.start, last.end))) break;
  }
  if (!OPEN_FENCE.test(text.slice(lines[0].start, lines[0].end))) return undefined;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE_FENCE.test(text.slice(lines[i].start, lines[i].end))) {
      return { start: lines[0].next, end: lines[i].start, eol: text.slice(lines[0].end, lines[0].next) || '\n', firstLine: 2 };
    }
  }
  return 'unclosed';
}

/**
 * An edit of the front matter's YAML, or a new front matter when the draft has none. `change`
 * returns the splice in the YAML text and the same change through the Document API.
 */
function frontMatterEdit(text: string, what: string, change: (yaml: string, doc: YAML.Document.Parsed, map: YAML.YAMLMap | null, eol: string) => { splice: Splice; intent: (doc: YAML.Document) => void }): TextEdit {
  const index = new LineIndex(text);
  const block = locateFrontMatter(text);
  if (block === 'unclosed') throw new EditRefused(`The front matter that starts on line 1 has no closing "---" line. Add one, then try again: Crosswalk will not add a second front matter.`);
  if (!block) {
    const eol = eolOf(text);
    const yaml = change('', parseForEdit(''), null, eol);
    const body = yaml.splice.text.replace(/^(\r\n|\r|\n)/, '');
    return { range: index.range(0, 0), newText: `---${eol}${body}---${eol}${eol}` };
  }
  const yaml = text.slice(block.start, block.end);
  if (/^%/m.test(yaml)) {
    throw new EditRefused(`The front matter holds a YAML directive (a line starting with "%"), which front matter cannot have. Remove it, then try again.`);
  }
  const doc = parseForEdit(yaml);
  let map: YAML.YAMLMap | null = null;
  if (YAML.isMap(doc.contents)) map = doc.contents;
  else if (doc.contents !== null && !(YAML.isScalar(doc.contents) && doc.contents.value === null)) {
    throw new EditRefused(`The front matter is not a map of keys such as "audience: clinical"; Crosswalk leaves it as it is.`);
  }
  const { splice, intent } = change(yaml, doc, map, block.eol);
  try {
    verified(yaml, splice, intent, what);
  } catch (error) {
    const broken = firstError(doc, yaml, block.firstLine - 1);
    if (error instanceof EditRefused && broken) throw new EditRefused(`The front matter has a YAML error (${broken}); fix it, then try again.`);
    throw error;
  }
  return { range: index.range(block.start + splice.start, block.start + splice.end), newText: splice.text };
}

/** A splice that adds `key: value` to the front matter's map, or makes the front matter's first key. */
function addKey(yaml: string, map: YAML.YAMLMap | null, key: string, value: unknown, eol: string): Splice {
  if (map && map.items.length) return addPair(yaml, map, key, value, eol);
  // Empty front matter, or comments only: the key goes at the end, on a line of its own.
  const at = yaml.length;
  const needsBreak = at > 0 && !/[\r\n]$/.test(yaml);
  return { start: at, end: at, text: `${needsBreak ? eol : ''}${flowText(key)}: ${flowText(value)}${eol}` };
}

function onePair(map: YAML.YAMLMap | null, key: string, yaml: string, place: string, lineBase = 0): YAML.Pair | undefined {
  if (!map) return undefined;
  const pairs = pairsOf(map, key);
  if (pairs.length > 1) {
    const lines = pairs.map((p) => lineOf(yaml, (p.key as YAML.Node).range![0]) + lineBase).join(' and ');
    throw new EditRefused(`"${key}" appears more than once in the ${place} (lines ${lines}); remove one, then try again.`);
  }
  return pairs[0];
}

function setIntent(key: string, value: unknown, flow = true) {
  return (doc: YAML.Document) => {
    const node = doc.createNode(value);
    if (flow && YAML.isCollection(node)) node.flow = true;
    if (!YAML.isMap(doc.contents)) doc.contents = doc.createNode({});
    const map = doc.contents as YAML.YAMLMap;
    const pair = map.items.find((p) => YAML.isScalar(p.key) && p.key.value === key);
    if (pair) pair.value = node;
    else map.items.push(doc.createPair(key, node));
  };
}

/** Adds a term to front matter `allow:`, creating the list or the front matter as needed. */
export function allowTermEdit(text: string, term: string): TextEdit {
  return frontMatterEdit(text, 'the front matter', (yaml, _doc, map, eol) => {
    const pair = onePair(map, 'allow', yaml, 'front matter', 1);
    const value = pair?.value;
    if (YAML.isSeq(value)) {
      if (value.items.some((item) => YAML.isScalar(item) && String(item.value).toLowerCase() === term.toLowerCase())) {
        throw new EditRefused(`"${term}" is already allowed in this document.`);
      }
      const at = (doc: YAML.Document) => (doc.contents as YAML.YAMLMap).items.find((p) => YAML.isScalar(p.key) && p.key.value === 'allow')!.value as YAML.YAMLSeq;
      return { splice: appendToSeq(yaml, value, term, eol), intent: (doc) => at(doc).items.push(doc.createNode(term)) };
    }
    if (pair && YAML.isScalar(value) && typeof value.value === 'string') {
      // `allow: UAT, go-live` is a comma list the engine reads; it becomes a YAML list holding the same terms.
      const terms = [...value.value.split(',').map((t) => t.trim()).filter(Boolean), term];
      return { splice: replaceValue(yaml, pair, terms, 'allow'), intent: setIntent('allow', terms) };
    }
    if (pair && !(YAML.isScalar(value) && value.value === null) && value !== null) {
      throw new EditRefused(`allow in the front matter is not a list of terms; Crosswalk leaves it as it is.`);
    }
    if (pair) return { splice: replaceValue(yaml, pair, [term], 'allow'), intent: setIntent('allow', [term]) };
    return { splice: addKey(yaml, map, 'allow', [term], eol), intent: setIntent('allow', [term]) };
  });
}

/** Sets front matter `audience:` to one audience or a list, keeping a comment on its line. */
export function setAudienceEdit(text: string, audience: string | string[]): TextEdit {
  const value = Array.isArray(audience) && audience.length === 1 ? audience[0] : audience;
  return frontMatterEdit(text, 'the audience', (yaml, _doc, map, eol) => {
    const pair = onePair(map, 'audience', yaml, 'front matter', 1);
    if (pair) return { splice: replaceValue(yaml, pair, value, 'audience'), intent: setIntent('audience', value) };
    return { splice: addKey(yaml, map, 'audience', value, eol), intent: setIntent('audience', value) };
  });
}

const GLOSSARY_KEYS = ['version', 'sources', 'terms'];

/**
 * Marks a term as known to an audience in a team glossary's YAML text, keeping the rest of the
 * file byte for byte. `knownTo` are the audiences that already know the term (the built-in
 * entry's `familiar_to`): a new override lists them too, so that marking "cutover" known to
 * clinical readers keeps it known to IT. The term is matched case-insensitively. Creates the
 * file's skeleton when the text is empty; refuses (EditRefused) a file in another shape.
 */
export function addKnownTermToGlossary(glossaryText: string, term: string, audience: string, knownTo: readonly string[] = []): string {
  const audiences = [...new Set([...knownTo, audience])];
  const item = { term, override: true, familiar_to: audiences };
  const eol = eolOf(glossaryText);
  if (!glossaryText.trim()) {
    return ['version: 1', 'terms:', `  - term: ${flowText(term)}`, '    override: true', `    familiar_to: ${flowText(audiences)}`, ''].join(eol);
  }
  const doc = parseForEdit(glossaryText);
  const broken = firstError(doc, glossaryText);
  if (broken) throw new EditRefused(`The team glossary is not valid YAML (${broken}); fix it, then try again.`);
  const what = `the team glossary`;
  if (doc.contents === null || (YAML.isScalar(doc.contents) && doc.contents.value === null && !doc.contents.range?.[1])) {
    // Comments only: the skeleton goes after them.
    const needsBreak = !/[\r\n]$/.test(glossaryText);
    const skeleton = addKnownTermToGlossary('', term, audience, knownTo).replace(/\n/g, eol);
    return glossaryText + (needsBreak ? eol : '') + skeleton;
  }
  if (!YAML.isMap(doc.contents)) {
    const shape = YAML.isSeq(doc.contents) ? 'a list' : 'plain text';
    throw new EditRefused(`The team glossary is ${shape}, not a map with a "terms:" list (see data/glossary/FORMAT.md); Crosswalk leaves it as it is.`);
  }
  const root = doc.contents;
  const unknown = root.items.map((p) => (YAML.isScalar(p.key) ? String(p.key.value) : '?')).filter((k) => !GLOSSARY_KEYS.includes(k));
  if (unknown.length) {
    throw new EditRefused(`The team glossary has keys Crosswalk does not know (${unknown.slice(0, 3).join(', ')}); a glossary holds version, sources and a "terms:" list (see data/glossary/FORMAT.md). Crosswalk leaves it as it is.`);
  }
  const termsPair = onePair(root, 'terms', glossaryText, 'team glossary');
  const terms = termsPair?.value;
  const termsIn = (d: YAML.Document) => ((d.contents as YAML.YAMLMap).items.find((p) => YAML.isScalar(p.key) && p.key.value === 'terms')!);
  if (!termsPair) {
    return verified(glossaryText, addPair(glossaryText, root, 'terms', [item], eol), (d) => {
      (d.contents as YAML.YAMLMap).items.push(d.createPair('terms', [item]));
    }, what);
  }
  if (YAML.isScalar(terms) && terms.value === null) {
    const indent = ' '.repeat(columnOfKey(glossaryText, termsPair) + 2);
    const lines = [`- term: ${flowText(term)}`, '  override: true', `  familiar_to: ${flowText(audiences)}`];
    const colon = glossaryText.indexOf(':', (termsPair.key as YAML.Node).range![1]);
    const at = lineEndOf(glossaryText, colon);
    return verified(glossaryText, { start: at, end: at, text: lines.map((l) => eol + indent + l).join('') }, (d) => {
      termsIn(d).value = d.createNode([item]);
    }, what);
  }
  if (!YAML.isSeq(terms)) {
    throw new EditRefused(`"terms:" in the team glossary is not a list (see data/glossary/FORMAT.md); Crosswalk leaves it as it is.`);
  }
  // The last entry wins when a glossary lists a term twice, as the engine reads it.
  const lower = term.toLowerCase();
  let index = -1;
  terms.items.forEach((entry, i) => {
    if (YAML.isMap(entry)) {
      const name = entry.get('term');
      if (typeof name === 'string' && name.toLowerCase() === lower) index = i;
    }
  });
  if (index < 0) {
    return verified(glossaryText, appendToSeq(glossaryText, terms, item, eol), (d) => {
      (termsIn(d).value as YAML.YAMLSeq).items.push(d.createNode(item));
    }, what);
  }
  const entry = terms.items[index] as YAML.YAMLMap;
  const entryIn = (d: YAML.Document) => (termsIn(d).value as YAML.YAMLSeq).items[index] as YAML.YAMLMap;
  // An entry that took the audience out (`not_familiar_to: [clinical]`) gives it back: that comes
  // out of not_familiar_to first, or marking the term known would change nothing.
  const notPair = onePair(entry, 'not_familiar_to', glossaryText, `entry for "${term}"`);
  const notValue = notPair?.value;
  const notList = YAML.isSeq(notValue) ? notValue.items.map((i) => (YAML.isScalar(i) && typeof i.value === 'string' ? i.value : undefined))
    : YAML.isScalar(notValue) && typeof notValue.value === 'string' ? [notValue.value] : [];
  if (notPair && notList.some((i) => i?.toLowerCase() === audience.toLowerCase())) {
    if (notList.some((i) => i === undefined)) throw new EditRefused(`not_familiar_to of "${term}" in the team glossary is not a list of audiences; Crosswalk leaves it as it is.`);
    const rest = (notList as string[]).filter((i) => i.toLowerCase() !== audience.toLowerCase());
    const next = verified(glossaryText, replaceValue(glossaryText, notPair, rest, 'not_familiar_to'), (d) => {
      const node = d.createNode(rest);
      node.flow = true;
      entryIn(d).items.find((p) => YAML.isScalar(p.key) && p.key.value === 'not_familiar_to')!.value = node;
    }, what);
    return addKnownTermToGlossary(next, term, audience, knownTo);
  }
  const familiarPair = onePair(entry, 'familiar_to', glossaryText, `entry for "${term}"`);
  const familiar = familiarPair?.value;
  if (!familiarPair) {
    // No familiar_to: the entry inherits the built-in audiences, which the new list must keep.
    return verified(glossaryText, addPair(glossaryText, entry, 'familiar_to', audiences, eol), (d) => {
      entryIn(d).items.push(d.createPair('familiar_to', audiences));
    }, what);
  }
  if (YAML.isSeq(familiar)) {
    const have = familiar.items.map((i) => (YAML.isScalar(i) ? String(i.value).toLowerCase() : ''));
    if (have.includes(audience.toLowerCase())) return glossaryText;
    return verified(glossaryText, appendToSeq(glossaryText, familiar, audience, eol), (d) => {
      (entryIn(d).items.find((p) => YAML.isScalar(p.key) && p.key.value === 'familiar_to')!.value as YAML.YAMLSeq).items.push(d.createNode(audience));
    }, what);
  }
  if (YAML.isScalar(familiar) && (typeof familiar.value === 'string' || familiar.value === null)) {
    const list = [...new Set([...(familiar.value ? [familiar.value] : []), audience])];
    return verified(glossaryText, replaceValue(glossaryText, familiarPair, list, 'familiar_to'), (d) => {
      const node = d.createNode(list);
      node.flow = true;
      entryIn(d).items.find((p) => YAML.isScalar(p.key) && p.key.value === 'familiar_to')!.value = node;
    }, what);
  }
  throw new EditRefused(`familiar_to of "${term}" in the team glossary is not a list of audiences; Crosswalk leaves it as it is.`);
}

function columnOfKey(text: string, pair: YAML.Pair): number {
  const at = (pair.key as YAML.Node).range![0];
  let i = at;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return at - i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * Adds a team glossary path to `.crosswalk.yaml` text `glossaries:`, creating the key as needed.
 * A single path (`glossaries: team.yaml`) becomes a list holding it and the new one.
 */
export function addGlossaryToConfigText(configText: string, glossary: string): string {
  const eol = eolOf(configText);
  if (!configText.trim()) return `glossaries:${eol}  - ${flowText(glossary)}${eol}`;
  const doc = parseForEdit(configText);
  const broken = firstError(doc, configText);
  if (broken) throw new EditRefused(`.crosswalk.yaml is not valid YAML (${broken}); fix it, then try again.`);
  const what = '.crosswalk.yaml';
  if (doc.contents === null || (YAML.isScalar(doc.contents) && doc.contents.value === null)) {
    const needsBreak = !/[\r\n]$/.test(configText);
    return `${configText}${needsBreak ? eol : ''}glossaries:${eol}  - ${flowText(glossary)}${eol}`;
  }
  if (!YAML.isMap(doc.contents)) throw new EditRefused(`.crosswalk.yaml is not a map of settings; Crosswalk leaves it as it is.`);
  const root = doc.contents;
  const pair = onePair(root, 'glossaries', configText, '.crosswalk.yaml');
  const value = pair?.value;
  const pairIn = (d: YAML.Document) => (d.contents as YAML.YAMLMap).items.find((p) => YAML.isScalar(p.key) && p.key.value === 'glossaries')!;
  const samePath = (a: string) => a.replace(/^\.\//, '') === glossary.replace(/^\.\//, '');
  if (!pair) {
    // A block list, as a new .crosswalk.yaml gets it.
    return verified(configText, addPair(configText, root, 'glossaries', [glossary], eol, true), (d) => {
      (d.contents as YAML.YAMLMap).items.push(d.createPair('glossaries', [glossary]));
    }, what);
  }
  if (YAML.isSeq(value)) {
    if (value.items.some((i) => YAML.isScalar(i) && typeof i.value === 'string' && samePath(i.value))) return configText;
    return verified(configText, appendToSeq(configText, value, glossary, eol), (d) => {
      (pairIn(d).value as YAML.YAMLSeq).items.push(d.createNode(glossary));
    }, what);
  }
  if (YAML.isScalar(value) && (typeof value.value === 'string' || value.value === null)) {
    if (typeof value.value === 'string' && samePath(value.value)) return configText;
    const list = typeof value.value === 'string' ? [value.value, glossary] : [glossary];
    return verified(configText, replaceValue(configText, pair, list, 'glossaries'), (d) => {
      pairIn(d).value = d.createNode(list);
    }, what);
  }
  throw new EditRefused(`glossaries in .crosswalk.yaml is not a list of files; Crosswalk leaves it as it is.`);
}

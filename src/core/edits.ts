import YAML from 'yaml';
import { splitChunks } from './chunks';
import { LineIndex } from './positions';
import type { TextEdit } from './types';

/**
 * Edits that rewrite a draft's front matter, keeping every other key, comment and the order of
 * the keys intact. Used by "allow this term" and "set audience".
 */
function frontMatterEdit(text: string, change: (doc: YAML.Document) => void): TextEdit {
  const index = new LineIndex(text);
  const chunks = splitChunks(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (chunks[0]?.kind === 'frontmatter') {
    const chunk = chunks[0].text;
    const yamlStart = chunk.indexOf('\n') + 1;
    const closing = chunk.lastIndexOf('\n', chunk.length - 2) + 1;
    const yamlText = chunk.slice(yamlStart, closing);
    const parsed = YAML.parseDocument(yamlText);
    if (parsed.errors.length === 0 && (parsed.contents === null || YAML.isMap(parsed.contents))) {
      const doc: YAML.Document = parsed;
      if (doc.contents === null) doc.contents = doc.createNode({});
      change(doc);
      const newText = doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, eol);
      return { range: index.range(yamlStart, closing), newText };
    }
  }
  const doc = new YAML.Document({});
  change(doc);
  const body = doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, eol);
  return { range: index.range(0, 0), newText: `---${eol}${body}---${eol}${eol}` };
}

/** Adds a term to front matter `allow:`, creating the list or the front matter as needed. */
export function allowTermEdit(text: string, term: string): TextEdit {
  return frontMatterEdit(text, (doc) => {
    const allow = doc.get('allow');
    if (YAML.isSeq(allow)) {
      if (!allow.items.some((item) => (YAML.isScalar(item) ? item.value : item) === term)) allow.add(term);
    } else {
      const list = doc.createNode([term]);
      list.flow = true;
      doc.set('allow', list);
    }
  });
}

/** Sets front matter `audience:` to one audience or a list. */
export function setAudienceEdit(text: string, audience: string | string[]): TextEdit {
  return frontMatterEdit(text, (doc) => {
    const value = Array.isArray(audience) && audience.length === 1 ? audience[0] : audience;
    const node = doc.createNode(value);
    if (YAML.isSeq(node)) node.flow = true;
    doc.set('audience', node);
  });
}

/**
 * Adds (or updates) a term in a team glossary's YAML text as known to an audience, keeping the
 * rest of the file as it is. Creates the file's skeleton when the text is empty.
 */
export function addKnownTermToGlossary(glossaryText: string, term: string, audience: string): string {
  const doc: YAML.Document = glossaryText.trim() ? YAML.parseDocument(glossaryText) : new YAML.Document({ version: 1, terms: [] });
  if (doc.errors.length) throw new Error(`The team glossary is not valid YAML: ${doc.errors[0].message}`);
  if (!YAML.isMap(doc.contents)) doc.contents = doc.createNode({ version: 1, terms: [] });
  let terms = doc.get('terms');
  if (!YAML.isSeq(terms)) {
    doc.set('terms', doc.createNode([]));
    terms = doc.get('terms');
  }
  const seq = terms as YAML.YAMLSeq;
  const existing = seq.items.find((item) => YAML.isMap(item) && String(item.get('term')) === term) as YAML.YAMLMap | undefined;
  if (existing) {
    const familiar = existing.get('familiar_to');
    if (YAML.isSeq(familiar)) {
      if (!familiar.items.some((i) => (YAML.isScalar(i) ? i.value : i) === audience)) familiar.add(audience);
    } else {
      existing.set('familiar_to', doc.createNode([audience]));
    }
  } else {
    // Only the audiences change: `override: true` says so to the schema and to readers.
    const node = doc.createNode({ term, override: true, familiar_to: [audience] }) as YAML.YAMLMap;
    const list = node.get('familiar_to', true);
    if (YAML.isSeq(list)) list.flow = true;
    seq.add(node);
  }
  return doc.toString({ lineWidth: 0 });
}

/** Adds a team glossary path to `.crosswalk.yaml` text `glossaries:`, creating the key as needed. */
export function addGlossaryToConfigText(configText: string, glossary: string): string {
  const doc: YAML.Document = configText.trim() ? YAML.parseDocument(configText) : new YAML.Document({});
  if (doc.errors.length) throw new Error(`.crosswalk.yaml is not valid YAML: ${doc.errors[0].message}`);
  const list = doc.get('glossaries');
  if (YAML.isSeq(list)) {
    if (!list.items.some((i) => (YAML.isScalar(i) ? i.value : i) === glossary)) list.add(glossary);
  } else {
    doc.set('glossaries', [glossary]);
  }
  return doc.toString({ lineWidth: 0 });
}

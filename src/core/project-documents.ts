/**
 * The editor's default answer to "is this Markdown file a draft?" when neither `files:` in
 * `.crosswalk.yaml` nor the `crosswalk.files` setting says: every Markdown file is, except a
 * project's own documents (README, CHANGELOG, CONTRIBUTING, LICENSE, SECURITY, CODE_OF_CONDUCT)
 * and anything under node_modules or .github, unless the file declares `audience:` or `type:` in
 * its front matter (then its author means it for readers). Pure: a '/'-separated path relative
 * to the workspace folder and the text's start; reads nothing.
 */

const PROJECT_DOCUMENTS = /^(?:README|CHANGELOG|CHANGES|HISTORY|CONTRIBUTING|LICEN[CS]E|SECURITY|CODE_OF_CONDUCT|SUPPORT)(?:\.[a-z]+)*$/i;
const PROJECT_FOLDERS = ['node_modules', '.github'];

/** Why the file at `path` is a project document rather than a draft, or undefined when it is a draft. */
export function projectDocumentReason(path: string): string | undefined {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  const folder = parts.slice(0, -1).find((p) => PROJECT_FOLDERS.includes(p));
  if (folder) return `it is under ${folder}/`;
  const name = parts[parts.length - 1] ?? '';
  if (PROJECT_DOCUMENTS.test(name)) return `${name} is a project document, not a message`;
  return undefined;
}

/** True when the text's front matter names `audience:` or `type:` (its author means it for readers). */
export function declaresAudienceOrType(text: string): boolean {
  const head = text.slice(0, 4096);
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(head);
  if (!open) return false;
  const rest = head.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  const yaml = close ? rest.slice(0, close.index) : rest;
  return /^(?:audience|type)[ \t]*:/m.test(yaml);
}

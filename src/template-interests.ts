/**
 * A template for the audience it is used for: each interest of that audience (data/interests.yaml)
 * that the template does not cover gets its own section with a blank to fill, so that a go-live
 * announcement picked for administrators asks about cost, risk and the decision, and the same
 * template picked for IT asks about systems, timing, rollback and security. Pure (snippet text
 * in, snippet text out): New Communication from Template (src/extension/commands/new-from-template.ts)
 * applies it to the snippet it inserts, and test/unit/templates.test.ts to every audience choice.
 */
import { builtinEngine } from './builtins';
import { AUDIENCE_INTERESTS, interestsFor, resolveMessageType, type Interest, type MessageType } from './core/message-types';
import type { AudienceId } from './core/types';

const BLANK = /\[(?=[^\]]{0,80}[A-Z])[A-Z0-9][A-Z0-9 _/&.,:#'’-]{0,80}\]/g;
const CHOICE = /\$\{(\d+)\|([^|}]*)\|\}/g;
const PLACEHOLDER = /\$\{(\d+):([^}]*)\}/g;
const TAB_STOP = /\$(?:(\d+)|\{(\d+)[:|}])/g;
const AUDIENCE_LINE = /^audience:.*$/m;

export interface TemplateForAudience {
  /** The snippet body with a section for each interest the template did not cover. */
  body: string;
  /** The interests those sections are for (ids of data/interests.yaml). */
  added: string[];
}

/**
 * What a blank stands for once filled, so that the template's own structure is judged: "Call us
 * at [PHONE NUMBER]" is a contact, "From [START TIME]" a time. Other blanks stay as they are
 * (a section named for an interest, with a blank in it, already asks for that interest).
 */
function standIn(blank: string): string {
  if (/PHONE|NUMBER|EXTENSION|PAGER/.test(blank)) return '555-0100';
  if (/EMAIL/.test(blank)) return 'help@example.org';
  if (/WEB|LINK|URL|ADDRESS/.test(blank)) return 'https://example.org';
  if (/TIME/.test(blank)) return '9 a.m.';
  if (/DATE|\bDAY\b/.test(blank)) return 'June 1';
  return blank;
}

/** The snippet as the editor first shows it, for `audience` (choices take their first option). */
function expand(body: string, audience: AudienceId): string {
  return body
    .replace(AUDIENCE_LINE, `audience: ${audience}`)
    .replace(CHOICE, (_m, _n: string, options: string) => options.split(',')[0] ?? '')
    .replace(PLACEHOLDER, '$2')
    .replace(/\$\d+/g, '')
    .replace(BLANK, standIn);
}

/**
 * A snippet typed through its `cw-` prefix cannot know the audience its writer then picks (VS Code
 * snippets are static text), so a template for a choice of audiences carries the interest
 * sections of its first choice (test/unit/templates.test.ts keeps them in step). Picked for
 * another audience, those sections go: the ones that close the template, still as written (a
 * heading and its blank as a tab stop), for interests this audience is not asked about.
 */
function withoutOthers(body: string, type: MessageType | undefined, audience: AudienceId): string {
  if (!type?.interests) return body;
  const own = new Set(interestsFor(type, audience).map((i) => i.id));
  const others = Object.entries(AUDIENCE_INTERESTS).flatMap(([, list]) => list ?? []).filter((i) => !own.has(i.id) && i.heading && i.blank);
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let out = body;
  // Only the trailing run of sections, before the final tab stop: a template's own sections stay.
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of others) {
      const section = new RegExp(`\\n\\n#{1,6} ${escape(i.heading)}\\n\\$\\{\\d+:${escape(i.blank)}\\}(?=\\n?\\$0\\s*$|\\s*$)`);
      const next = out.replace(section, '');
      if (next !== out) {
        out = next;
        changed = true;
      }
    }
  }
  return out;
}

/**
 * The template `body` (a snippet) used for `audience` (a built-in audience id; a team audience
 * passes the one it extends): the sections its readers' interests need, added before the final
 * tab stop, each heading one level below the title and its blank a tab stop of its own.
 */
export function templateForAudience(body: string, audience: AudienceId): TemplateForAudience {
  // The type's interests: a breach notice asks its own questions, and leaves out those its parts ask.
  const typeName = /^type:\s*["']?([\w-]+)/m.exec(body)?.[1];
  const type = typeName ? resolveMessageType(typeName).type : undefined;
  const interests = interestsFor(type, audience);
  body = withoutOthers(body, type, audience);
  if (interests.length === 0) return { body, added: [] };
  const result = builtinEngine.lint(expand(body, audience), { audience });
  const missing = new Set(result.findings.filter((f) => f.ruleId === 'interests').map((f) => String(f.data?.interest)));
  const add = interests.filter((i: Interest) => missing.has(i.id) && i.heading && i.blank);
  if (add.length === 0) return { body, added: [] };
  let next = 0;
  for (const m of body.matchAll(TAB_STOP)) next = Math.max(next, Number(m[1] ?? m[2]));
  const titleDepth = /^(#{1,6})\s/m.exec(body.replace(/^---\n[\s\S]*?\n---\n/, ''))?.[1].length ?? 1;
  const hashes = '#'.repeat(Math.min(6, titleDepth + 1));
  const sections = add.map((i) => `${hashes} ${i.heading}\n\${${++next}:${i.blank}}\n`).join('\n');
  // Before the final tab stop ($0) when the template ends with one, so that Tab ends there.
  const end = /\n?\$0\s*$/.exec(body);
  const head = end ? body.slice(0, end.index) : body.replace(/\s*$/, '');
  const tail = end ? `\n${end[0].replace(/^\n/, '')}` : '\n';
  return { body: `${head}\n\n${sections.replace(/\n$/, '')}${tail}`, added: add.map((i) => i.id) };
}

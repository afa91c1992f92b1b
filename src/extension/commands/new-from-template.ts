import * as vscode from 'vscode';
import { BUILTIN_AUDIENCES, type AudienceCatalog } from '../audiences';
import type { Checker } from '../checker';

/** One message template, as the extension contributes it in snippets/crosswalk.code-snippets.json. */
export interface Template {
  /** The snippet's name, e.g. "Downtime notice for clinical staff". */
  name: string;
  prefix: string;
  description: string;
  body: string;
  /** Front matter `type:` (the scenario), e.g. `downtime-notice`. */
  type: string;
  /** Front matter `audience:` when it is fixed. */
  audience?: string;
  /** The audiences offered when `audience:` is a choice placeholder `${1|admin,clinical,it|}`. */
  audienceChoices?: string[];
}

/** Templates that share a `type:`: one scenario, one variant per audience or reader. */
export interface Scenario {
  label: string;
  type: string;
  templates: Template[];
}

const SNIPPET_FILE = ['snippets', 'crosswalk.code-snippets.json'];
const AUDIENCE_LINE = /^audience:\s*(.*)$/m;
const TYPE_LINE = /^type:\s*(.*)$/m;
const CHOICE = /^\$\{(\d+)\|([^|]*)\|\}$/;
interface SnippetJson {
  prefix?: string | string[];
  description?: string;
  body?: string | string[];
}

/**
 * Reads the snippets the extension contributes, from its own folder at run time, so that the
 * command offers exactly what the `cw-…` snippet prefixes offer.
 */
export async function loadTemplates(extensionUri: vscode.Uri): Promise<Template[]> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...SNIPPET_FILE));
  const json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetJson>;
  const templates: Template[] = [];
  for (const [name, snippet] of Object.entries(json)) {
    const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : (snippet.body ?? '');
    const audienceValue = AUDIENCE_LINE.exec(body)?.[1]?.trim();
    const choice = audienceValue ? CHOICE.exec(audienceValue) : null;
    templates.push({
      name,
      prefix: Array.isArray(snippet.prefix) ? (snippet.prefix[0] ?? '') : (snippet.prefix ?? ''),
      description: snippet.description ?? '',
      body,
      type: TYPE_LINE.exec(body)?.[1]?.trim() || name,
      audience: choice ? undefined : audienceValue,
      audienceChoices: choice ? choice[2].split(',').map((s) => s.trim()) : undefined,
    });
  }
  return templates;
}

/** Groups templates by scenario (`type:`), in the order the snippet file lists them. */
export function scenariosOf(templates: Template[]): Scenario[] {
  const byType = new Map<string, Template[]>();
  for (const t of templates) {
    const list = byType.get(t.type);
    if (list) list.push(t);
    else byType.set(t.type, [t]);
  }
  return [...byType].map(([type, list]) => ({ type, templates: list, label: list.length === 1 ? list[0].name : commonLabel(list.map((t) => t.name), type) }));
}

/** "Downtime notice for clinical staff" + "Downtime notice for IT" → "Downtime notice". */
function commonLabel(names: string[], type: string): string {
  const split = names.map((n) => n.split(/\s+/));
  const common: string[] = [];
  for (let i = 0; split.every((words) => i < words.length - 1 && words[i] === split[0][i]); i++) common.push(split[0][i]);
  while (common.length && /^(for|to|of|the|and)$/i.test(common[common.length - 1])) common.pop();
  if (common.length) return common.join(' ');
  const words = type.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a variant adds to its scenario's label: "clinical staff", "regulators". */
function variantLabel(scenario: Scenario, template: Template): string {
  const rest = template.name.startsWith(scenario.label) ? template.name.slice(scenario.label.length).replace(/^\s*(for|to)\s+/i, '').trim() : '';
  return rest || template.audience || template.name;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The scenario or template a command argument names: a snippet name, its prefix, a scenario label or `type:`. */
function findByName(scenarios: Scenario[], name: string): { scenario: Scenario; template?: Template } | undefined {
  for (const scenario of scenarios) {
    const template = scenario.templates.find((t) => same(t.name, name) || same(t.prefix, name));
    if (template) return { scenario, template };
  }
  const scenario = scenarios.find((s) => same(s.label, name) || same(s.type, name));
  return scenario && { scenario, template: scenario.templates.length === 1 ? scenario.templates[0] : undefined };
}

/**
 * The snippet body for the chosen audience: a choice placeholder `${1|admin,clinical,it|}` in
 * `audience:` becomes a placeholder holding the chosen audience (the tab stop stays, so that
 * mirrors of it keep working).
 */
export function bodyFor(template: Template, audience?: string): string {
  if (!audience || !template.audienceChoices) return template.body;
  return template.body.replace(AUDIENCE_LINE, (line, value: string) => {
    const m = CHOICE.exec(value.trim());
    return m ? `audience: \${${m[1]}:${audience}}` : line;
  });
}

/**
 * Crosswalk: New Communication from Template. Picks a scenario, then the audience where the
 * scenario has several variants (or an audience choice), opens a new untitled Markdown draft
 * and inserts the template as a snippet, so Tab walks through its blanks. A template with an
 * audience choice gets a section for each interest of the chosen audience it does not cover
 * (src/template-interests.ts).
 *
 * Arguments, for keybindings and tests: a scenario (snippet name, prefix, scenario label or
 * `type:`) and an audience; each one given skips its pick.
 */
export async function newFromTemplate(checker: Checker, extensionUri: vscode.Uri, scenarioName?: string, audience?: string): Promise<vscode.TextEditor | undefined> {
  let templates: Template[];
  try {
    templates = await loadTemplates(extensionUri);
  } catch (error) {
    void vscode.window.showErrorMessage(`Crosswalk could not read its templates: ${(error as Error).message}`);
    return undefined;
  }
  const scenarios = scenariosOf(templates);
  // Team audiences of the workspace's .crosswalk.yaml: each one takes the template of the
  // audience it extends, with its own id in `audience:`.
  const audiences = await workspaceAudiences(checker);
  const teams = audiences.list.filter((a) => a.extends);
  const teamNamed = (name: string) => {
    const ids = audiences.resolveName(name);
    return ids?.length === 1 ? teams.find((t) => t.id === ids[0]) : undefined;
  };
  let team = audience !== undefined ? teamNamed(audience) : undefined;

  let scenario: Scenario | undefined;
  let template: Template | undefined;
  if (scenarioName !== undefined) {
    const found = findByName(scenarios, scenarioName);
    if (!found) {
      void vscode.window.showErrorMessage(`Crosswalk has no template called "${scenarioName}". Templates: ${scenarios.map((s) => s.label).join(', ')}.`);
      return undefined;
    }
    ({ scenario, template } = found);
  } else {
    const pick = await vscode.window.showQuickPick(
      scenarios.map((s) => ({
        label: s.label,
        description: s.templates.length > 1 ? `${s.templates.length} versions` : s.templates[0].prefix,
        detail: s.templates.length > 1 ? s.templates.map((t) => variantLabel(s, t)).join(' · ') : s.templates[0].description,
        scenario: s,
      })),
      { title: 'New communication from template', placeHolder: 'What are you writing?', matchOnDetail: true },
    );
    if (!pick) return undefined;
    scenario = pick.scenario;
    if (scenario.templates.length === 1) template = scenario.templates[0];
  }

  if (!template) {
    const chosen = scenario;
    const variants = chosen.templates;
    if (audience !== undefined) {
      const wanted = team?.extends ?? audience;
      template = variants.find((t) => t.audience !== undefined && same(t.audience, wanted)) ?? variants.find((t) => same(variantLabel(chosen, t), wanted));
      if (!template) {
        void vscode.window.showErrorMessage(`"${chosen.label}" has no version for ${audience}. Versions: ${variants.map((t) => variantLabel(chosen, t)).join(', ')}.`);
        return undefined;
      }
    } else {
      const teamVariants = teams.flatMap((a) => {
        const parent = variants.find((t) => t.audience !== undefined && same(t.audience, a.extends ?? ''));
        return parent ? [{ label: a.title, description: `audience: ${a.id} (from ${variantLabel(chosen, parent)})`, detail: parent.description, template: parent, team: a }] : [];
      });
      const pick = await vscode.window.showQuickPick(
        [
          ...variants.map((t) => ({ label: variantLabel(chosen, t), description: t.audience ? `audience: ${t.audience}` : undefined, detail: t.description, template: t, team: undefined })),
          ...teamVariants,
        ],
        { title: `${chosen.label}: who will read it?`, placeHolder: 'Pick the readers' },
      );
      if (!pick) return undefined;
      template = pick.template;
      team = pick.team;
    }
    // The variant fixes the audience; a later argument is not a choice any more.
    audience = undefined;
  }

  const choices = template.audienceChoices;
  if (choices && audience === undefined) {
    const pick = await vscode.window.showQuickPick(
      [
        ...choices.map((a) => ({ label: a, description: BUILTIN_AUDIENCES.get(a)?.who })),
        ...teams.filter((a) => choices.includes(a.extends ?? '')).map((a) => ({ label: a.id, description: `${a.title} (from ${a.extends})` })),
      ],
      { title: `${template.name}: who will read it?`, placeHolder: 'Pick the audience' },
    );
    if (!pick) return undefined;
    audience = pick.label;
  } else if (choices && audience !== undefined && team && choices.includes(team.extends ?? '')) {
    audience = team.id;
  } else if (choices && audience !== undefined && !choices.some((a) => same(a, audience ?? ''))) {
    void vscode.window.showErrorMessage(`"${template.name}" is written for ${choices.join(', ')}, not ${audience}.`);
    return undefined;
  }

  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  let body = bodyFor(template, audience?.toLowerCase());
  if (team && template.audience !== undefined && same(template.audience, team.extends ?? '')) body = body.replace(AUDIENCE_LINE, `audience: ${team.id}`);
  // A template written for a choice of audiences asks the chosen one what it cares about: a
  // section, with a blank, for each of its interests the template does not cover (data/interests.yaml).
  if (choices && audience) {
    const id = audience.toLowerCase();
    // The template is linted for that audience in the language server (src/template-interests.ts).
    body = await checker.client.sendRequest<string>('crosswalk/templateForAudience', { body, audience: audiences.get(id)?.extends ?? id });
  }
  const inserted = await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
  if (!inserted) {
    void vscode.window.showErrorMessage(`Crosswalk could not insert the "${template.name}" template.`);
    return undefined;
  }
  return editor;
}

/**
 * The audiences of the workspace: those of the active draft's config, else of the first folder's
 * `.crosswalk.yaml` (team audiences included), as the language server reads them.
 */
async function workspaceAudiences(checker: Checker): Promise<AudienceCatalog> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme !== 'untitled') return checker.audiencesAt(active.uri);
  const folder = vscode.workspace.workspaceFolders?.[0];
  // A name inside the folder: the config is searched from the folder itself upwards.
  return folder ? checker.audiencesAt(vscode.Uri.joinPath(folder.uri, 'untitled.md')) : BUILTIN_AUDIENCES;
}

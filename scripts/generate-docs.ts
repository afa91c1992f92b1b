/**
 * Writes what is generated from the rules' own metadata (src/rules/*.ts via src/builtins.ts) and
 * from data/audiences.yaml: the `crosswalk.rules`, `crosswalk.defaultAudience` and
 * `crosswalk.readability` settings in package.json, `rules`, `audience` and `audiences` in
 * data/schema/config.schema.json, the audience lists of data/schema/glossary.schema.json and the
 * rule table in README.md. test/unit/generated-docs.test.ts fails when they are out of date.
 * Run: npm run generate
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GLOSSARY_DOMAINS } from '../src/core/builtin-glossary';
import { BUILTIN_AUDIENCES, rules, type RuleInfo } from '../src/index';

const ROOT = path.join(__dirname, '..');
const LEVELS = ['off', 'info', 'warning', 'error'];
const TABLE_START = '<!-- generated: rule table (npm run generate) -->';
const TABLE_END = '<!-- end of generated rule table -->';

type Json = Record<string, unknown>;

function optionSchemas(rule: RuleInfo): Json {
  return Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, schema]) => [name, { ...schema }]));
}

function settingFor(rule: RuleInfo): Json {
  const level = { type: 'string', enum: LEVELS };
  if (!rule.options) return { ...level, description: `Severity of the ${rule.id} rule.` };
  return {
    description: `Severity of the ${rule.id} rule, or its level and options: { "level": "error", ${Object.keys(rule.options).map((o) => `"${o}": …`).join(', ')} }.`,
    anyOf: [level, { type: 'object', additionalProperties: false, properties: { level, ...optionSchemas(rule) } }],
  };
}

function schemaFor(rule: RuleInfo): Json {
  if (!rule.options) return { description: `${rule.title}: ${rule.description}`, $ref: '#/definitions/level' };
  return {
    description: `${rule.title}: ${rule.description} A level, or the level and options.`,
    oneOf: [
      { $ref: '#/definitions/level' },
      { type: 'object', additionalProperties: false, properties: { level: { $ref: '#/definitions/level' }, ...optionSchemas(rule) } },
    ],
  };
}

function table(): string {
  const rows = rules.map((r) => {
    const options = Object.keys(r.options ?? {}).map((o) => `\`${o}\``).join(', ') || '';
    return `| [\`${r.id}\`](#${r.docs}) | ${r.title} | ${r.defaultSeverity} | ${r.description.replace(/\|/g, '\\|')} | ${options} |`;
  });
  return [TABLE_START, '| rule | title | default | finds | options |', '|---|---|---|---|---|', ...rows, TABLE_END].join('\n');
}

const ALL_DESCRIPTION = 'A broad message that must work for every audience';

function audienceSettings(manifest: { contributes: { configuration: { properties: Record<string, Json> } } }): void {
  const properties = manifest.contributes.configuration.properties;
  const list = BUILTIN_AUDIENCES.list;
  properties['crosswalk.defaultAudience'].enum = ['all', ...list.map((a) => a.id)];
  properties['crosswalk.defaultAudience'].enumDescriptions = [`${ALL_DESCRIPTION} (${BUILTIN_AUDIENCES.all.join(', ')})`, ...list.map((a) => a.who)];
  const readability = properties['crosswalk.readability'];
  const target = Object.values(readability.properties as Record<string, Json>)[0];
  readability.properties = Object.fromEntries(list.map((a) => [a.id, target]));
  // One number field per audience for the settings UI (an object of objects shows only "Edit in
  // settings.json"), placed just before the older object setting, which keeps working.
  const grades = Object.fromEntries(list.map((a) => [`crosswalk.readabilityGrade.${a.id}`, {
    type: 'number',
    default: a.limits.readability.age - 5,
    minimum: 1,
    maximum: 20,
    markdownDescription: `Target US school grade for ${a.readers} (${a.who.toLowerCase()}): a sentence harder than this is flagged. Default ${a.limits.readability.age - 5} (reader age ${a.limits.readability.age}). \`audiences: {${a.id}: {readability: {grade: N}}}\` in \`.crosswalk.yaml\` overrides it.`,
  }]));
  const entries = Object.entries(properties).filter(([key]) => !key.startsWith('crosswalk.readabilityGrade.'));
  const at = entries.findIndex(([key]) => key === 'crosswalk.readability');
  entries.splice(at, 0, ...Object.entries(grades));
  for (const key of Object.keys(properties)) delete properties[key];
  Object.assign(properties, Object.fromEntries(entries));
  readability.markdownDescription = `Full readability targets per audience, for what the grade fields above do not cover (${list.map((a) => `\`${a.id}\``).join(', ')}), each \`{ age, threshold, minWords }\` (a grade field the user sets wins over \`age\`). Defaults: ${list.map((a) => `${a.id} age ${a.limits.readability.age} (grade ${a.limits.readability.age - 5})`).join(', ')}.`;
}

function audienceSchema(schema: { properties: Record<string, Json>; definitions: Record<string, Json> }): void {
  const ids = BUILTIN_AUDIENCES.ids;
  const names = `${ids.join(', ')} or all`;
  schema.definitions.audienceName.description = `${names}, an alias such as ${BUILTIN_AUDIENCES.list.map((a) => a.aliases[0]).filter(Boolean).join(', ')}, or a team audience defined under audiences.`;
  schema.properties.audience.description = `Audience for drafts whose front matter and section markers name none: ${names} (or a list: the text must work for each).`;
  schema.properties.audiences = {
    description: `Targets per audience (${ids.join(', ')}), and team audiences: any other name, with extends naming the built-in audience it starts from.`,
    type: 'object',
    properties: Object.fromEntries(ids.map((id) => [id, { $ref: '#/definitions/targets' }])),
    additionalProperties: { $ref: '#/definitions/teamAudience' },
  };
  const targets = schema.definitions.targets as { properties: Record<string, Json> };
  schema.definitions.teamAudience = {
    type: 'object',
    description: 'A team audience: a built-in audience with its own name, label, known terms and targets.',
    required: ['extends'],
    additionalProperties: false,
    properties: {
      extends: { enum: ids, description: 'The built-in audience this one starts from: it knows what that one knows.' },
      label: { type: 'string', minLength: 1, description: 'As it reads in findings, hovers, the status item and the report ("Pharmacy").' },
      who: { type: 'string', description: 'Who these readers are, for pickers.' },
      aliases: { type: 'array', items: { type: 'string' }, description: 'Other names for it in front matter, markers and --audience.' },
      knows: { type: 'array', items: { type: 'string' }, description: 'Glossary terms it knows beyond its parent (HL7, ADC).' },
      domains: { type: 'array', items: { type: 'string' }, description: 'Glossary domains whose every term it knows (clinical, it, admin_finance, regulatory).' },
      ...targets.properties,
    },
  };
}

/** The built-in audience and domain enums and `replace` keys of the glossary schema, edited in place to keep its layout. */
function glossarySchema(text: string): string {
  const ids = BUILTIN_AUDIENCES.ids;
  const list = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
  const out = text
    .replace(/("builtinAudience": \{ "type": "string", "enum": )\[[^\]]*\]/, (_m, head: string) => `${head}${list(ids)}`)
    // The glossary's domains are the files src/core/builtin-glossary.ts loads, one per domain.
    .replace(/("domain": \{ "type": "string", "enum": )\[[^\]]*\]/, (_m, head: string) => `${head}${list(GLOSSARY_DOMAINS)}`);
  return out.replace(/("replace": \{\n(\s*)"type": "object",\n\s*"propertyNames": [^\n]*\n\s*"additionalProperties": [^\n]*\n\s*"properties": \{\n)[\s\S]*?\n(\s*)\}/, (_m, head: string, indent: string, close: string) =>
    `${head}${ids.map((id) => `${indent}  ${JSON.stringify(id)}: { "$ref": "#/definitions/text" }`).join(',\n')}\n${close}}`);
}

/** Every generated file's expected text, by path from the repository root. */
export function generatedFiles(): Record<string, string> {
  const out: Record<string, string> = {};

  const manifestText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const manifest = JSON.parse(manifestText);
  const setting = manifest.contributes.configuration.properties['crosswalk.rules'];
  setting.properties = Object.fromEntries(rules.map((r) => [r.id, settingFor(r)]));
  audienceSettings(manifest);
  out['package.json'] = JSON.stringify(manifest, null, 2) + '\n';

  const schemaPath = 'data/schema/config.schema.json';
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, schemaPath), 'utf8'));
  schema.properties.rules.properties = Object.fromEntries(rules.map((r) => [r.id, schemaFor(r)]));
  audienceSchema(schema);
  out[schemaPath] = JSON.stringify(schema, null, 2) + '\n';

  const glossaryPath = 'data/schema/glossary.schema.json';
  out[glossaryPath] = glossarySchema(fs.readFileSync(path.join(ROOT, glossaryPath), 'utf8'));

  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1) throw new Error(`README.md needs the lines "${TABLE_START}" and "${TABLE_END}" under ## Rules`);
  out['README.md'] = readme.slice(0, start) + table() + readme.slice(end + TABLE_END.length);
  return out;
}

if (require.main === module) {
  for (const [file, text] of Object.entries(generatedFiles())) {
    const target = path.join(ROOT, file);
    if (fs.readFileSync(target, 'utf8') !== text) {
      fs.writeFileSync(target, text);
      console.log(`updated ${file}`);
    }
  }
}

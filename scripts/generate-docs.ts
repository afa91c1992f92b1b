/**
 * Writes what is generated from the rules' own metadata (src/rules/*.ts via src/builtins.ts):
 * the `crosswalk.rules` settings in package.json, `rules` in data/schema/config.schema.json and
 * the rule table in README.md. test/unit/generated-docs.test.ts fails when they are out of date.
 * Run: npm run generate
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules, type RuleInfo } from '../src/index';

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

/** Every generated file's expected text, by path from the repository root. */
export function generatedFiles(): Record<string, string> {
  const out: Record<string, string> = {};

  const manifestText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const manifest = JSON.parse(manifestText);
  const setting = manifest.contributes.configuration.properties['crosswalk.rules'];
  setting.properties = Object.fromEntries(rules.map((r) => [r.id, settingFor(r)]));
  out['package.json'] = JSON.stringify(manifest, null, 2) + '\n';

  const schemaPath = 'data/schema/config.schema.json';
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, schemaPath), 'utf8'));
  schema.properties.rules.properties = Object.fromEntries(rules.map((r) => [r.id, schemaFor(r)]));
  out[schemaPath] = JSON.stringify(schema, null, 2) + '\n';

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

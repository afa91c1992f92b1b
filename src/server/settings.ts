import { BUILTIN_AUDIENCES, targetsFromSettings, type CrosswalkConfig } from '../index';

/**
 * The server's settings: VS Code's `crosswalk.*` settings (package.json `contributes.configuration`),
 * as `workspace/configuration` gives them, or the same object in `initializationOptions` for
 * editors without settings. Unknown or mistyped values fall back to the defaults.
 */
export interface ServerSettings {
  enable: boolean;
  defaultAudience: string;
  /** `onType`: check after each pause in typing; `onSave`: only when the draft is opened or saved. */
  run: 'onType' | 'onSave';
  /** Milliseconds after the last change before a draft is checked. */
  delay: number;
  maxFileSize: number;
  /** Diagnostics per draft at most (as cspell's `maxNumberOfProblems`): a huge draft never floods the client. */
  maxNumberOfProblems: number;
  /** Which Markdown files are drafts (`crosswalk.files`), .gitignore-style patterns relative to the workspace folder; empty: the defaults. */
  files: string[];
  /** `crosswalk.fixAll.includeRewording`: fix-all also applies jargon's plain wordings (src/core/fix-all.ts). */
  includeRewording: boolean;
  /** Config from settings; `.crosswalk.yaml` overrides it key by key. */
  config: CrosswalkConfig;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  defaultAudience: 'all',
  run: 'onType',
  delay: 300,
  maxFileSize: 1_000_000,
  maxNumberOfProblems: 100,
  files: [],
  includeRewording: false,
  config: { rules: {}, audiences: {}, glossaries: [], allow: [] },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined);
const number = (v: unknown, min: number): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= min ? v : undefined);

/**
 * Reads settings from any of the shapes clients send: `{ crosswalk: {...} }` (initializationOptions
 * of most editors, or a whole settings tree), `{...}` (the `crosswalk` section itself), or flat
 * dotted keys (`"crosswalk.defaultAudience"`). Later sources override earlier ones.
 */
export function readSettings(...sources: unknown[]): ServerSettings {
  const merged: Record<string, unknown> = {};
  for (const source of sources) {
    if (!isObject(source)) continue;
    const section = isObject(source.crosswalk) ? source.crosswalk : source;
    for (const [key, value] of Object.entries(section)) if (value !== undefined && value !== null) merged[key] = value;
    for (const [key, value] of Object.entries(source)) {
      if (key.startsWith('crosswalk.') && value !== undefined && value !== null) merged[key.slice('crosswalk.'.length)] = value;
    }
  }
  // `readabilityGrade` comes nested from workspace/configuration, or as dotted keys (`readabilityGrade.clinical`).
  const grades: Record<string, unknown> = { ...(isObject(merged.readabilityGrade) ? merged.readabilityGrade : {}) };
  for (const [key, value] of Object.entries(merged)) if (key.startsWith('readabilityGrade.')) grades[key.slice('readabilityGrade.'.length)] = value;
  // Built-in audiences only (data/audiences.yaml): team audiences and their targets belong in .crosswalk.yaml.
  const audiences = targetsFromSettings(merged.readability, grades, BUILTIN_AUDIENCES);
  // A level, or a level with the rule's options: the engine validates both and reports what is wrong.
  const rules: NonNullable<CrosswalkConfig['rules']> = {};
  if (isObject(merged.rules)) {
    for (const [id, level] of Object.entries(merged.rules)) if (typeof level === 'string' || isObject(level)) rules[id] = level as NonNullable<CrosswalkConfig['rules']>[string];
  }
  const audience = merged.defaultAudience;
  // `fixAll.includeRewording` comes nested ({ fixAll: { includeRewording } }) from workspace/configuration, or as a dotted key.
  const rewording = isObject(merged.fixAll) ? merged.fixAll.includeRewording : merged['fixAll.includeRewording'];
  return {
    enable: typeof merged.enable === 'boolean' ? merged.enable : DEFAULT_SETTINGS.enable,
    defaultAudience: typeof audience === 'string' || strings(audience) ? String(audience) : DEFAULT_SETTINGS.defaultAudience,
    run: merged.run === 'onSave' ? 'onSave' : 'onType',
    delay: number(merged.delay, 0) ?? DEFAULT_SETTINGS.delay,
    maxFileSize: number(merged.maxFileSize, 1) ?? DEFAULT_SETTINGS.maxFileSize,
    maxNumberOfProblems: Math.floor(number(merged.maxNumberOfProblems, 1) ?? DEFAULT_SETTINGS.maxNumberOfProblems),
    files: strings(merged.files) ?? [],
    includeRewording: typeof rewording === 'boolean' ? rewording : DEFAULT_SETTINGS.includeRewording,
    config: {
      rules,
      audiences,
      glossaries: strings(merged.glossaries) ?? [],
      allow: strings(merged.allow) ?? [],
    },
  };
}

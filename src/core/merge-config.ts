import type { CrosswalkConfig } from './types';

/**
 * Editor settings first, then the project's `.crosswalk.yaml` over them, key by key. Shared by
 * the VS Code extension (src/extension/settings.ts) and the language server.
 */
export function mergeConfig(settings: CrosswalkConfig, file: CrosswalkConfig): CrosswalkConfig {
  const audiences: CrosswalkConfig['audiences'] = { ...settings.audiences };
  for (const [name, value] of Object.entries(file.audiences ?? {})) {
    const key = name as keyof NonNullable<CrosswalkConfig['audiences']>;
    audiences[key] = { ...audiences[key], ...value, readability: { ...audiences[key]?.readability, ...value?.readability } };
  }
  return {
    ...settings,
    ...file,
    rules: { ...settings.rules, ...file.rules },
    audiences,
    allow: [...(settings.allow ?? []), ...(file.allow ?? [])],
    glossaries: file.glossaries ?? [],
  };
}

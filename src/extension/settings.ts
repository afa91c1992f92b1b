import * as vscode from 'vscode';
import { engine, type Core } from './engine';

export interface CrosswalkSettings {
  enable: boolean;
  defaultAudience: string;
  run: 'onType' | 'onSave';
  delay: number;
  maxFileSize: number;
  /** Which Markdown files are drafts, .gitignore-style patterns relative to the workspace folder; empty: the defaults. */
  files: string[];
  /** Fix-all and fix-on-save also apply rewording fixes (jargon paraphrases, simpler words), not only safe ones. */
  includeRewording: boolean;
  /** Config from settings; `.crosswalk.yaml` overrides it key by key. */
  config: Core.CrosswalkConfig;
}

export function readSettings(scope?: vscode.ConfigurationScope): CrosswalkSettings {
  const c = vscode.workspace.getConfiguration('crosswalk', scope);
  const readability = c.get<Record<string, Partial<Core.ReadabilityTarget>>>('readability') ?? {};
  const audiences: Core.CrosswalkConfig['audiences'] = {};
  for (const [audience, target] of Object.entries(readability)) {
    // Built-in audiences only: team audiences and their targets belong in .crosswalk.yaml.
    if (engine().audiences().get(audience)) audiences[audience] = { readability: target };
  }
  return {
    enable: c.get<boolean>('enable', true),
    defaultAudience: c.get<string>('defaultAudience', 'all'),
    run: c.get<'onType' | 'onSave'>('run', 'onType'),
    delay: c.get<number>('delay', 300),
    maxFileSize: c.get<number>('maxFileSize', 1_000_000),
    files: (c.get<unknown[]>('files') ?? []).filter((f): f is string => typeof f === 'string'),
    includeRewording: c.get<boolean>('fixAll.includeRewording', false),
    config: {
      rules: c.get<Record<string, Core.RuleLevel>>('rules') ?? {},
      audiences,
      glossaries: c.get<string[]>('glossaries') ?? [],
      allow: c.get<string[]>('allow') ?? [],
    },
  };
}

/** Settings first, then the project's `.crosswalk.yaml` over them (shared with the language server). */
export { mergeConfig } from '../core/merge-config';

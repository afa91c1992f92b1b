/**
 * The composition root: Crosswalk's built-in rules and data, handed to the engine that knows
 * none of them (src/core). The library (src/index.ts), the CLI and the extension all check drafts
 * with this one engine. A new rule is added to src/rules/index.ts; new data to data/.
 */
import audienceData from '../data/audiences.yaml';
import { AudienceCatalog, audiencesFromData } from './core/audience';
import { builtinEntries, builtinSources } from './core/builtin-glossary';
import { createEngine, type Engine } from './core/engine';
import type { EngineParts } from './core/linter';
import { RULES } from './rules';

/** data/audiences.yaml; test/unit/audiences-data.test.ts checks it against its schema. */
export const BUILTIN_AUDIENCES = new AudienceCatalog(audiencesFromData(audienceData).audiences);

export const BUILTIN_PARTS: EngineParts = {
  rules: RULES,
  audiences: BUILTIN_AUDIENCES,
  glossary: { entries: builtinEntries(), sources: builtinSources() },
};

export const builtinEngine: Engine = createEngine(BUILTIN_PARTS);

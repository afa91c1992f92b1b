import type { AudienceCatalog } from './audience';
import type { CrosswalkConfig, ReadabilityTarget } from './types';

/**
 * Readability targets from editor settings, the same for the extension (src/extension/settings.ts)
 * and the language server (src/server/settings.ts): the settings UI's number fields
 * `crosswalk.readabilityGrade.<audience>` (a US school grade, as plain-language guidance states
 * targets, and as `.crosswalk.yaml` takes `grade:`) and the older object setting
 * `crosswalk.readability` (`{ clinical: { age, threshold, minWords } }`), which keeps working.
 * Built-in audiences only: team audiences and their targets belong in `.crosswalk.yaml`.
 *
 * A grade field applies when the user set it (`explicit`, which VS Code's `inspect` tells), or,
 * where that cannot be known (a client sends defaults and values alike), when it differs from the
 * audience's built-in grade: a default then never overrides an age set in the object setting.
 */
export function targetsFromSettings(
  readability: unknown,
  grades: unknown,
  audiences: AudienceCatalog,
  explicit?: (audience: string) => boolean,
): NonNullable<CrosswalkConfig['audiences']> {
  const out: NonNullable<CrosswalkConfig['audiences']> = {};
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(readability)) {
    for (const [audience, target] of Object.entries(readability)) {
      if (audiences.get(audience) && isObject(target)) out[audience] = { readability: target as Partial<ReadabilityTarget> };
    }
  }
  if (isObject(grades)) {
    for (const [audience, grade] of Object.entries(grades)) {
      const def = audiences.get(audience);
      if (!def || def.extends || typeof grade !== 'number' || !Number.isFinite(grade) || grade <= 0) continue;
      const builtInGrade = def.limits.readability.age - 5;
      const set = explicit ? explicit(audience) : grade !== builtInGrade;
      if (!set) continue;
      // Reader age is grade plus 5, as `.crosswalk.yaml`'s `grade:` reads (src/core/config.ts).
      out[audience] = { ...out[audience], readability: { ...out[audience]?.readability, age: grade + 5 } };
    }
  }
  return out;
}

import { LineIndex } from './positions';
import type { Range } from './types';

/**
 * Where a setting stands in a `settings.json` text (JSON with comments), for a finding about it:
 * the value's string when one is named and found after the key (`"../outside/file"` in
 * `"crosswalk.glossaries": [...]`), else the key, else line 1. A plain search, not a parse: a
 * file the editor's own JSON parser reads may have comments and trailing commas, and a finding
 * placed at the key is still right when the value is spelled another way (escapes).
 */
export function settingRange(text: string, key: string, value?: string): Range {
  const index = new LineIndex(text);
  const keyAt = text.indexOf(JSON.stringify(key));
  if (keyAt === -1) return index.range(0, 0);
  if (value !== undefined) {
    const quoted = JSON.stringify(value);
    const valueAt = text.indexOf(quoted, keyAt);
    // The value belongs to this key when no other key stands between them (a `"key":` after it).
    if (valueAt !== -1 && !/"\s*:/.test(text.slice(keyAt + key.length + 2, valueAt).replace(/^\s*:/, ''))) {
      return index.range(valueAt, valueAt + quoted.length);
    }
  }
  return index.range(keyAt, keyAt + key.length + 2);
}

import type * as Core from '../index';

let core: typeof Core | undefined;

/**
 * The engine is dist/core.js, loaded on first use rather than bundled into dist/extension.js:
 * activation then costs only the adapters, and the CLI, the library and the extension run
 * the very same engine file.
 */
export function engine(): typeof Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose, see above
  core ??= require('./core.js') as typeof Core;
  return core;
}

export type { Core };

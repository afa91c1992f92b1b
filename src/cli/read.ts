import * as fs from 'node:fs';

/**
 * How the CLI reads drafts, configs and glossaries: regular files only, with a size limit, so
 * that a FIFO, `/dev/zero` or a folder named as a glossary or draft is refused with a message
 * instead of blocking or filling memory. The file is opened non-blocking and checked with fstat
 * on the open descriptor, so a file swapped for a FIFO after a stat cannot block the read.
 */
export const READ_LIMITS = {
  /** A draft larger than this is refused (the editor skips drafts above 1 MB by default). */
  draftBytes: 5_000_000,
  /** Config and team glossaries: a 100,000-term glossary is about 20 MB. */
  yamlBytes: 50_000_000,
};

const megabytes = (bytes: number) => `${Math.round(bytes / 100_000) / 10} MB`;

export class ReadError extends Error {}

export async function readTextFile(file: string, maxBytes: number): Promise<string> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new ReadError(`${file} is a folder, not a file`);
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new ReadError(`${file} is a folder, not a file`);
    if (!stat.isFile()) throw new ReadError(`${file} is not a regular file (a pipe, device or socket); Crosswalk reads regular files only`);
    if (stat.size > maxBytes) throw new ReadError(`${file} is ${megabytes(stat.size)}, more than the ${megabytes(maxBytes)} Crosswalk reads`);
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new ReadError(`${file} grew past the ${megabytes(maxBytes)} Crosswalk reads`);
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** For config discovery: undefined when the file is not there; any other failure names the path. */
export async function readIfExists(file: string, maxBytes = READ_LIMITS.yamlBytes): Promise<string | undefined> {
  try {
    return await readTextFile(file, maxBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (error instanceof ReadError) throw error;
    throw new ReadError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

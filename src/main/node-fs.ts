/**
 * The small file-system port the main-process modules use (settings, window bounds, policy), and
 * its Node implementation. Writes go to a temporary file first and are renamed into place, so a
 * crash or power cut leaves the old file or the new one, never half of one.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type FsPort = {
  /** The file's text, or null when it does not exist; other failures throw (with their `code`). */
  readText(filePath: string): Promise<string | null>;
  /** Replaces the file's contents as a whole, creating its folder when needed. */
  writeTextAtomic(filePath: string, text: string): Promise<void>;
  /** The same, synchronously: for the last write while the app quits, which does not wait for promises. */
  writeTextAtomicSync(filePath: string, text: string): void;
};

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

export const nodeFs: FsPort = {
  async readText(filePath) {
    try {
      return await readFile(filePath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  },
  async writeTextAtomic(filePath, text) {
    await mkdir(path.dirname(filePath), { recursive: true });
    const temporary = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporary, text, { encoding: 'utf8', flush: true });
    await rename(temporary, filePath);
  },
  writeTextAtomicSync(filePath, text) {
    mkdirSync(path.dirname(filePath), { recursive: true });
    const temporary = `${filePath}.${process.pid}.tmp`;
    writeFileSync(temporary, text, { encoding: 'utf8', flush: true });
    renameSync(temporary, filePath);
  },
};

/** The names in a folder, or null when it does not exist (the letter templates' folder is optional). */
export async function listFolder(dir: string): Promise<string[] | null> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

export { errorCode };

/** The journal's file operations on the real file system, each write fsynced (see journal.ts). */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { JournalFiles } from './journal.ts';

async function syncFolder(folder: string): Promise<void> {
  // Makes a rename durable on POSIX; Windows does not open folders, and does not need it.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeJournalFiles: JournalFiles = {
  async read(file) {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async append(file, text) {
    const handle = await open(file, 'a', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async replace(file, text) {
    const temporary = `${file}.${process.pid}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    await syncFolder(path.dirname(file));
  },
  async mkdir(folder) {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  },
};

/**
 * The outbox journal in browser mode: the same file format as main's (src/shared/journal/
 * journal-log.ts), in the Origin Private File System, which survives the loss of the origin's
 * IndexedDB. Both windows write it, so every change is made under a Web Lock: read the file,
 * decide, write it back (a writable stream commits atomically when it is closed).
 */
import {
  acknowledgements,
  additions,
  compact,
  replay,
  keyWrapBackupSchema,
  wantsCompaction,
  type JournalEntry,
  type KeyWrapBackup,
} from '../../shared/journal/journal-log.ts';

const fileName = (userId: string) => `eakte-outbox-journal-${userId}.jsonl`;

async function fileOf(userId: string): Promise<FileSystemFileHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getFileHandle(fileName(userId), { create: true });
}

function locked<T>(userId: string, run: () => Promise<T>): Promise<T> {
  return navigator.locks.request(`eakte-journal-${userId}`, run);
}

async function write(handle: FileSystemFileHandle, text: string, append: boolean): Promise<void> {
  const stream = await handle.createWritable({ keepExistingData: append });
  try {
    if (append) await stream.seek((await handle.getFile()).size);
    await stream.write(text);
  } finally {
    await stream.close();
  }
}

export const browserJournal = {
  append: (userId: string, entries: readonly JournalEntry[]): Promise<void> =>
    locked(userId, async () => {
      const handle = await fileOf(userId);
      const state = replay(await (await handle.getFile()).text());
      if (state.broken) {
        await write(handle, compact(state), false);
      }
      const text = additions(state, entries);
      if (text) await write(handle, text, true);
    }),

  acknowledge: (userId: string, ids: readonly string[]): Promise<void> =>
    locked(userId, async () => {
      const handle = await fileOf(userId);
      const state = replay(await (await handle.getFile()).text());
      const text = acknowledgements(state, ids);
      if (!text && !state.broken) return;
      if (wantsCompaction(state)) await write(handle, compact(state), false);
      else await write(handle, text, true);
    }),

  saveKeyWrap: (userId: string, wrap: KeyWrapBackup): Promise<void> =>
    locked(userId, async () => {
      const root = await navigator.storage.getDirectory();
      const handle = await root.getFileHandle(`eakte-outbox-journal-${userId}.key.json`, { create: true });
      await write(handle, JSON.stringify(wrap), false);
    }),

  readKeyWrap: (userId: string): Promise<KeyWrapBackup | null> =>
    locked(userId, async () => {
      const root = await navigator.storage.getDirectory();
      try {
        const handle = await root.getFileHandle(`eakte-outbox-journal-${userId}.key.json`);
        const parsed = keyWrapBackupSchema.safeParse(JSON.parse(await (await handle.getFile()).text()));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    }),

  read: (userId: string): Promise<JournalEntry[]> =>
    locked(userId, async () => {
      const handle = await fileOf(userId);
      return [...replay(await (await handle.getFile()).text()).entries.values()];
    }),
};

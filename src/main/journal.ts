/**
 * The outbox journal in the main process: one file per user in the user-data folder that every
 * outbox entry is also appended to (sealed by the renderer; main never sees plain text), so that
 * what a case worker typed survives the loss of the renderer's IndexedDB — Chromium resets an
 * origin's database after disk-full or corruption. Appends are fsynced before they are answered;
 * acknowledged entries are compacted away by writing a new file and renaming it over the old one.
 * The file format is shared with browser mode (src/shared/journal/journal-log.ts).
 */
import {
  acknowledgements,
  additions,
  compact,
  journalIdSchema,
  keyWrapBackupSchema,
  replay,
  wantsCompaction,
  type JournalEntry,
  type JournalState,
  type KeyWrapBackup,
} from '../shared/journal/journal-log.ts';
import type { Logger } from './logger.ts';

/** The file operations the journal needs; `nodeJournalFiles` gives the real ones. */
export type JournalFiles = {
  /** The file's text, or null when it does not exist. */
  read(path: string): Promise<string | null>;
  /** Appends and fsyncs. */
  append(path: string, text: string): Promise<void>;
  /** Writes a new file beside, fsyncs it, renames it over `path` and fsyncs the folder. */
  replace(path: string, text: string): Promise<void>;
  mkdir(path: string): Promise<void>;
};

export type Journal = {
  append(userId: string, entries: readonly JournalEntry[]): Promise<void>;
  acknowledge(userId: string, ids: readonly string[]): Promise<void>;
  read(userId: string): Promise<JournalEntry[]>;
  saveKeyWrap(userId: string, wrap: KeyWrapBackup): Promise<void>;
  readKeyWrap(userId: string): Promise<KeyWrapBackup | null>;
};

export class JournalUserError extends Error {
  readonly code = 'journal-user';
  constructor() {
    super('journal user id is not a plain id');
    this.name = 'JournalUserError';
  }
}

export function createJournal({
  dir,
  files,
  join,
  logger,
}: {
  dir: string;
  files: JournalFiles;
  join: (...parts: string[]) => string;
  logger: Logger;
}): Journal {
  const states = new Map<string, Promise<JournalState>>();
  const queues = new Map<string, Promise<unknown>>();

  const pathOf = (userId: string): string => {
    // The id names a file: only the id alphabet, never a path.
    if (!journalIdSchema.safeParse(userId).success) throw new JournalUserError();
    return join(dir, `outbox-${userId}.jsonl`);
  };

  /**
   * One operation at a time per user, in the order they were asked for. After a failed write the
   * state in memory may be ahead of the file: it is read again from the file next time.
   */
  function serial<T>(userId: string, run: () => Promise<T>): Promise<T> {
    const before = queues.get(userId) ?? Promise.resolve();
    const guarded = async (): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        states.delete(userId);
        throw error;
      }
    };
    const next = before.then(guarded, guarded);
    queues.set(
      userId,
      next.catch(() => undefined),
    );
    return next;
  }

  async function load(userId: string): Promise<JournalState> {
    let state = states.get(userId);
    if (!state) {
      state = (async () => {
        await files.mkdir(dir);
        const replayed = replay((await files.read(pathOf(userId))) ?? '');
        if (replayed.broken) {
          // A torn last line would swallow the next append: start a clean file first.
          logger.warn('journal had lines that do not parse; rewritten without them', { broken: replayed.broken });
          await files.replace(pathOf(userId), compact(replayed));
        }
        return replayed;
      })();
      states.set(userId, state);
      state.catch(() => states.delete(userId));
    }
    return state;
  }

  return {
    append: (userId, entries) =>
      serial(userId, async () => {
        const state = await load(userId);
        const text = additions(state, entries);
        if (text) await files.append(pathOf(userId), text);
      }),

    acknowledge: (userId, ids) =>
      serial(userId, async () => {
        const state = await load(userId);
        const text = acknowledgements(state, ids);
        if (!text) return;
        if (wantsCompaction(state)) await files.replace(pathOf(userId), compact(state));
        else await files.append(pathOf(userId), text);
      }),

    read: (userId) => serial(userId, async () => [...(await load(userId)).entries.values()]),

    saveKeyWrap: (userId, wrap) =>
      serial(userId, async () => {
        const file = pathOf(userId).replace(/\.jsonl$/, '.key.json');
        await files.mkdir(dir);
        await files.replace(file, JSON.stringify(keyWrapBackupSchema.parse(wrap)));
      }),

    readKeyWrap: (userId) =>
      serial(userId, async () => {
        const text = await files.read(pathOf(userId).replace(/\.jsonl$/, '.key.json'));
        if (!text) return null;
        try {
          const parsed = keyWrapBackupSchema.safeParse(JSON.parse(text));
          return parsed.success ? parsed.data : null;
        } catch {
          return null;
        }
      }),
  };
}

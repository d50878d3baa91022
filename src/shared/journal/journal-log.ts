/**
 * The outbox journal's file format, shared by main (a file in the user-data folder) and browser
 * mode (the Origin Private File System): one JSON object per line, `add` with an entry sealed by
 * the renderer under the cache key, or `ack` when the service has it. Replaying the lines gives
 * the entries that are still owed. A torn last line (the machine went down while writing) and
 * anything else that does not parse are skipped, never fatal. Acknowledgements are kept for a
 * while after compaction, so that an `add` arriving late from another window does not bring back
 * an entry that was already delivered.
 */
import { z } from 'zod';
import { base64Pattern } from '../util/base64.ts';

/** Largest sealed entry (a letter's PDF travels in one). */
export const MAX_JOURNAL_ENTRY_CHARS = 32 * 1024 * 1024;

export const journalIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

export const journalEntrySchema = z.strictObject({
  id: journalIdSchema,
  sealed: z.string().max(MAX_JOURNAL_ENTRY_CHARS).regex(base64Pattern),
  /**
   * How far the entry has come (0: it still waits for the version of an earlier change; 1: it
   * knows the version it builds on). A copy of lower rank never replaces one of higher rank, so a
   * window that saw the entry a moment earlier cannot set the journal back.
   */
  rank: z.number().int().min(0).max(9).optional(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** The wrapped cache key as kept beside the journal: no name, nothing that opens without the password. */
export const keyWrapBackupSchema = z.strictObject({
  keyWrap: z.string().min(1).max(65536),
  deviceSealed: z.boolean(),
});
export type KeyWrapBackup = z.infer<typeof keyWrapBackupSchema>;

const lineSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), ...journalEntrySchema.shape }),
  z.strictObject({ op: z.literal('ack'), id: journalIdSchema }),
]);

/** Acknowledgements kept through a compaction (see the module comment). */
export const KEPT_ACKS = 1000;

export type JournalState = {
  /** Entries added and not acknowledged, in the order they were added. */
  readonly entries: Map<string, JournalEntry>;
  /** Acknowledged ids, oldest first. */
  readonly acked: Set<string>;
  /** Lines in the file, how many of them did not parse, and how many carry an acknowledged entry. */
  lines: number;
  broken: number;
  dead: number;
};

export function emptyJournal(): JournalState {
  return { entries: new Map(), acked: new Set(), lines: 0, broken: 0, dead: 0 };
}

export const addLine = (entry: JournalEntry): string => `${JSON.stringify({ op: 'add', ...entry })}\n`;
export const ackLine = (id: string): string => `${JSON.stringify({ op: 'ack', id })}\n`;

/** Applies one line to the state; answers false when the line does not parse. */
function apply(state: JournalState, line: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return false;
  }
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) return false;
  const { op, id } = parsed.data;
  if (op === 'ack') {
    if (state.entries.delete(id)) state.dead++;
    state.acked.delete(id);
    state.acked.add(id);
  } else if (!state.acked.has(id)) {
    // A later line for the same entry replaces it, unless it is of a lower rank.
    const { op: _op, ...entry } = parsed.data;
    const before = state.entries.get(id);
    if (before && (before.rank ?? 0) > (entry.rank ?? 0)) state.dead++;
    else {
      if (before) state.dead++;
      state.entries.set(id, entry);
    }
  }
  return true;
}

export function replay(text: string): JournalState {
  const state = emptyJournal();
  const lines = text.split('\n');
  // A file that ends in the middle of a line was cut short while it was written.
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    state.lines++;
    if (!apply(state, line)) state.broken++;
  }
  return state;
}

/**
 * The lines to append for new or changed entries; an entry the journal holds unchanged, and one
 * already delivered, are left out.
 */
export function additions(state: JournalState, entries: readonly JournalEntry[]): string {
  let text = '';
  for (const entry of entries) {
    const before = state.entries.get(entry.id);
    if (state.acked.has(entry.id) || before?.sealed === entry.sealed) continue;
    if (before && (before.rank ?? 0) >= (entry.rank ?? 0)) continue;
    if (before) state.dead++;
    state.entries.set(entry.id, entry);
    state.lines++;
    text += addLine(entry);
  }
  return text;
}

export function acknowledgements(state: JournalState, ids: readonly string[]): string {
  let text = '';
  for (const id of ids) {
    if (state.acked.has(id)) continue;
    if (state.entries.delete(id)) state.dead++;
    state.acked.add(id);
    state.lines++;
    text += ackLine(id);
  }
  return text;
}

/**
 * True when the file holds more delivered entries than owed ones (their sealed bytes are the
 * weight), when the acknowledgements alone grow long, or when it holds broken lines.
 */
export function wantsCompaction(state: JournalState): boolean {
  return (
    state.broken > 0 ||
    (state.dead > 32 && state.dead > state.entries.size) ||
    state.lines > 4 * (state.entries.size + KEPT_ACKS)
  );
}

/** The file's content after compaction; the state is updated to match it. */
export function compact(state: JournalState): string {
  const keptAcks = [...state.acked].slice(-KEPT_ACKS);
  state.acked.clear();
  for (const id of keptAcks) state.acked.add(id);
  state.lines = state.entries.size + keptAcks.length;
  state.broken = 0;
  state.dead = 0;
  return [...keptAcks.map(ackLine), ...[...state.entries.values()].map(addLine)].join('');
}

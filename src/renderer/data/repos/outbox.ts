/**
 * The outbox: everything made on this device that the central service must receive — changes,
 * audit events, letters — in the order it was made. An entry is always written in the same
 * read-write transaction as the local change it carries (see `enqueue` and its callers), so
 * nothing typed is lost between the two. This module owns the table: sealing entries, the one
 * query for "entities with undelivered changes", the counts, and what the user may do with an
 * entry the service did not take (resend, take the service's version, discard).
 */
import { z } from 'zod';
import { putChangeSchema } from '../../../shared/api/changes.ts';
import { letterMetaSchema, type LetterMeta } from '../../../shared/api/letters.ts';
import { mutationSchema, type Mutation } from '../../../shared/api/mutations.ts';
import { auditEventSchema, type AuditEvent } from '../../../shared/domain/audit.ts';
import type { problemSchema } from '../../../shared/api/problem.ts';
import { base64Pattern, bytesToBase64 } from '../../../shared/util/base64.ts';
import { isoNow, type Clock } from '../../../shared/util/clock.ts';
import type { CacheCipher } from '../crypto/cipher.ts';
import type { CacheDb } from '../db.ts';
import type { OutboxError, OutboxKind, OutboxRecord, OutboxStatus, SealedEntityRecord } from '../records.ts';
import { recordOf } from './entity-records.ts';
import { writeState } from './sync-state.ts';

export function newEntryId(): string {
  return crypto.randomUUID();
}

/** What the panel shows of an entry whose case may be gone from the device by then. */
export const outboxLabelSchema = z.strictObject({ bgNumber: z.string().max(20).optional() });
export type OutboxLabel = z.infer<typeof outboxLabelSchema>;

/**
 * Largest letter PDF the outbox takes. The journal keeps an entry base64-encoded twice over (the
 * payload, then the sealed record), and an entry may not exceed 32 MiB of text there; a letter
 * made by the client is about 40 KB a page.
 */
export const MAX_QUEUED_LETTER_BYTES = 8 * 1024 * 1024;

export const outboxPayloadSchema = z.discriminatedUnion('kind', [
  // The mutation is sealed without `baseVersion`, which lives in the clear beside it (see records.ts).
  z.strictObject({ kind: z.literal('mutation'), mutation: mutationSchema, label: outboxLabelSchema }),
  z.strictObject({ kind: z.literal('audit'), event: auditEventSchema, label: outboxLabelSchema }),
  z.strictObject({
    kind: z.literal('letter'),
    meta: letterMetaSchema,
    /** The PDF exactly as the case worker previewed it, base64. */
    pdf: z
      .string()
      .max(Math.ceil(MAX_QUEUED_LETTER_BYTES / 3) * 4)
      .regex(base64Pattern),
    /** The recipient's name, for the panel: "Schreiben „…“ an …". */
    recipient: z.string().min(1).max(201),
    label: outboxLabelSchema,
  }),
]);
export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;

/** Where a mutation's entity lives locally. */
export const ENTITY_TABLE = {
  annotation: 'annotations',
  note: 'notes',
  followUp: 'followUps',
  document: 'documents',
} as const satisfies Record<Mutation['entity'], string>;

/** How many days before the purge of undeliverable entries the user is told. */
export const PURGE_NOTICE_DAYS = 3;

/** Which entries hold back later ones of their case and keep their entity from being overwritten. */
export const UNDELIVERED: readonly OutboxStatus[] = ['pending', 'conflict', 'rejected'];

const binding = (id: string) => `outbox/${id}`;

export function sealPayload(cipher: CacheCipher, id: string, payload: OutboxPayload): Promise<Uint8Array<ArrayBuffer>> {
  return cipher.sealJson(payload, binding(id));
}

export function openPayload(cipher: CacheCipher, record: OutboxRecord): Promise<OutboxPayload> {
  return cipher.openJson(record.sealed, binding(record.id), outboxPayloadSchema);
}

const serverBinding = (id: string) => `outbox/${id}/server`;

export function openServerVersion(cipher: CacheCipher, record: OutboxRecord): Promise<unknown> {
  if (!record.sealedServer) return Promise.resolve(null);
  return cipher.openJson(record.sealedServer, serverBinding(record.id), z.unknown());
}

export function sealServerVersion(cipher: CacheCipher, id: string, current: unknown): Promise<Uint8Array<ArrayBuffer>> {
  return cipher.sealJson(current, serverBinding(id));
}

/** A change, sealed into its entry; to be passed to `enqueue` inside the caller's transaction. */
export async function mutationEntry(
  cipher: CacheCipher,
  mutation: Mutation,
  { clock, label }: { clock: Clock; label: OutboxLabel },
): Promise<OutboxRecord> {
  const { baseVersion, ...queued } = mutation;
  return {
    id: mutation.id,
    kind: 'mutation',
    caseId: mutation.caseId,
    entity: mutation.entity,
    entityId: mutation.data.id,
    op: mutation.op,
    ...(baseVersion !== undefined ? { baseVersion } : {}),
    createdAt: isoNow(clock),
    attempts: 0,
    status: 'pending',
    sealed: await sealPayload(cipher, mutation.id, { kind: 'mutation', mutation: queued as Mutation, label }),
  };
}

/** A letter for `POST /letters`, sealed into its entry; the letter id is its idempotency key. */
export async function letterEntry(
  cipher: CacheCipher,
  letter: { meta: LetterMeta; pdf: Uint8Array; recipient: string },
  { clock, label }: { clock: Clock; label: OutboxLabel },
): Promise<OutboxRecord> {
  const { meta } = letter;
  return {
    id: meta.id,
    kind: 'letter',
    caseId: meta.caseId,
    entity: 'letter',
    entityId: meta.id,
    op: 'put',
    createdAt: isoNow(clock),
    attempts: 0,
    status: 'pending',
    sealed: await sealPayload(cipher, meta.id, {
      kind: 'letter',
      meta,
      pdf: bytesToBase64(letter.pdf),
      recipient: letter.recipient,
      label,
    }),
  };
}

export async function auditEntry(cipher: CacheCipher, event: AuditEvent, label: OutboxLabel): Promise<OutboxRecord> {
  return {
    id: event.id,
    kind: 'audit',
    caseId: event.caseId,
    createdAt: event.at,
    attempts: 0,
    status: 'pending',
    sealed: await sealPayload(cipher, event.id, { kind: 'audit', event, label }),
  };
}

/**
 * Adds an entry; call inside a read-write transaction that includes the outbox. A change to an
 * entity that still has an undelivered entry builds on the version that entry will get, so its
 * base version is set when that one is applied (documents' inbox status is last-writer-wins and
 * never waits).
 */
export async function enqueue(db: CacheDb, entry: OutboxRecord): Promise<void> {
  if (entry.kind === 'mutation' && entry.entity !== 'document' && entry.entityId) {
    const earlier = await db.outbox
      .where('entityId')
      .equals(entry.entityId)
      .filter((e) => e.kind === 'mutation' && UNDELIVERED.includes(e.status))
      .count();
    if (earlier > 0) {
      const { baseVersion: _known, ...rest } = entry;
      await db.outbox.add({ ...rest, chained: 1 });
      return;
    }
  }
  await db.outbox.add(entry);
}

/**
 * Ids of entities with undelivered changes: a pull or sweep must not overwrite or drop them. A
 * letter counts too: its local record stays `queued` until its own delivery says what became of it.
 */
export async function undeliveredEntityIds(db: CacheDb): Promise<Set<string>> {
  const entries = await db.outbox
    .where('status')
    .anyOf([...UNDELIVERED])
    .toArray();
  return new Set(entries.flatMap((e) => (e.kind !== 'audit' && e.entityId ? [e.entityId] : [])));
}

export type OutboxCounts = {
  /** Changes and letters waiting for delivery. */
  pending: number;
  rejected: number;
  conflict: number;
  undeliverable: number;
  /** Audit events waiting for delivery. */
  auditPending: number;
};

export async function outboxCounts(db: CacheDb): Promise<OutboxCounts> {
  const counts: OutboxCounts = { pending: 0, rejected: 0, conflict: 0, undeliverable: 0, auditPending: 0 };
  await db.outbox.each((entry) => {
    if (entry.kind === 'audit') {
      if (entry.status === 'pending') counts.auditPending++;
    } else counts[entry.status]++;
  });
  return counts;
}

/** Marks a revoked case's entries undeliverable (inside the purge's transaction); audit events still go. */
export async function markCaseUndeliverable(db: CacheDb, caseId: string, at: string): Promise<void> {
  await db.outbox
    .where('caseId')
    .equals(caseId)
    .modify((entry) => {
      if (entry.kind === 'audit' || entry.status === 'undeliverable') return;
      entry.status = 'undeliverable';
      entry.undeliverableSince = at;
      entry.lastError = { code: 'case-revoked' };
    });
}

/** An entry as the panel shows it: what it is, its case, its state and what went wrong last. */
export type OutboxItem = {
  readonly seq: number;
  readonly id: string;
  readonly kind: OutboxKind;
  readonly caseId: string;
  readonly bgNumber: string | undefined;
  readonly entity: string | undefined;
  readonly op: OutboxRecord['op'];
  readonly status: OutboxStatus;
  /** Waits for the user's decision on an earlier entry of its case. */
  readonly blocked: boolean;
  readonly createdAt: string;
  readonly attempts: number;
  readonly lastError: OutboxError | undefined;
  readonly undeliverableSince: string | undefined;
  readonly payload: OutboxPayload;
  /** With a conflict: the service's version (null when it no longer exists there). */
  readonly server: unknown;
};

/** The service's problem as the entry keeps it: its type, status and (German) detail, for the panel. */
export function rejectionOf(problem: z.infer<typeof problemSchema>): OutboxError {
  // The day a destroyed paper original was kept until, so that the panel can say it in any language.
  const until = problem['originalRetainedUntil'];
  return {
    code: 'rejected',
    params: {
      type: problem.type,
      status: problem.status,
      ...(problem.detail ? { detail: problem.detail } : {}),
      ...(typeof until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(until) ? { originalRetainedUntil: until } : {}),
    },
  };
}

export function createOutboxRepo(db: CacheDb, cipher: CacheCipher, clock: Clock) {
  /** Entries of the same entity from `seq` on: a decision on one entry applies to the later ones too. */
  async function sameEntityFrom(entry: OutboxRecord): Promise<OutboxRecord[]> {
    if (entry.kind !== 'mutation' || !entry.entityId) return [entry];
    const all = await db.outbox.where('entityId').equals(entry.entityId).sortBy('seq');
    return all.filter((e) => e.kind === 'mutation' && (e.seq ?? 0) >= (entry.seq ?? 0) && e.status !== 'undeliverable');
  }

  async function get(seq: number): Promise<OutboxRecord> {
    const entry = await db.outbox.get(seq);
    if (!entry) throw new OutboxEntryGoneError();
    return entry;
  }

  /** The entry again under a new idempotency id: a changed payload must not reuse the old one. */
  async function reissued(
    entry: OutboxRecord,
    mutation: Mutation,
    baseVersion: number | undefined,
  ): Promise<OutboxRecord> {
    const id = newEntryId();
    const payload = await openPayload(cipher, entry);
    const { baseVersion: _old, sealedServer: _server, lastError: _error, chained: _chained, ...rest } = entry;
    return {
      ...rest,
      id,
      status: 'pending',
      attempts: 0,
      ...(baseVersion !== undefined ? { baseVersion } : {}),
      sealed: await sealPayload(cipher, id, {
        kind: 'mutation',
        mutation: { ...mutation, id } as Mutation,
        label: payload.label,
      }),
    };
  }

  /** A letter the service never took: its entry and its local record (still `queued`) go. */
  async function discardLetter(entry: OutboxRecord, audit: OutboxRecord): Promise<void> {
    await db.transaction('rw', [db.outbox, db.letters], async () => {
      const still = await db.outbox.get(entry.seq);
      if (!still || still.id !== entry.id) throw new OutboxEntryGoneError();
      const local = await db.letters.get(entry.entityId ?? entry.id);
      if (local?.status === 'queued') await db.letters.delete(local.id);
      await db.outbox.delete(entry.seq);
      await db.outbox.add(audit);
    });
  }

  return {
    /** Every entry in order, opened for the panel; every Dexie read first so liveQuery tracks them. */
    async list(): Promise<OutboxItem[]> {
      const entries = await db.outbox.orderBy('seq').toArray();
      const blockedCases = new Set<string>();
      const items: OutboxItem[] = [];
      for (const entry of entries) {
        const [payload, server] = await Promise.all([openPayload(cipher, entry), openServerVersion(cipher, entry)]);
        const blocked = entry.status === 'pending' && entry.kind !== 'audit' && blockedCases.has(entry.caseId);
        if (entry.kind !== 'audit' && (entry.status === 'conflict' || entry.status === 'rejected'))
          blockedCases.add(entry.caseId);
        items.push({
          seq: entry.seq!,
          id: entry.id,
          kind: entry.kind,
          caseId: entry.caseId,
          bgNumber: payload.label.bgNumber,
          entity: entry.entity,
          op: entry.op,
          status: entry.status,
          blocked,
          createdAt: entry.createdAt,
          attempts: entry.attempts,
          lastError: entry.lastError,
          undeliverableSince: entry.undeliverableSince,
          payload,
          server,
        });
      }
      return items;
    },

    counts: () => outboxCounts(db),
    undeliveredEntityIds: () => undeliveredEntityIds(db),

    /** Delivery state of each entity with an entry: what the lists mark as "not yet sent". */
    async stateByEntity(caseId?: string): Promise<Map<string, OutboxStatus>> {
      const entries = await (caseId ? db.outbox.where('caseId').equals(caseId) : db.outbox.toCollection()).toArray();
      const rank: Record<OutboxStatus, number> = { pending: 0, conflict: 1, rejected: 2, undeliverable: 3 };
      const states = new Map<string, OutboxStatus>();
      for (const e of entries) {
        if (e.kind === 'audit' || !e.entityId) continue;
        const before = states.get(e.entityId);
        if (!before || rank[e.status] > rank[before]) states.set(e.entityId, e.status);
      }
      return states;
    },

    /**
     * Conflict, "send mine again": the entry (and later ones of the same entity) builds on the
     * service's current version, under a new idempotency id.
     */
    async resendMine(seq: number): Promise<void> {
      const entry = await get(seq);
      if (entry.status !== 'conflict') throw new OutboxEntryGoneError();
      const payload = await openPayload(cipher, entry);
      if (payload.kind !== 'mutation') throw new OutboxEntryGoneError();
      const current = (await openServerVersion(cipher, entry)) as { version?: number } | null;
      const mutation = payload.mutation;
      if (!current && mutation.op === 'delete') {
        // Mine was a deletion, and the service no longer has it either: nothing left to send.
        await db.outbox.delete(seq);
        return;
      }
      const replacement = await reissued(entry, mutation, current?.version);
      await db.transaction('rw', db.outbox, async () => {
        const still = await db.outbox.get(seq);
        if (!still || still.id !== entry.id) throw new OutboxEntryGoneError();
        await db.outbox.put({ ...replacement, seq });
      });
    },

    /**
     * Conflict, "take the service's version": the local entity becomes the service's (or goes,
     * when the service no longer has it), and this entry and later ones of the same entity are
     * dropped.
     */
    async takeServers(seq: number): Promise<void> {
      const entry = await get(seq);
      if (entry.status !== 'conflict' || !entry.entity || !entry.entityId) throw new OutboxEntryGoneError();
      const current = await openServerVersion(cipher, entry);
      const change = current
        ? putChangeSchema.safeParse({
            entity: entry.entity,
            op: 'put',
            id: entry.entityId,
            caseId: entry.caseId,
            version: (current as { version?: unknown }).version,
            data: current,
          })
        : null;
      if (change && !change.success) throw new OutboxEntryGoneError();
      const record = change?.success ? await recordOf(cipher, change.data) : null;
      const drop = await sameEntityFrom(entry);
      const table = db.table<SealedEntityRecord, string>(ENTITY_TABLE[entry.entity as Mutation['entity']]);
      await db.transaction('rw', db.outbox, table, async () => {
        const still = await db.outbox.get(seq);
        if (!still || still.id !== entry.id) throw new OutboxEntryGoneError();
        const local = await table.get(entry.entityId!);
        if (record) await table.put({ ...record, ...(local?.epoch !== undefined ? { epoch: local.epoch } : {}) });
        else await table.delete(entry.entityId!);
        await db.outbox.bulkDelete(drop.map((e) => e.seq!));
      });
    },

    /**
     * Rejected (or conflict): sent again unchanged, or with the user's edit, under a new idempotency
     * id. A letter goes again as it is, under its own id: its bytes are what was previewed and filed
     * nowhere yet, and the id is the letter's identity.
     */
    async resend(seq: number, edited?: Mutation['data']): Promise<void> {
      const entry = await get(seq);
      if (entry.status !== 'rejected' && entry.status !== 'conflict') throw new OutboxEntryGoneError();
      if (entry.kind === 'letter') {
        if (edited) throw new OutboxEntryGoneError();
        await db.transaction('rw', db.outbox, async () => {
          const still = await db.outbox.get(seq);
          if (!still || still.id !== entry.id || still.status !== 'rejected') throw new OutboxEntryGoneError();
          const { lastError: _error, ...rest } = still;
          await db.outbox.put({ ...rest, status: 'pending' });
        });
        return;
      }
      const payload = await openPayload(cipher, entry);
      if (payload.kind !== 'mutation') throw new OutboxEntryGoneError();
      const mutation = { ...payload.mutation, ...(edited ? { data: edited } : {}) } as Mutation;
      const replacement = await reissued(entry, mutation, entry.baseVersion);
      await db.transaction('rw', db.outbox, async () => {
        const still = await db.outbox.get(seq);
        if (!still || still.id !== entry.id) throw new OutboxEntryGoneError();
        await db.outbox.put({ ...replacement, seq });
      });
    },

    /**
     * Discarded after the user confirmed: this entry and later ones of the same entity go, and
     * `audit` (the discard's own audit event) is queued in the same transaction. An entity this
     * device created and the service never had goes too; otherwise the next pull takes a full
     * snapshot, so that the local copy becomes the service's again.
     */
    async discard(seq: number, audit: OutboxRecord): Promise<void> {
      const entry = await get(seq);
      if (entry.kind === 'letter') return discardLetter(entry, audit);
      const drop = await sameEntityFrom(entry);
      const earlier =
        entry.entityId && entry.kind === 'mutation'
          ? (await db.outbox.where('entityId').equals(entry.entityId).toArray()).filter((e) => (e.seq ?? 0) < seq)
          : [];
      const onlyHere = entry.op === 'put' && entry.baseVersion === undefined && !entry.chained && !earlier.length;
      const table = entry.entity ? db.table(ENTITY_TABLE[entry.entity as Mutation['entity']]) : null;
      await db.transaction('rw', [db.outbox, db.syncState, ...(table ? [table] : [])], async () => {
        const still = await db.outbox.get(seq);
        if (!still || still.id !== entry.id) throw new OutboxEntryGoneError();
        if (table && onlyHere && entry.entity !== 'document') await table.delete(entry.entityId!);
        else if (entry.kind === 'mutation') await writeState(db, 'resnapshot', true);
        await db.outbox.bulkDelete(drop.map((e) => e.seq!));
        await db.outbox.add(audit);
      });
    },

    /**
     * Undeliverable entries that the retention period ends within the next few days: the user is
     * told how many and when the first of them goes.
     */
    async purgeNotice(retentionDays: number): Promise<{ count: number; at: string } | null> {
      const horizon = clock() + PURGE_NOTICE_DAYS * 86_400_000;
      let count = 0;
      let first = Infinity;
      await db.outbox
        .where('status')
        .equals('undeliverable')
        .each((e) => {
          const purgeAt = Date.parse(e.undeliverableSince ?? e.createdAt) + retentionDays * 86_400_000;
          if (purgeAt <= horizon) {
            count++;
            first = Math.min(first, purgeAt);
          }
        });
      return count ? { count, at: new Date(first).toISOString() } : null;
    },

    /** Entries of revoked cases past the retention period go; audit events are never purged here. */
    async purgeExpired(retentionDays: number): Promise<number> {
      const limit = new Date(clock() - retentionDays * 86_400_000).toISOString();
      return db.outbox
        .where('status')
        .equals('undeliverable')
        .filter((e) => (e.undeliverableSince ?? e.createdAt) < limit)
        .delete();
    },
  };
}
export type OutboxRepo = ReturnType<typeof createOutboxRepo>;

export class OutboxEntryGoneError extends Error {
  readonly code = 'outbox-entry-gone';
  constructor() {
    super('outbox entry changed or gone');
    this.name = 'OutboxEntryGoneError';
  }
}

/**
 * The cache database of one signed-in user. Every version declares the full schema; data
 * migrations live one per file in ./migrations and are never deleted.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import { SCHEMA_V1 } from './migrations/v1.ts';
import { SCHEMA_V2, upgradeToV2 } from './migrations/v2.ts';
import { SCHEMA_V3, upgradeToV3 } from './migrations/v3.ts';
import type {
  AnnotationRecord,
  CaseRecord,
  ContentChunkRecord,
  ContentRecord,
  DocumentRecord,
  FollowUpRecord,
  LetterRecord,
  NoteRecord,
  OutboxRecord,
  PersonRecord,
  SyncStateRecord,
} from './records.ts';

export class CacheDb extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>;
  persons!: EntityTable<PersonRecord, 'id'>;
  documents!: EntityTable<DocumentRecord, 'id'>;
  contents!: EntityTable<ContentRecord, 'documentId'>;
  contentChunks!: Table<ContentChunkRecord, [string, number]>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  notes!: EntityTable<NoteRecord, 'id'>;
  followUps!: EntityTable<FollowUpRecord, 'id'>;
  letters!: EntityTable<LetterRecord, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'seq'>;
  syncState!: EntityTable<SyncStateRecord, 'key'>;

  /**
   * `durability: 'strict'` for the connection that writes local changes and their outbox entries:
   * the browser reports such a transaction done only once it is on disk.
   */
  constructor(name: string, { durability = 'default' }: { durability?: 'default' | 'strict' } = {}) {
    super(name, { chromeTransactionDurability: durability });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
  }
}

export function cacheDbName(userId: string): string {
  return `eakte-cache-${userId}`;
}

/** The schema the current version declares (the benchmark's raw baseline builds the same stores). */
export const CURRENT_SCHEMA = SCHEMA_V3;

/** Tables that hold one case's data, purged together when the case leaves the user. */
export const CASE_TABLES = ['cases', 'persons', 'documents', 'annotations', 'notes', 'followUps', 'letters'] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

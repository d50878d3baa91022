/**
 * Version 1 of the cache schema: the full set of tables. `epoch` marks the snapshot a record was
 * last confirmed in, so a fresh snapshot can sweep what the server no longer has.
 */
export const SCHEMA_V1 = {
  cases: 'id, caseId, bgNumber, status, updatedAt, epoch',
  persons: 'id, caseId, epoch',
  documents: 'id, caseId, [caseId+receivedOn], status, receivedOn, type, epoch',
  contents: 'documentId, caseId, state, lastAccessAt, pinned',
  contentChunks: '[documentId+index], documentId',
  annotations: 'id, caseId, documentId, [documentId+page], epoch',
  notes: 'id, caseId, epoch',
  followUps: 'id, caseId, dueOn, epoch',
  letters: 'id, caseId, status, epoch',
  outbox: '++seq, &mutationId, caseId, entityId, status',
  syncState: 'key',
  audit: 'id, caseId, sent',
} as const;

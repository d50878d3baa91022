/** Version 1 of the cache schema: the full set of tables. */
export const SCHEMA_V1 = {
  cases: 'id, bgNumber, status, updatedAt',
  persons: 'id, caseId',
  documents: 'id, caseId, [caseId+receivedOn], status, receivedOn, type',
  contents: 'documentId, caseId, state, lastAccessAt, pinned',
  contentChunks: '[documentId+index], documentId',
  annotations: 'id, caseId, documentId, [documentId+page]',
  notes: 'id, caseId',
  followUps: 'id, caseId, dueOn',
  letters: 'id, caseId, status',
  outbox: '++seq, &mutationId, caseId, entityId, status',
  syncState: 'key',
  audit: 'id, caseId, sent',
} as const;

/**
 * UI intent between the two windows (which document is selected). Only intent travels here; the
 * data itself is shared through IndexedDB. Messages are validated, because any page of the origin
 * could post on the channel.
 */
import { z } from 'zod';
import { documentIdSchema, type DocumentId } from '../../shared/domain/ids.ts';

const CHANNEL_NAME = 'eakte-ui-intent';

const intentSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('select-document'),
    documentId: documentIdSchema,
    page: z.number().int().min(1).optional(),
  }),
]);
export type UiIntent = z.infer<typeof intentSchema>;

export type SelectionChannel = {
  selectDocument(documentId: DocumentId, page?: number): void;
  onIntent(listener: (intent: UiIntent) => void): () => void;
  close(): void;
};

export function openSelectionChannel(): SelectionChannel {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  const listeners = new Set<(intent: UiIntent) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = intentSchema.safeParse(event.data);
    if (parsed.success) for (const listener of listeners) listener(parsed.data);
  };
  return {
    selectDocument: (documentId, page) =>
      channel.postMessage({ type: 'select-document', documentId, ...(page ? { page } : {}) }),
    onIntent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}

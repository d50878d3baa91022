/**
 * Holds back a document view until the document's bytes are on this device: meanwhile the sync
 * engine fetches them first of all and the progress is shown. Documents without bookkeeping pass
 * through, so that the view itself can say what is wrong.
 */
import type { ReactNode } from 'react';
import { DocumentBytesPending } from './DocumentBytesPending.tsx';
import { useDocumentBytesStatus } from './use-document-bytes-status.ts';

export function DocumentBytesGate({ documentId, children }: { documentId: string; children: ReactNode }) {
  const status = useDocumentBytesStatus(documentId);
  if (status.kind === 'fetching') return <DocumentBytesPending status={status} />;
  return children;
}

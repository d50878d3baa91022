/**
 * Accepts a letter for dispatch: idempotent by letter id, stored as an outgoing document of the
 * case (so it appears in the change feed) plus a letter entity whose status the dispatcher walks,
 * and recorded for the case's audit trail in the same transaction.
 */
import { createHash } from 'node:crypto';
import type { LetterAccepted, LetterMeta } from '../../src/shared/api/letters.ts';
import { MAX_PAGES } from '../../src/shared/domain/document.ts';
import type { ServerContext } from '../context.ts';
import { notFound, ProblemError, problem, problemTypes } from '../http/problem.ts';
import { inTransaction } from '../store/database.ts';
import { payloadHash } from '../store/idempotency.ts';
import type { UserRecord } from '../store/users.ts';
import { countPdfPages, looksLikePdf } from './pdf-sniff.ts';

export type AcceptOutcome = { readonly result: LetterAccepted; readonly replayed: boolean };

export function acceptLetter(ctx: ServerContext, user: UserRecord, meta: LetterMeta, pdf: Buffer): AcceptOutcome {
  if (!looksLikePdf(pdf)) {
    throw new ProblemError(
      problem(422, problemTypes.notAPdf, 'Unprocessable Content', 'Die angehängte Datei ist kein PDF-Dokument.'),
    );
  }
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const hash = payloadHash({ meta, pdf: sha256 });
  const first = ctx.idempotency.find('letter', meta.id);
  if (first) {
    if (first.userId !== user.id || first.payloadHash !== hash) {
      throw new ProblemError(
        problem(
          422,
          problemTypes.idempotencyMismatch,
          'Unprocessable Content',
          'Diese Briefkennung wurde bereits für ein anderes Schreiben verwendet.',
        ),
      );
    }
    ctx.idempotency.seenAgain('letter', meta.id);
    return { result: first.result as LetterAccepted, replayed: true };
  }
  const now = ctx.now();
  if (!ctx.assignments.isVisible(user.id, meta.caseId, now))
    throw notFound('Die Akte wurde nicht gefunden oder ist Ihnen nicht zugewiesen.');
  const recipient = ctx.entities.get('person', meta.recipientPersonId);
  if (!recipient || recipient.deleted || recipient.caseId !== meta.caseId) {
    throw notFound('Der Empfänger gehört nicht zu dieser Akte.');
  }
  const stored = ctx.blobs.put([pdf]);
  const nowIso = new Date(now).toISOString();
  const documentId = `dl-${createHash('sha256').update(meta.id).digest('hex').slice(0, 24)}`;
  const result: LetterAccepted = {
    id: meta.id,
    status: 'accepted',
    documentId: documentId as LetterAccepted['documentId'],
  };
  inTransaction(ctx.db, () => {
    ctx.entities.put('document', documentId, meta.caseId, (version) => ({
      id: documentId,
      caseId: meta.caseId,
      type: 'letter',
      register: 'correspondence',
      title: meta.subject,
      direction: 'outgoing',
      status: 'processed',
      receivedOn: nowIso.slice(0, 10),
      pageCount: Math.min(MAX_PAGES, countPdfPages(pdf)),
      byteSize: stored.byteSize,
      sha256: stored.sha256,
      version,
      updatedAt: nowIso,
    }));
    const letter = ctx.entities.put('letter', meta.id, meta.caseId, (version) => ({
      ...meta,
      status: 'accepted',
      documentId,
      createdAt: nowIso,
      updatedAt: nowIso,
      version,
    }));
    ctx.letters.accepted(meta.id, now);
    ctx.idempotency.record('letter', meta.id, user.id, hash, result, true);
    ctx.activity.record({
      caseId: meta.caseId,
      userId: user.id,
      at: nowIso,
      action: 'letter.accept',
      entity: 'letter',
      entityId: meta.id,
      documentId,
      version: letter.version,
    });
  });
  return { result, replayed: false };
}

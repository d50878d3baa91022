/**
 * What the pending-changes panel says about an entry, in the user's language: what it is, why the
 * service refused it, what went wrong on the last try. Plain functions over the entry; the panel
 * only renders them.
 */
import { problemTypes } from '../../../shared/api/problem.ts';
import type { OutboxError } from '../../data/records.ts';
import type { OutboxItem } from '../../data/repos/outbox.ts';
import { formatDate } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/messages-de.ts';
import type { Language, Translate } from '../../i18n/translate.ts';
import { errorKey } from '../sync/error-message.ts';

const excerpt = (text: string, length = 80): string =>
  text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;

export function describeEntry(item: OutboxItem, t: Translate, language: Language): string {
  const { payload } = item;
  if (payload.kind === 'audit') return t('outbox.what.audit');
  if (payload.kind === 'letter')
    return t('letters.outbox.what', { subject: excerpt(payload.meta.subject), recipient: payload.recipient });
  const m = payload.mutation;
  switch (m.entity) {
    case 'note':
      return m.op === 'delete' ? t('outbox.what.note.delete') : t('outbox.what.note', { text: excerpt(m.data.text) });
    case 'followUp':
      if (m.op === 'delete') return t('outbox.what.followUp.delete');
      return t(m.data.done ? 'outbox.what.followUp.done' : 'outbox.what.followUp', {
        date: formatDate(m.data.dueOn, language),
        text: excerpt(m.data.text),
      });
    case 'annotation':
      return m.op === 'delete'
        ? t('outbox.what.annotation.delete')
        : t('outbox.what.annotation', { page: m.data.page });
    case 'document':
      switch (m.op) {
        case 'put':
          return t(`outbox.what.document.${m.data.status}`);
        case 'requestOriginal':
          return t('outbox.what.document.requestOriginal');
        case 'reportMisfiled':
          return t('outbox.what.document.reportMisfiled', { reason: excerpt(m.data.reason) });
      }
  }
}

/** The text of the service's version of a note or follow-up, for the conflict choice. */
export function serverText(item: OutboxItem): string | null {
  const server = item.server as { text?: unknown } | null;
  return server && typeof server.text === 'string' ? excerpt(server.text) : null;
}

/** Why the service refused the entry; the service's own (German) words only in the German interface. */
export function rejectionReason(error: OutboxError | undefined, t: Translate, language: Language): string[] {
  if (!error || error.code !== 'rejected') return [];
  const type = String(error.params?.['type'] ?? '');
  const until = error.params?.['originalRetainedUntil'];
  if (type === problemTypes.originalDestroyed) {
    return [
      typeof until === 'string'
        ? t('outbox.reason.original-destroyed', { date: formatDate(until, language) })
        : t('outbox.reason.original-destroyed.undated'),
    ];
  }
  const key: MessageKey =
    type === problemTypes.notFound
      ? 'outbox.reason.not-found'
      : type === problemTypes.validation
        ? 'outbox.reason.validation'
        : type === problemTypes.conflict
          ? 'outbox.reason.conflict'
          : type === problemTypes.idempotencyMismatch
            ? 'outbox.reason.idempotency'
            : 'outbox.reason.other';
  const detail = error.params?.['detail'];
  return [
    t(key, { status: error.params?.['status'] ?? '' }),
    ...(language === 'de' && typeof detail === 'string' ? [t('outbox.reason.detail', { detail })] : []),
  ];
}

/** The last transient failure, as the status line says it. */
export function lastTry(error: OutboxError | undefined, t: Translate): string | null {
  if (!error || error.code === 'rejected' || error.code === 'conflict' || error.code === 'case-revoked') return null;
  return t('outbox.lastError', { error: t(errorKey(error.code), error.params) });
}

/** The day an undeliverable entry will be purged. */
export function purgeDay(item: OutboxItem, retentionDays: number, language: Language): string {
  const since = Date.parse(item.undeliverableSince ?? item.createdAt);
  return formatDate(new Date(since + retentionDays * 86_400_000).toISOString().slice(0, 10), language);
}

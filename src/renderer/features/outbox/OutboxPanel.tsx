/**
 * "Ausstehende Änderungen": every entry of the outbox that has not reached the central service,
 * with what it is, its case, when it was made, how often it was tried and what went wrong — and
 * what the user can do: with a conflict, send theirs again on top of the service's version or take
 * the service's; with a refusal, send again, edit and send, or discard after a confirmation. A
 * modal dialog, reachable and operable by keyboard (Esc closes it).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Mutation } from '../../../shared/api/mutations.ts';
import type { CaseId } from '../../../shared/domain/ids.ts';
import type { OutboxItem } from '../../data/repos/outbox.ts';
import { formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { describeEntry, lastTry, purgeDay, rejectionReason, serverText } from './describe-entry.ts';
import './outbox.css';

type Props = { session: Session; retentionDays: number; onClose: () => void };

export function OutboxPanel({ session, retentionDays, onClose }: Props) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<OutboxItem | null>(null);
  const items = useLiveQuery(() => session.outbox.list(), [session]);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const run = async (action: () => Promise<void>, done: Parameters<typeof t>[0]): Promise<void> => {
    try {
      await action();
      setMessage(t(done));
    } catch {
      setMessage(t('outbox.failed'));
    }
  };

  const changes = (items ?? []).filter((i) => i.kind !== 'audit');
  const audits = (items ?? []).filter((i) => i.kind === 'audit' && i.status === 'pending').length;

  return (
    <dialog ref={dialog} className="outbox-panel" aria-labelledby="outbox-title" onClose={onClose}>
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <p role="status" className="outbox-message">
        {message}
      </p>
      {items && changes.length === 0 && <p>{t('outbox.empty')}</p>}
      {changes.length > 0 && (
        <table className="outbox-table">
          <thead>
            <tr>
              <th scope="col">{t('outbox.column.what')}</th>
              <th scope="col">{t('outbox.column.case')}</th>
              <th scope="col">{t('outbox.column.created')}</th>
              <th scope="col">{t('outbox.column.attempts')}</th>
              <th scope="col">{t('outbox.column.state')}</th>
              <th scope="col">{t('outbox.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((item) => {
              const what = describeEntry(item, t, language);
              return (
                <tr key={item.seq} data-status={item.status} data-entry-id={item.id}>
                  <th scope="row">{what}</th>
                  <td>{item.bgNumber ?? t('outbox.unknownCase')}</td>
                  <td>{formatTime(item.createdAt, language)}</td>
                  <td>{item.attempts}</td>
                  <td>
                    <EntryState item={item} retentionDays={retentionDays} />
                  </td>
                  <td className="outbox-actions">
                    {item.status === 'conflict' && (
                      <>
                        <button
                          type="button"
                          onClick={() => void run(() => session.outbox.resendMine(item.seq), 'outbox.done.resendMine')}
                        >
                          {t('outbox.action.resendMine')}
                        </button>
                        <button
                          type="button"
                          onClick={() =>
                            void run(() => session.outbox.takeServers(item.seq), 'outbox.done.takeServers')
                          }
                        >
                          {t('outbox.action.takeServers')}
                        </button>
                      </>
                    )}
                    {item.status === 'rejected' && (
                      <>
                        <button
                          type="button"
                          onClick={() => void run(() => session.outbox.resend(item.seq), 'outbox.done.resend')}
                        >
                          {t('outbox.action.resend')}
                        </button>
                        {editable(item) && (
                          <button
                            type="button"
                            aria-expanded={editing === item.seq}
                            onClick={() => setEditing(item.seq)}
                          >
                            {t('outbox.action.edit')}
                          </button>
                        )}
                      </>
                    )}
                    {(item.status === 'rejected' || item.status === 'undeliverable') && (
                      <button type="button" onClick={() => setConfirming(item)}>
                        {t('outbox.action.discard')}
                      </button>
                    )}
                    {editing === item.seq && (
                      <EditEntry
                        item={item}
                        onCancel={() => setEditing(null)}
                        onSend={(data) => {
                          setEditing(null);
                          void run(() => session.outbox.resend(item.seq, data), 'outbox.done.resend');
                        }}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {audits > 0 && <p>{t('outbox.audit', { count: audits })}</p>}
      <div className="outbox-footer">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('outbox.close')}
        </button>
      </div>
      {confirming && (
        <ConfirmDiscard
          what={describeEntry(confirming, t, language)}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const item = confirming;
            setConfirming(null);
            void run(async () => {
              const audit = await session.audit.entry({ action: 'change.discard', caseId: item.caseId as CaseId });
              await session.outbox.discard(item.seq, audit);
            }, 'outbox.done.discard');
          }}
        />
      )}
    </dialog>
  );
}

function editable(item: OutboxItem): boolean {
  return (
    item.payload.kind === 'mutation' &&
    item.payload.mutation.op === 'put' &&
    ['note', 'followUp'].includes(item.payload.mutation.entity)
  );
}

function EntryState({ item, retentionDays }: { item: OutboxItem; retentionDays: number }) {
  const { t, language } = useI18n();
  const tried = lastTry(item.lastError, t);
  switch (item.status) {
    case 'pending':
      return (
        <>
          <span>{t(item.blocked ? 'outbox.state.blocked' : 'outbox.state.pending')}</span>
          {tried && <span className="outbox-detail">{tried}</span>}
        </>
      );
    case 'conflict': {
      const theirs = serverText(item);
      return (
        <>
          <span>{t(item.server ? 'outbox.state.conflict' : 'outbox.state.conflict.gone')}</span>
          {theirs && <span className="outbox-detail">{t('outbox.server', { text: theirs })}</span>}
        </>
      );
    }
    case 'rejected':
      return (
        <>
          <span>{t('outbox.state.rejected')}</span>
          {rejectionReason(item.lastError, t, language).map((line) => (
            <span key={line} className="outbox-detail">
              {line}
            </span>
          ))}
        </>
      );
    case 'undeliverable':
      return <span>{t('outbox.state.undeliverable', { date: purgeDay(item, retentionDays, language) })}</span>;
  }
}

function EditEntry({
  item,
  onCancel,
  onSend,
}: {
  item: OutboxItem;
  onCancel: () => void;
  onSend: (data: Mutation['data']) => void;
}) {
  const { t } = useI18n();
  const mutation = item.payload.kind === 'mutation' ? item.payload.mutation : null;
  const data =
    mutation?.op === 'put' && (mutation.entity === 'note' || mutation.entity === 'followUp') ? mutation.data : null;
  const [text, setText] = useState(data && 'text' in data ? data.text : '');
  const [dueOn, setDueOn] = useState(data && 'dueOn' in data ? data.dueOn : '');
  if (!data) return null;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSend('dueOn' in data ? { ...data, text, dueOn } : { ...data, text });
  };
  return (
    <form className="outbox-edit" onSubmit={submit}>
      <label>
        {t('outbox.edit.text')}
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
          maxLength={20000}
          rows={3}
          autoComplete="off"
        />
      </label>
      {'dueOn' in data && (
        <label>
          {t('outbox.edit.dueOn')}
          <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} required />
        </label>
      )}
      <button type="submit" className="primary">
        {t('outbox.action.sendEdited')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('outbox.action.cancel')}
      </button>
    </form>
  );
}

function ConfirmDiscard({ what, onCancel, onConfirm }: { what: string; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The safe choice has the focus: showModal would give it to the first button, the discard.
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="outbox-confirm"
      role="alertdialog"
      aria-labelledby="outbox-discard-title"
      aria-describedby="outbox-discard-body"
      onCancel={onCancel}
    >
      <h3 id="outbox-discard-title">{t('outbox.discard.title')}</h3>
      <p id="outbox-discard-body">{t('outbox.discard.body', { what })}</p>
      <button type="button" className="danger" onClick={onConfirm}>
        {t('outbox.discard.confirm')}
      </button>
      <button type="button" ref={cancel} onClick={onCancel}>
        {t('outbox.action.cancel')}
      </button>
    </dialog>
  );
}

/**
 * The notes (Vermerke) of a case, newest first, with author and time, each marked while the service
 * does not have it yet; "Vermerk hinzufügen" and editing one's own. What is typed stays in the
 * field when saving fails.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { CaseId } from '../../../shared/domain/ids.ts';
import type { Note } from '../../../shared/domain/note.ts';
import type { Delivered } from '../../data/repos/notes.ts';
import { formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Session } from '../../session/session.ts';
import { describeError } from '../errors/error-message.ts';
import { DeliveryTag } from './DeliveryTag.tsx';

type Props = { session: Session; caseId: CaseId; announce: (message: string) => void };

function NoteForm({
  initial,
  label,
  onSave,
  onCancel,
}: {
  initial: string;
  label: string;
  onSave: (text: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, language } = useI18n();
  const [text, setText] = useState(initial);
  const [error, setError] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim()) return;
    void onSave(text.trim()).then(
      () => {
        setText('');
        setError('');
      },
      (failure: unknown) => setError(describeError(t, language, failure)),
    );
  };
  return (
    <form className="note-form" onSubmit={submit}>
      <label>
        {label}
        <textarea
          value={text}
          rows={3}
          maxLength={20000}
          required
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            if (e.key === 'Escape' && onCancel) onCancel();
          }}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-row">
        <button type="submit" className="primary">
          {t('cases.notes.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cases.notes.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function CaseNotes({ session, caseId, announce }: Props) {
  const { t, language } = useI18n();
  const notes = useLiveQuery(() => session.notes.listForCase(caseId), [session, caseId]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const mine = (n: Delivered<Note>) => n.authorId === session.user.id;
  return (
    <section className="case-section" aria-labelledby="case-notes-heading">
      <h3 id="case-notes-heading">{t('cases.notes', { count: notes?.length ?? 0 })}</h3>
      {adding ? (
        <NoteForm
          initial=""
          label={t('cases.notes.text')}
          onSave={async (text) => {
            await session.notes.create(caseId, text);
            setAdding(false);
            announce(t('cases.notes.saved'));
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('cases.notes.add')}
        </button>
      )}
      {notes && notes.length === 0 && <p className="hint">{t('cases.notes.none')}</p>}
      <ul className="note-list">
        {notes?.map((n) => (
          <li key={n.id} data-note-id={n.id}>
            {editing === n.id ? (
              <NoteForm
                initial={n.text}
                label={t('cases.notes.text')}
                onSave={async (text) => {
                  await session.notes.edit(n.id, text);
                  setEditing(null);
                  announce(t('cases.notes.saved'));
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <p className="note-text">{n.text}</p>
                <p className="note-meta">
                  {t('cases.notes.by', { author: n.authorName, time: formatTime(n.updatedAt, language) })}
                  <DeliveryTag delivery={n.delivery} />
                  {mine(n) && (
                    <button type="button" className="small" onClick={() => setEditing(n.id)}>
                      {t('cases.notes.edit')}
                    </button>
                  )}
                </p>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

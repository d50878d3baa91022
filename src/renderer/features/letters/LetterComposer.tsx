/**
 * "Schreiben erstellen": the case worker picks a template and a member of the household, fills
 * the template's fields and sees the letter as it will be printed, live; the checks' problems are
 * listed with their messages, and "Senden" puts the letter into the outbox — exactly the bytes of
 * the preview on the screen, or nothing while any problem is listed. A modal dialog, operated by
 * keyboard: Tab through the form, Ctrl+Enter sends, Esc closes (after asking, once something was
 * typed). Enter in a field never sends: a letter to a citizen is a legal act.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { letterMeta, composeLetter } from '../../letters/compose-letter.ts';
import type { FieldValues, LetterContext } from '../../letters/letter-context.ts';
import { problemMessage, renderErrorMessage } from '../../letters/message-of.ts';
import { LetterRenderError } from '../../letters/render-error.ts';
import type { LetterId } from '../../../shared/domain/ids.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { createLogger } from '../../platform/logger.ts';
import type { Session } from '../../session/session.ts';
import { ComposerFields, problemId } from './ComposerFields.tsx';
import { ComposerChoices } from './ComposerChoices.tsx';
import { previewKey } from './preview-pipeline.ts';
import { germanDay } from './notified-date.ts';
import { PreviewPages } from './PreviewPages.tsx';
import { RefusedTemplates } from './RefusedTemplates.tsx';
import { useComposerSetup } from './use-composer-setup.ts';
import { useLetterPreview } from './use-letter-preview.ts';
import './letters.css';

const logger = createLogger('letters/composer');

export type ComposerResult = { readonly queued: LetterId };

type Props = {
  session: Session;
  caseId: string;
  /** Called when the dialog has closed; with the letter's id when one was put into the outbox. */
  onClose: (result?: ComposerResult) => void;
};

type Outcome = 'refused' | 'sending' | 'failed' | null;

export function LetterComposer({ session, caseId, onClose }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  const result = useRef<ComposerResult | undefined>(undefined);
  const setup = useComposerSetup(session, caseId);
  const [letterId] = useState(() => crypto.randomUUID() as LetterId);
  // Fixed for the draft: the PDF's creation time and the letter's date, so one state gives one PDF.
  const [createdAt] = useState(() => new Date(session.clock()));
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [recipientId, setRecipientId] = useState<string | null>(null);
  const [values, setValues] = useState<Readonly<Record<string, FieldValues>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const ready = setup.state === 'ready' ? setup : null;
  // The dialog opened while loading, with only its buttons to focus: once the form is there, it starts there.
  useEffect(() => {
    if (ready)
      dialog.current?.querySelector<HTMLElement>('.letter-composer-form select, .letter-composer-form input')?.focus();
  }, [ready]);
  const template = ready?.catalogue.templates.find((x) => x.id === templateId) ?? ready?.catalogue.templates[0];
  const members = ready?.addressees.members ?? [];
  const recipient = members.find((m) => m.id === recipientId) ?? members.find((m) => m.address) ?? members[0];
  const fieldValues = (template && values[template.id]) ?? {};
  const office = ready?.catalogue.office ?? null;
  const theCase = ready?.addressees.case;

  const composed = useMemo(() => {
    if (!ready || !template || !recipient || !office || !theCase) return null;
    const context: LetterContext = {
      case: theCase,
      recipient: {
        id: recipient.id,
        firstName: recipient.firstName,
        lastName: recipient.lastName,
        address: recipient.address,
      },
      user: { displayName: session.user.displayName },
      office,
      date: germanDay(createdAt),
    };
    return composeLetter(template, context, fieldValues, ready.assets.metrics);
  }, [ready, template, recipient, office, theCase, session.user.displayName, createdAt, fieldValues]);

  const input = useMemo(
    () => (composed ? { key: previewKey(composed.letter, createdAt), letter: composed.letter, createdAt } : null),
    [composed, createdAt],
  );
  const preview = useLetterPreview(input);
  const problems = composed?.problems ?? [];
  const dirty = Object.values(values).some((fields) => Object.values(fields).some((v) => v?.trim()));

  const close = (queued?: ComposerResult): void => {
    result.current = queued;
    dialog.current?.close();
  };
  const askToClose = (): void => (dirty && !result.current ? setConfirmingClose(true) : close());

  const send = async (): Promise<void> => {
    if (!composed || !input || outcome === 'sending' || result.current) return;
    if (problems.length > 0 || !office) {
      setOutcome('refused');
      problemsHeading.current?.focus();
      return;
    }
    setOutcome('sending');
    try {
      // The bytes the case worker sees: the preview of exactly this state, drawn from these bytes.
      const shown = await preview.whenShown(input.key);
      await session.letters.queue({
        meta: letterMeta(letterId, composed.letter),
        pdf: shown.pdf,
        recipient: `${recipient!.firstName} ${recipient!.lastName}`,
      });
      close({ queued: letterId });
    } catch (error) {
      logger.error('letter not queued', { code: (error as { code?: unknown }).code ?? 'unexpected' });
      setOutcome('failed');
    }
  };

  const setField = (id: string, value: string): void => {
    if (!template) return;
    setOutcome(null);
    setValues((all) => ({ ...all, [template.id]: { ...all[template.id], [id]: value } }));
  };

  const previewError = preview.error?.error;
  return (
    <dialog
      ref={dialog}
      className="letter-composer"
      aria-labelledby="letter-composer-title"
      onCancel={(event) => {
        event.preventDefault();
        askToClose();
      }}
      onClose={() => onClose(result.current)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void send();
        }
      }}
    >
      <h2 id="letter-composer-title">
        {t('letters.composer.title')}
        {theCase && <span className="letter-composer-case"> · {theCase.bgNumber}</span>}
      </h2>
      {setup.state === 'loading' && <p role="status">{t('letters.composer.loading')}</p>}
      {setup.state === 'failed' && (
        <p role="alert" className="letter-error">
          {t(setup.reason === 'machine' ? 'letters.composer.failed.machine' : 'letters.composer.failed.load')}
        </p>
      )}
      {ready && (
        <div className="letter-composer-body">
          <div className="letter-composer-form">
            {!theCase && <p className="letter-error">{t('letters.composer.noCase')}</p>}
            <ComposerChoices
              templates={ready.catalogue.templates}
              template={template}
              members={members}
              recipient={recipient}
              onTemplate={(id) => {
                setOutcome(null);
                setTemplateId(id);
              }}
              onRecipient={(id) => {
                setOutcome(null);
                setRecipientId(id);
              }}
            />
            {template && (
              <fieldset className="letter-fields">
                <legend>{t('letters.composer.fields')}</legend>
                <p className="letter-hint">{t('letters.composer.germanNote')}</p>
                <ComposerFields fields={template.fields} values={fieldValues} problems={problems} onChange={setField} />
              </fieldset>
            )}
            <section className="letter-problems" aria-labelledby="letter-problems-title">
              <h3 id="letter-problems-title" ref={problemsHeading} tabIndex={-1}>
                {problems.length || !office
                  ? t('letters.composer.problems', { count: problems.length + (office ? 0 : 1) })
                  : t('letters.composer.ready')}
              </h3>
              {(problems.length > 0 || !office) && (
                <ul>
                  {!office && <li>{t('letters.composer.officeRefused')}</li>}
                  {problems.map((problem, k) => {
                    const { key, params } = problemMessage(problem);
                    return (
                      <li key={k} id={problemId(k)} data-problem={problem.code}>
                        {t(key, params)}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
            <RefusedTemplates catalogue={ready.catalogue} />
          </div>
          {/* Focusable, so that the preview scrolls by keyboard too (arrow keys, PageDown). */}
          <section
            className="letter-composer-preview"
            aria-labelledby="letter-preview-title"
            aria-busy={preview.updating}
            tabIndex={0}
          >
            <h3 id="letter-preview-title">{t('letters.composer.preview')}</h3>
            <p className="letter-hint" aria-live="polite">
              {preview.updating ? t('letters.composer.preview.updating') : ''}
            </p>
            {previewError !== undefined && (
              <p className="letter-error" role="alert">
                {previewError instanceof LetterRenderError
                  ? t('letters.composer.preview.failed', {
                      reason: t(renderErrorMessage(previewError).key, renderErrorMessage(previewError).params),
                    })
                  : t('letters.composer.preview.broken')}
              </p>
            )}
            <PreviewPages preview={preview.preview} />
          </section>
        </div>
      )}
      <div className="letter-composer-footer">
        <p role="status" className={outcome === 'sending' ? 'letter-hint' : 'letter-error'}>
          {outcome === 'refused' && t('letters.composer.refused')}
          {outcome === 'sending' && t('letters.composer.sending')}
          {outcome === 'failed' && t('letters.composer.failed.queue')}
        </p>
        <button type="button" onClick={askToClose}>
          {t('letters.composer.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          aria-keyshortcuts="Control+Enter"
          disabled={!ready || outcome === 'sending'}
          onClick={() => void send()}
        >
          {t('letters.composer.send')}
        </button>
      </div>
      {confirmingClose && (
        <ConfirmClose
          onKeep={() => setConfirmingClose(false)}
          onDiscard={() => {
            setConfirmingClose(false);
            close();
          }}
        />
      )}
    </dialog>
  );
}

function ConfirmClose({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The safe choice has the focus: showModal would give it to the first button, "Verwerfen".
    keep.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="letter-confirm"
      role="alertdialog"
      aria-labelledby="letter-discard-title"
      aria-describedby="letter-discard-body"
      onCancel={(event) => {
        event.preventDefault();
        onKeep();
      }}
    >
      <h3 id="letter-discard-title">{t('letters.composer.discard.title')}</h3>
      <p id="letter-discard-body">{t('letters.composer.discard.body')}</p>
      <button type="button" className="danger" onClick={onDiscard}>
        {t('letters.composer.discard.confirm')}
      </button>
      <button type="button" ref={keep} onClick={onKeep}>
        {t('letters.composer.discard.keep')}
      </button>
    </dialog>
  );
}

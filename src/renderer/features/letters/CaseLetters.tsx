/**
 * The case's letters for the case view: subject, recipient, template, when it was made and how
 * far it has got — queued on this device, accepted by the service, printed, dispatched (with the
 * day the law deems it notified), or failed with the print-and-mail provider's reason. Follows the
 * cache live: delivery and the change feed move each letter on.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ReactNode } from 'react';
import type { Letter } from '../../../shared/domain/letter.ts';
import type { Delivered } from '../../data/repos/notes.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import type { Session } from '../../session/session.ts';
import { lastCatalogue } from './load-catalogue.ts';
import { deemedNotifiedOn, germanDay } from './notified-date.ts';
import './letters.css';

/** `actions`: what the case view offers beside the list ("Schreiben erstellen"). */
type Props = { session: Session; caseId: string; actions?: ReactNode };

function statusText(letter: Delivered<Letter>, t: Translate): string {
  if (letter.status === 'queued' && letter.delivery === 'rejected') return t('letters.delivery.rejected');
  if (letter.status === 'queued' && letter.delivery === 'undeliverable') return t('letters.delivery.undeliverable');
  if (letter.status === 'failed')
    return letter.failureReason
      ? t('letters.status.failed', { reason: letter.failureReason })
      : t('letters.status.failed.unknown');
  return t(`letters.status.${letter.status}`);
}

/** Template titles by id; a template no longer on this machine shows its id. */
function useTemplateTitles(): ReadonlyMap<string, string> {
  const api = useDesktopApi();
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    lastCatalogue(api).then(
      (catalogue) => live && setTitles(new Map(catalogue.templates.map((x) => [x.id, x.title]))),
      () => undefined, // The ids stand in; the composer reports what is wrong with the templates.
    );
    return () => {
      live = false;
    };
  }, [api]);
  return titles;
}

export function CaseLetters({ session, caseId, actions }: Props) {
  const { t, language } = useI18n();
  const letters = useLiveQuery(() => session.letters.listForCase(caseId), [session, caseId]);
  const members = useLiveQuery(() => session.persons.membersOf(caseId), [session, caseId]);
  const titles = useTemplateTitles();
  if (!letters) return null;
  const names = new Map((members ?? []).map((m) => [m.id as string, `${m.firstName} ${m.lastName}`]));

  return (
    <section className="case-section case-letters" aria-labelledby="case-letters-title">
      <h3 id="case-letters-title">{t('letters.list.title')}</h3>
      {actions}
      {letters.length === 0 ? (
        <p>{t('letters.list.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('letters.list.subject')}</th>
              <th scope="col">{t('letters.list.recipient')}</th>
              <th scope="col">{t('letters.list.template')}</th>
              <th scope="col">{t('letters.list.created')}</th>
              <th scope="col">{t('letters.list.status')}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr key={letter.id} data-letter-id={letter.id} data-status={letter.status}>
                <th scope="row">{letter.subject}</th>
                <td>{names.get(letter.recipientPersonId) ?? t('letters.list.unknownRecipient')}</td>
                <td>{titles.get(letter.templateId) ?? letter.templateId}</td>
                <td>{formatTime(letter.createdAt, language)}</td>
                <td>
                  <span className="letter-status">{statusText(letter, t)}</span>
                  {letter.status === 'dispatched' && (
                    // The provider's report of the dispatch is the letter's last change: its updatedAt.
                    <span className="letter-notified">
                      {t('letters.list.notified', {
                        date: formatDate(deemedNotifiedOn(letter.updatedAt), language),
                        posted: formatDate(germanDay(letter.updatedAt), language),
                      })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

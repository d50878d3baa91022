/** The header of the viewer: document type, case (BG number), received date and page count. */
import type { ReactNode } from 'react';
import type { CaseDocument } from '../../../shared/domain/document.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/messages-de.ts';

type Props = { doc: CaseDocument; bgNumber: string | null; pageCount: number | null; actions?: ReactNode };

export function DocumentHeader({ doc, bgNumber, pageCount, actions }: Props) {
  const { t, language } = useI18n();
  const typeLabel = t(`viewer.docType.${doc.type}` as MessageKey);
  const received = new Date(`${doc.receivedOn}T12:00:00Z`).toLocaleDateString(language === 'en' ? 'en-GB' : 'de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  return (
    <header className="viewer-header">
      <h1>
        {typeLabel}: {doc.title}
      </h1>
      <dl>
        <div>
          <dt>{t('viewer.meta.case')}</dt>
          <dd>{bgNumber ?? doc.caseId}</dd>
        </div>
        <div>
          <dt>{t('viewer.meta.received')}</dt>
          <dd>{received}</dd>
        </div>
        <div>
          <dt>{t('viewer.meta.pages')}</dt>
          <dd>{pageCount ?? doc.pageCount}</dd>
        </div>
      </dl>
      {actions && <div className="header-actions">{actions}</div>}
    </header>
  );
}

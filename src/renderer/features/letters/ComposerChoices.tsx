/**
 * The composer's two choices: which template (by title, with its description) and which member of
 * the household receives the letter. Members without a postal address stay in the list, marked,
 * so that choosing one says why no letter can go to them.
 */
import type { HouseholdMember } from '../../data/repos/persons.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { LetterTemplate } from '../../letters/template.ts';

type Props = {
  readonly templates: readonly LetterTemplate[];
  readonly template: LetterTemplate | undefined;
  readonly members: readonly HouseholdMember[];
  readonly recipient: HouseholdMember | undefined;
  readonly onTemplate: (id: string) => void;
  readonly onRecipient: (id: string) => void;
};

export function ComposerChoices({ templates, template, members, recipient, onTemplate, onRecipient }: Props) {
  const { t } = useI18n();
  return (
    <>
      {templates.length === 0 ? (
        <p className="letter-error">{t('letters.composer.noTemplates')}</p>
      ) : (
        <div className="letter-field">
          <label htmlFor="letter-template">{t('letters.composer.template')}</label>
          <select
            id="letter-template"
            value={template?.id ?? ''}
            aria-describedby={template?.description ? 'letter-template-description' : undefined}
            onChange={(e) => onTemplate(e.target.value)}
          >
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
          {template?.description && (
            <p id="letter-template-description" className="letter-hint">
              {template.description}
            </p>
          )}
        </div>
      )}
      {members.length === 0 ? (
        <p className="letter-error">{t('letters.composer.noMembers')}</p>
      ) : (
        <div className="letter-field">
          <label htmlFor="letter-recipient">{t('letters.composer.recipient')}</label>
          <select id="letter-recipient" value={recipient?.id ?? ''} onChange={(e) => onRecipient(e.target.value)}>
            {members.map((m) => {
              const params = { name: `${m.firstName} ${m.lastName}`, role: t(`letters.role.${m.role}`) };
              return (
                <option key={m.id} value={m.id}>
                  {t(m.address ? 'letters.composer.recipient.option' : 'letters.composer.recipient.noAddress', params)}
                </option>
              );
            })}
          </select>
        </div>
      )}
    </>
  );
}

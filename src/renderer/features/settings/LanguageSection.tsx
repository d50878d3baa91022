/**
 * "Sprache": Deutsch or English. The choice is saved through `settings:set`; the whole interface
 * (both windows, and the menu in Electron) follows the `settings:changed` that saving brings.
 */
import { useId } from 'react';
import { LANGUAGES } from '../../i18n/translate.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describedBy, FieldProblem, LockedNote } from './FieldNotes.tsx';
import type { SettingsSectionProps } from './section-props.ts';

export function LanguageSection({ snapshot, save, problems }: SettingsSectionProps) {
  const { t } = useI18n();
  const id = useId();
  const locked = snapshot.locked.includes('language');
  const current = snapshot.effective.language;
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <fieldset
        className="settings-choices"
        disabled={locked}
        aria-describedby={describedBy(locked && `${id}-locked`, problems.language && `${id}-problem`)}
      >
        <legend>
          <h3 id={`${id}-heading`}>{t('settings.field.language')}</h3>
        </legend>
        {LANGUAGES.map((language) => (
          <label key={language} lang={language}>
            <input
              type="radio"
              name={`${id}-language`}
              value={language}
              checked={current === language}
              onChange={() => save('language', language)}
            />{' '}
            {t(`settings.language.${language}`)}
          </label>
        ))}
      </fieldset>
      {locked && <LockedNote id={`${id}-locked`} />}
      <FieldProblem id={`${id}-problem`} text={problems.language} />
    </section>
  );
}

/**
 * "Vorgaben Ihrer IT": every field the machine policy sets that has no control of its own on this
 * screen, shown as a disabled field with its value and, tied to each, why it cannot be changed.
 */
import { useId } from 'react';
import type { SettingsField, SettingsSnapshot } from '../../../shared/settings/settings.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { fieldLabel } from './field-label.ts';
import { LockedNote } from './FieldNotes.tsx';
import { policyValue } from './policy-value.ts';

/** Fields that sections of their own show (disabled when locked). */
const SHOWN_ELSEWHERE: readonly SettingsField[] = ['language', 'cacheBudgetBytes', 'windowLayout', 'viewerDisplay'];

export function PolicySection({ snapshot }: { snapshot: SettingsSnapshot }) {
  const { t, language } = useI18n();
  const id = useId();
  const fields = snapshot.locked.filter((field) => !SHOWN_ELSEWHERE.includes(field));
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('settings.policy.heading')}</h3>
      {snapshot.locked.length === 0 ? (
        <p>{t('settings.policy.none')}</p>
      ) : (
        <>
          <p>{t('settings.policy.intro')}</p>
          <LockedNote id={`${id}-locked`} />
          {fields.map((field) => (
            <div className="settings-field" key={field}>
              <label htmlFor={`${id}-${field}`}>{fieldLabel(field, t)}</label>
              <input
                id={`${id}-${field}`}
                type="text"
                disabled
                value={policyValue(field, snapshot.effective, t, language)}
                aria-describedby={`${id}-locked`}
                data-field={field}
              />
            </div>
          ))}
        </>
      )}
    </section>
  );
}

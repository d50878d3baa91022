/**
 * "Speicherplatz für Dokumente": the byte budget of cached document content, chosen in steps up to
 * IT's ceiling; locked when IT set the budget itself. Shows what is in use when the sync engine of
 * a signed-in session reports it. The session reads the budget when it starts, so a change applies
 * from the next start.
 */
import { useId } from 'react';
import { formatBytes } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSyncStatus } from '../sync/use-sync-status.ts';
import { budgetChoices } from './budget-choices.ts';
import { describedBy, FieldProblem, LockedNote } from './FieldNotes.tsx';
import type { SettingsSectionProps } from './section-props.ts';

export function CacheBudgetSection({ snapshot, save, problems }: SettingsSectionProps) {
  const { t, language } = useI18n();
  const id = useId();
  const status = useSyncStatus();
  const { cacheBudgetBytes: budget, cacheBudgetCeilingBytes: ceiling } = snapshot.effective;
  const locked = snapshot.locked.includes('cacheBudgetBytes');
  const ceilingByIt = snapshot.locked.includes('cacheBudgetCeilingBytes');
  const size = (bytes: number) => formatBytes(bytes, language);
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('settings.field.cacheBudgetBytes')}</h3>
      <p id={`${id}-intro`}>{t('settings.cache.intro')}</p>
      <div className="settings-field">
        <label htmlFor={`${id}-budget`}>{t('settings.cache.label')}</label>
        <select
          id={`${id}-budget`}
          value={budget}
          disabled={locked}
          aria-describedby={describedBy(
            locked && `${id}-locked`,
            !locked && `${id}-ceiling`,
            `${id}-next`,
            problems.cacheBudgetBytes && `${id}-problem`,
          )}
          onChange={(event) => save('cacheBudgetBytes', Number(event.target.value))}
        >
          {budgetChoices(budget, ceiling).map((bytes) => (
            <option key={bytes} value={bytes}>
              {size(bytes)}
            </option>
          ))}
        </select>
      </div>
      {locked ? (
        <LockedNote id={`${id}-locked`} />
      ) : (
        <p id={`${id}-ceiling`} className="settings-hint">
          {t(ceilingByIt ? 'settings.cache.ceilingByIt' : 'settings.cache.ceiling', { ceiling: size(ceiling) })}
        </p>
      )}
      <FieldProblem id={`${id}-problem`} text={problems.cacheBudgetBytes} />
      <p className="settings-hint">
        {status?.storage
          ? t('settings.cache.usage', { used: size(status.counts.cachedBytes), budget: size(status.storage.budget) })
          : t('settings.cache.usageSignedOut')}
      </p>
      <p id={`${id}-next`} className="settings-hint">
        {t('settings.cache.nextStart')}
      </p>
    </section>
  );
}

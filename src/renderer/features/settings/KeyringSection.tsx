/**
 * "Schlüsselspeicher": whether the operating system (or, in browser mode, the profile) protects
 * the cache key besides the password. Without a keyring the user is told what that means and that
 * IT can set one up.
 */
import { useId } from 'react';
import type { Keyring } from '../../../shared/settings/settings.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function KeyringSection({ keyring, browser }: { keyring: Keyring; browser: boolean }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`} data-keyring={keyring}>
      <h3 id={`${id}-heading`}>{t('settings.keyring.heading')}</h3>
      {keyring === 'os' ? (
        <p>{t(browser ? 'settings.keyring.browser' : 'settings.keyring.os')}</p>
      ) : (
        <div className="settings-notice">
          <p>{t('settings.keyring.none')}</p>
          <p>{t('settings.keyring.noneMeaning')}</p>
          <p>{t('settings.keyring.noneIt')}</p>
        </div>
      )}
    </section>
  );
}

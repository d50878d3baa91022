/**
 * "Einstellungen": the screen of the workspace where the user sets language, document storage and
 * the viewer's display, sees what IT has set (disabled, with the reason) and IT's notices, how the
 * cache key is protected, the update state, and the version. Every choice is saved at once through
 * `settings:set`; a refusal or a missing answer is said next to the control, a success is announced.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import type { UserSettings, UserSettingsField } from '../../../shared/settings/settings.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { translator } from '../../i18n/translate.ts';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { CacheBudgetSection } from './CacheBudgetSection.tsx';
import { fieldLabel } from './field-label.ts';
import { KeyringSection } from './KeyringSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { PolicySection } from './PolicySection.tsx';
import { PolicyWarningList } from './PolicyWarnings.tsx';
import { saveSetting } from './save-settings.ts';
import type { SaveSetting } from './section-props.ts';
import { UpdatesSection } from './UpdatesSection.tsx';
import { useSettingsSnapshot } from './use-settings-snapshot.ts';
import { ViewerDisplaySection } from './ViewerDisplaySection.tsx';
import './settings.css';

export type SettingsViewProps = {
  /** Says a short message to screen readers (the workspace's live region). */
  readonly announce: (message: string) => void;
};

export function SettingsView({ announce }: SettingsViewProps) {
  const { t } = useI18n();
  const api = useDesktopApi();
  const id = useId();
  const { snapshot, failed, replace } = useSettingsSnapshot();
  const [problems, setProblems] = useState<Partial<Record<UserSettingsField, string>>>({});
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let live = true;
    api.app.getInfo().then(
      (value) => {
        if (live) setInfo(value);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const save: SaveSetting = useCallback(
    <F extends UserSettingsField>(field: F, value: UserSettings[F]) => {
      setProblems((current) => ({ ...current, [field]: undefined }));
      void saveSetting(api, field, value).then((outcome) => {
        // The sentence is made when the answer is in: after a language change, in the new language.
        if (outcome.kind !== 'failed') replace(outcome.snapshot);
        const tNow = outcome.kind !== 'failed' ? translator(outcome.snapshot.effective.language) : t;
        const label = fieldLabel(field, tNow);
        if (outcome.kind === 'saved') announce(tNow('settings.saved', { field: label }));
        else {
          const text =
            outcome.kind === 'refused'
              ? tNow(`settings.refused.${outcome.code}`, { field: label })
              : tNow('settings.saveFailed', { field: label });
          setProblems((current) => ({ ...current, [field]: text }));
        }
      });
    },
    [api, announce, replace, t],
  );

  return (
    <section className="settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.title')}</h2>
      {!snapshot && !failed && <p>{t('settings.loading')}</p>}
      {failed && (
        <p className="settings-problem" role="alert">
          {t('settings.loadFailed')}
        </p>
      )}
      {snapshot && (
        <>
          {snapshot.warnings.length > 0 && (
            <section className="settings-section settings-notice" aria-labelledby={`${id}-warnings`}>
              <h3 id={`${id}-warnings`}>{t('settings.warnings.heading')}</h3>
              <PolicyWarningList warnings={snapshot.warnings} />
            </section>
          )}
          <LanguageSection snapshot={snapshot} save={save} problems={problems} />
          <CacheBudgetSection snapshot={snapshot} save={save} problems={problems} />
          <ViewerDisplaySection snapshot={snapshot} save={save} problems={problems} />
          <KeyringSection keyring={snapshot.keyring} browser={info?.shell === 'browser'} />
          <UpdatesSection mode={snapshot.effective.updateMode} announce={announce} />
          <PolicySection snapshot={snapshot} />
          <section className="settings-section" aria-labelledby={`${id}-about`}>
            <h3 id={`${id}-about`}>{t('settings.about.heading')}</h3>
            {info && (
              <p>
                {t('app.name')} · {t('app.version', { version: info.version })} ·{' '}
                {t(info.shell === 'electron' ? 'app.shell.electron' : 'app.shell.browser')}
              </p>
            )}
          </section>
        </>
      )}
    </section>
  );
}

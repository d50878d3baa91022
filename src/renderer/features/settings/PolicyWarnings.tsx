/**
 * IT's notices: the warnings of the settings snapshot (a broken policy or settings file, an
 * insecure URL, no central service, a budget above the ceiling) in the user's language — as a list
 * in the settings screen, and as `PolicyWarningBanner` for the top of the workspace, which the user
 * can hide for the rest of the window's session (it comes back when the warnings change).
 */
import { useId, useState } from 'react';
import type { SettingsWarning } from '../../../shared/settings/settings.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSettingsSnapshot } from './use-settings-snapshot.ts';
import { warningMessage } from './warning-message.ts';
import './settings.css';

const DISMISSED_KEY = 'eakte.policyWarningsDismissed';

const signature = (warnings: readonly SettingsWarning[]): string => JSON.stringify(warnings);

function dismissedSignature(): string | null {
  try {
    return sessionStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

export function PolicyWarningList({ warnings }: { warnings: readonly SettingsWarning[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="settings-warnings">
      {warnings.map((warning, index) => (
        <li key={index} data-code={warning.code}>
          {warningMessage(warning, t, language)}
        </li>
      ))}
    </ul>
  );
}

/** The settings' warnings at the top of a window; nothing when there are none or the user hid them. */
export function PolicyWarningBanner({ onOpenSettings }: { onOpenSettings?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const { snapshot } = useSettingsSnapshot();
  const [dismissed, setDismissed] = useState(dismissedSignature);
  const warnings = snapshot?.warnings ?? [];
  if (warnings.length === 0 || dismissed === signature(warnings)) return null;
  const dismiss = (): void => {
    const current = signature(warnings);
    try {
      sessionStorage.setItem(DISMISSED_KEY, current);
    } catch {
      // Without sessionStorage the banner stays hidden until the window reloads.
    }
    setDismissed(current);
  };
  return (
    <div className="policy-banner" role="status" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="policy-banner-title">
        {t('settings.banner.title')}
      </p>
      <PolicyWarningList warnings={warnings} />
      <div className="settings-actions">
        {onOpenSettings && (
          <button type="button" onClick={onOpenSettings}>
            {t('settings.banner.open')}
          </button>
        )}
        <button type="button" onClick={dismiss}>
          {t('settings.banner.dismiss')}
        </button>
      </div>
    </div>
  );
}

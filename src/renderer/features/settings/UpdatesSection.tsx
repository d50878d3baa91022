/**
 * "Aktualisierungen": the update state in words as main reports it (`updates:state`), with the
 * download's progress, and the one action that fits: look for updates, download (notify mode),
 * or try again after an error. Phase changes are announced; progress steps are not.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { UpdateMode } from '../../../shared/policy/policy.ts';
import type { UpdateState } from '../../../shared/updates/update-state.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useDesktopApi } from '../../platform/desktop-context.tsx';
import { createLogger } from '../../platform/logger.ts';
import { describeUpdate, type UpdateAction } from './update-status.ts';
import { useUpdateState } from './use-update-state.ts';

const logger = createLogger('settings');

const ACTION_LABEL = {
  check: 'settings.updates.check',
  download: 'settings.updates.download',
  'retry-check': 'settings.updates.retry',
  'retry-download': 'settings.updates.retry',
} as const satisfies Record<UpdateAction, string>;

export function UpdatesSection({ mode, announce }: { mode: UpdateMode; announce: (message: string) => void }) {
  const { t, language } = useI18n();
  const api = useDesktopApi();
  const id = useId();
  const { state, set } = useUpdateState();
  const [callFailed, setCallFailed] = useState(false);
  const lastPhase = useRef<UpdateState['phase'] | null>(null);

  const status = state ? describeUpdate(state, t, language) : null;
  useEffect(() => {
    if (!state || !status) return;
    // The first state is what the screen opens with; only changes after it are news.
    if (lastPhase.current !== null && lastPhase.current !== state.phase) announce(status.text);
    lastPhase.current = state.phase;
  }, [state, status, announce]);

  const run = (action: UpdateAction): void => {
    setCallFailed(false);
    const call = action === 'download' || action === 'retry-download' ? api.updates.download() : api.updates.check();
    call.then(set, () => {
      logger.warn('update request failed', { action });
      setCallFailed(true);
    });
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`} data-update-phase={state?.phase}>
      <h3 id={`${id}-heading`}>{t('settings.updates.heading')}</h3>
      {status && state && (
        <>
          <p id={`${id}-status`}>{status.text}</p>
          {status.percent !== undefined && state.phase === 'downloading' && (
            <progress
              max={100}
              value={status.percent}
              aria-label={t('settings.updates.progress', { version: state.version })}
            />
          )}
          {state.phase !== 'disabled' && mode !== 'off' && (
            <p className="settings-hint">{t(`settings.updates.mode.${mode}`)}</p>
          )}
          {status.actions.length > 0 && (
            <div className="settings-actions">
              {status.actions.map((action) => (
                <button
                  key={action}
                  type="button"
                  className={action === 'download' ? 'primary' : undefined}
                  aria-describedby={`${id}-status`}
                  onClick={() => run(action)}
                >
                  {t(ACTION_LABEL[action])}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      {callFailed && (
        <p className="settings-problem" role="alert">
          {t('settings.updates.callFailed')}
        </p>
      )}
    </section>
  );
}

/** What a sign-in has to tell the user once signed in (key store lost, entries set aside), until read. */
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/messages-de.ts';
import { useSessionController } from '../../session/session-root.tsx';
import type { SignInNotice as Notice } from '../../session/sign-in-errors.ts';
import './signin.css';

function messageOf(notice: Notice): { key: MessageKey; params?: Record<string, number> } {
  if (notice.code === 'device-key-lost') return { key: 'signin.notice.device-key-lost' };
  return {
    key: `signin.notice.pending-set-aside.${notice.params.reason}`,
    params: { count: notice.params.count },
  };
}

export function SignInNotice() {
  const { t } = useI18n();
  const { controller, state } = useSessionController();
  if (state.kind !== 'signed-in' || !state.notice) return null;
  const { key, params } = messageOf(state.notice);
  return (
    <div role="status" className="signin-notice">
      <p>{t(key, params)}</p>
      <button type="button" onClick={() => controller.dismissNotice()}>
        {t('signin.notice.dismiss')}
      </button>
    </div>
  );
}

/**
 * The sign-in form: user name and password; after a password change also the previous password,
 * or going on without it (what it protects is then set aside for IT). Errors arrive as codes and
 * are said here in the user's language.
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/messages-de.ts';
import { useSessionController } from '../../session/session-root.tsx';
import './signin.css';

export function SignInScreen() {
  const { t } = useI18n();
  const { controller, state } = useSessionController();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [previousPassword, setPreviousPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const busy = state.kind === 'signed-out' && state.busy;
  const error = state.kind === 'signed-out' ? state.error : null;
  const needsPrevious = error?.code === 'password-changed' || error?.code === 'previous-password-wrong';

  const send = (setAsidePending: boolean): void => {
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void controller.signIn({
      username: username.trim(),
      password,
      ...(needsPrevious && previousPassword && !setAsidePending ? { previousPassword } : {}),
      ...(needsPrevious && setAsidePending ? { setAsidePending: true } : {}),
    });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    send(false);
  };

  return (
    <section className="signin" aria-labelledby="signin-heading">
      <h1 id="signin-heading">{t('signin.heading')}</h1>
      <p>{t('signin.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label>
          {t('signin.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            disabled={busy}
            autoFocus
            required
          />
        </label>
        <label>
          {t('signin.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            disabled={busy}
            required
          />
        </label>
        {needsPrevious && (
          <label>
            {t('signin.previousPassword')}
            <input
              name="previousPassword"
              type="password"
              autoComplete="off"
              value={previousPassword}
              onChange={(e) => setPreviousPassword(e.target.value)}
              disabled={busy}
            />
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
        {(missing || error) && (
          <p role="alert" className="signin-error">
            {missing || !error ? t('signin.required') : t(`signin.error.${error.code}` as MessageKey, error.params)}
          </p>
        )}
        {needsPrevious && (
          <div className="signin-set-aside">
            <p>{t('signin.setAside.hint')}</p>
            <button type="button" disabled={busy} onClick={() => send(true)}>
              {t('signin.setAside')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

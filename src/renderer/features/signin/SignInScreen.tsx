/** The sign-in form: user name and password; the previous password only after a password change. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
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
  const needsPrevious = error?.code === 'password-changed';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void controller.signIn({
      username: username.trim(),
      password,
      ...(needsPrevious && previousPassword ? { previousPassword } : {}),
    });
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
            {missing ? t('signin.required') : error?.message}
          </p>
        )}
      </form>
    </section>
  );
}

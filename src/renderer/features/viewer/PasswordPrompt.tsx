/**
 * Asks for the password of a protected PDF (a bank statement a citizen locked with a date of
 * birth, filed as it came). What is typed goes to pdf.js to open this document and is kept only
 * while the window shows it; it is never stored. A wrong one is said plainly, and the user tries
 * again.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Props = {
  /** Wrong passwords given so far for this document. */
  wrongAttempts: number;
  onSubmit: (password: string) => void;
};

export function PasswordPrompt({ wrongAttempts, onSubmit }: Props) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    input.current?.focus();
  }, [wrongAttempts]);

  return (
    <dialog
      open
      className="viewer-password"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-explain`}
      data-error-code="encrypted"
      data-wrong-attempts={wrongAttempts}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!value) return;
          onSubmit(value);
          // Not kept in the field either: the next attempt starts empty.
          setValue('');
        }}
      >
        <h2 id={`${id}-title`}>{t('viewer.password.title')}</h2>
        <p id={`${id}-explain`}>{t('viewer.password.explain')}</p>
        {wrongAttempts > 0 && (
          <p className="viewer-password-wrong" role="alert">
            {t('viewer.password.wrong', { attempts: wrongAttempts })}
          </p>
        )}
        <label>
          {t('viewer.password.label')}
          <input
            ref={input}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={wrongAttempts > 0}
          />
        </label>
        <div className="viewer-password-actions">
          <button type="submit" disabled={!value}>
            {t('viewer.password.open')}
          </button>
        </div>
        <p className="viewer-password-note">{t('viewer.password.notKept')}</p>
      </form>
    </dialog>
  );
}

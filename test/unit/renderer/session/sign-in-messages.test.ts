/** Sign-in errors carry codes and parameters; every code and notice has its sentence in German and English. */
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../../src/renderer/i18n/messages-de.ts';
import { translator } from '../../../../src/renderer/i18n/translate.ts';
import { SIGN_IN_ERROR_CODES, signInErrors } from '../../../../src/renderer/session/sign-in-errors.ts';

const params = { seconds: 30, days: 14, pending: 2 };

describe('sign-in messages', () => {
  it('says every error code in both languages, with its parameters filled', () => {
    for (const language of ['de', 'en'] as const) {
      const t = translator(language);
      for (const code of SIGN_IN_ERROR_CODES) {
        const key = `signin.error.${code}` as MessageKey;
        const text = t(key, params);
        expect(text, `${language} ${code}`).not.toBe(key);
        expect(text, `${language} ${code}`).not.toMatch(/[{}]/);
      }
    }
    expect(translator('de')('signin.error.password-changed', { pending: 1 })).toMatch(/1 nicht übermittelte Eingabe,/);
    expect(translator('en')('signin.error.offline-expired', { days: 14 })).toMatch(/14 days/);
  });

  it('says every notice in both languages', () => {
    for (const language of ['de', 'en'] as const) {
      const t = translator(language);
      expect(t('signin.notice.device-key-lost')).not.toBe('signin.notice.device-key-lost');
      for (const key of [
        'signin.notice.pending-set-aside.device-key-lost',
        'signin.notice.pending-set-aside.password-unknown',
      ] as const)
        expect(t(key, { count: 3 }), key).toMatch(/\b3\b/);
    }
  });

  it('puts no sentence into the error itself: the screen translates the code', () => {
    const errors = [
      signInErrors.wrongCredentials(),
      signInErrors.rateLimited(30),
      signInErrors.offlineExpired(14),
      signInErrors.passwordChanged(2),
      signInErrors.deviceKeyUnavailable(),
    ];
    for (const error of errors) expect(error.message).toBe(`sign-in failed: ${error.code}`);
    expect(signInErrors.rateLimited(30).params).toEqual({ seconds: 30 });
  });
});

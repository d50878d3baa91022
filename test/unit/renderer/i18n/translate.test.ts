/** The message catalogues: every message parses in both languages, placeholders and plurals are filled. */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { de, type MessageKey } from '../../../../src/renderer/i18n/messages-de.ts';
import { en } from '../../../../src/renderer/i18n/messages-en.ts';
import { translator } from '../../../../src/renderer/i18n/translate.ts';

describe('translator', () => {
  it('parses every message of both catalogues as ICU message format', () => {
    for (const [language, catalog] of [
      ['de-DE', de],
      ['en-GB', en],
    ] as const) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(() => new IntlMessageFormat(text, language, undefined, { ignoreTag: true }), key).not.toThrow();
      }
    }
  });

  it('has the same placeholders in German and English', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(de) as MessageKey[]) expect(names(en[key]), key).toEqual(names(de[key]));
  });

  it('fills placeholders, and leaves the message readable when one is missing', () => {
    const t = translator('de');
    expect(t('app.version', { version: '1.2.3' })).toBe('Version 1.2.3');
    expect(t('app.version')).toBe('Version {version}');
  });
});

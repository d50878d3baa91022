/**
 * Message lookup in the user's language. Messages are ICU message format (through
 * intl-messageformat, FormatJS's well-kept implementation), so plurals are right in both languages
 * ("{count, plural, one {# Änderung wartet} other {# Änderungen warten}}") and plain `{name}`
 * placeholders work as before. German is the default; English is the second language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { de, type MessageKey } from './messages-de.ts';
import { en } from './messages-en.ts';

export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

const catalogs: Record<Language, Record<MessageKey, string>> = { de, en };
const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const compiled: Record<Language, Map<MessageKey, IntlMessageFormat>> = { de: new Map(), en: new Map() };

function format(language: Language, key: MessageKey): IntlMessageFormat {
  let message = compiled[language].get(key);
  if (!message) {
    message = new IntlMessageFormat(catalogs[language][key], LOCALES[language], undefined, { ignoreTag: true });
    compiled[language].set(key, message);
  }
  return message;
}

export function translator(language: Language): Translate {
  return (key, params) => {
    try {
      return String(format(language, key).format(params));
    } catch {
      // A parameter the message needs is missing: show the message with the gap rather than nothing.
      return catalogs[language][key];
    }
  };
}

const STORAGE_KEY = 'eakte.language';

export function storedLanguage(): Language {
  const value = globalThis.localStorage?.getItem(STORAGE_KEY);
  return value === 'en' ? 'en' : 'de';
}

export function storeLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}

/** Message lookup with `{name}` placeholders. German is the default; English is the second language. */
import { de, type MessageKey } from './messages-de.ts';
import { en } from './messages-en.ts';

export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

const catalogs: Record<Language, Record<MessageKey, string>> = { de, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalog = catalogs[language];
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
}

const STORAGE_KEY = 'eakte.language';

export function storedLanguage(): Language {
  const value = globalThis.localStorage?.getItem(STORAGE_KEY);
  return value === 'en' ? 'en' : 'de';
}

export function storeLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}

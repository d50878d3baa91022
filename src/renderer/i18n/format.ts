/**
 * Number, size and time formatting in the user's language. The Intl formatters are made once per
 * language and kind: making one costs far more than formatting with it, and a list formats the
 * dates of every row it shows on each render.
 */
import type { Language } from './translate.ts';

const LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

function cached<F>(make: (locale: string) => F): (language: Language) => F {
  const made = new Map<Language, F>();
  return (language) => {
    let formatter = made.get(language);
    if (!formatter) made.set(language, (formatter = make(LOCALE[language])));
    return formatter;
  };
}

const wholeNumber = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
const oneDecimal = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
const dateTime = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }));
const date = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));

export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${(unit ? oneDecimal : wholeNumber)(language).format(value)} ${units[unit]}`;
}

export function formatTime(iso: string, language: Language): string {
  return dateTime(language).format(new Date(iso));
}

export function formatDate(isoDate: string, language: Language): string {
  return date(language).format(new Date(`${isoDate}T12:00:00Z`));
}

/** Number, size and time formatting in the user's language. */
import type { Language } from './translate.ts';

const LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** React context for the current language and its translator; keeps `<html lang>` in step. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { storedLanguage, storeLanguage, translator, type Language, type Translate } from './translate.ts';

type I18n = { language: Language; setLanguage: (language: Language) => void; t: Translate };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(initial ?? storedLanguage());
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      t: translator(language),
      setLanguage: (next) => {
        storeLanguage(next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('I18nProvider fehlt');
  return value;
}

/**
 * React context for the current language and its translator; keeps `<html lang>` in step.
 *
 * The language is a user setting kept by main (browser mode: localStorage): under a DesktopApi the
 * provider starts from `settings:get`, follows `settings:changed` (a choice in this window, in the
 * other window, or in the settings screen), and `setLanguage` saves through `settings:set`. The
 * copy in localStorage only spares the first paint a flash of the wrong language.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createLogger } from '../platform/logger.ts';
import { useOptionalDesktopApi } from '../platform/desktop-context.tsx';
import { storedLanguage, storeLanguage, translator, type Language, type Translate } from './translate.ts';

type I18n = { language: Language; setLanguage: (language: Language) => void; t: Translate };

const I18nContext = createContext<I18n | null>(null);
const logger = createLogger('i18n');

/** `initial`: the language to show first; when given, the stored setting does not replace it at start. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const api = useOptionalDesktopApi();
  const [language, setLanguageState] = useState<Language>(initial ?? storedLanguage());
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (!api) return undefined;
    let live = true;
    const adopt = (next: Language): void => {
      if (!live) return;
      storeLanguage(next);
      setLanguageState(next);
    };
    if (initial === undefined)
      api.settings.get().then(
        (snapshot) => adopt(snapshot.effective.language),
        () => logger.warn('settings not read; the language stays as stored'),
      );
    const stop = api.on('settings:changed', (snapshot) => adopt(snapshot.effective.language));
    return () => {
      live = false;
      stop();
    };
  }, [api, initial]);
  const value = useMemo<I18n>(
    () => ({
      language,
      t: translator(language),
      setLanguage: (next) => {
        storeLanguage(next);
        setLanguageState(next);
        api?.settings.set({ language: next }).then(
          (result) => {
            if (result.refused.length) logger.warn('language not saved', { code: result.refused[0]!.code });
          },
          () => logger.warn('language not saved', { code: 'ipc-failed' }),
        );
      },
    }),
    [language, api],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('I18nProvider fehlt');
  return value;
}

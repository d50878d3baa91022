/**
 * The template files of this machine that cannot be used, each with its file, line and reason
 * (the engine's LetterTemplateError), so that IT learns what to fix; the other templates stay
 * usable. A refused office file is said here too.
 */
import { useI18n } from '../../i18n/i18n-context.tsx';
import { templateErrorMessage } from '../../letters/message-of.ts';
import type { RefusedFile, TemplateCatalogue } from './template-catalogue.ts';

export function RefusedTemplates({ catalogue }: { catalogue: TemplateCatalogue }) {
  const { t } = useI18n();
  const refused = [...catalogue.refused, ...(catalogue.officeRefused ? [catalogue.officeRefused] : [])];
  if (refused.length === 0) return null;
  const say = (file: RefusedFile): string => {
    if (file.kind === 'unreadable') return t('letters.composer.unreadable', { file: file.file, code: file.code });
    const { key, params } = templateErrorMessage(file.error);
    return t('letters.templateError.where', {
      file: file.error.file,
      line: file.error.line,
      message: t(key, params),
    });
  };
  return (
    <section className="letter-refused" aria-labelledby="letter-refused-title">
      <h3 id="letter-refused-title">{t('letters.composer.refusedTemplates')}</h3>
      <ul>
        {refused.map((file) => (
          <li key={file.file} data-file={file.file}>
            {say(file)}
          </li>
        ))}
      </ul>
    </section>
  );
}

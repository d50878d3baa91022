/** One policy or settings warning (a code with parameters) as a sentence in the user's language. */
import type { SettingsWarning } from '../../../shared/settings/settings.ts';
import { assertNever } from '../../../shared/util/assert-never.ts';
import { formatBytes } from '../../i18n/format.ts';
import type { Language, Translate } from '../../i18n/translate.ts';
import { fieldLabelForIt } from './field-label.ts';

export function warningMessage(warning: SettingsWarning, t: Translate, language: Language): string {
  const field = fieldLabelForIt(warning.field ?? '?', t);
  const param = (name: string): string | number | undefined => warning.params?.[name];
  const bytes = (name: string): string => {
    const value = param(name);
    return typeof value === 'number' ? formatBytes(value, language) : '?';
  };
  switch (warning.code) {
    case 'policy-unreadable':
      return t('settings.warning.policy-unreadable', { errorCode: String(param('errorCode') ?? 'unknown') });
    case 'policy-not-json':
    case 'policy-not-object':
    case 'server-not-configured':
    case 'settings-unreadable':
      return t(`settings.warning.${warning.code}`);
    case 'policy-unknown-field':
    case 'policy-invalid-value':
    case 'settings-invalid-value':
      return t(`settings.warning.${warning.code}`, { field });
    case 'policy-insecure-url':
      return param('source') === 'environment'
        ? t('settings.warning.policy-insecure-url.environment')
        : t('settings.warning.policy-insecure-url', { field });
    case 'settings-cache-budget-above-ceiling':
      return t('settings.warning.settings-cache-budget-above-ceiling', {
        stored: bytes('storedBytes'),
        ceiling: bytes('ceilingBytes'),
      });
    default:
      return assertNever(warning.code);
  }
}

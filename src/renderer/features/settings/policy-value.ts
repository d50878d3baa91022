/** The value of a field IT has set, as text for the list "Vorgaben Ihrer IT". */
import type { EffectiveSettings, SettingsField } from '../../../shared/settings/settings.ts';
import { formatBytes } from '../../i18n/format.ts';
import type { Language, Translate } from '../../i18n/translate.ts';

export function policyValue(
  field: SettingsField,
  effective: EffectiveSettings,
  t: Translate,
  language: Language,
): string {
  switch (field) {
    case 'serverUrl':
      return effective.serverUrl;
    case 'updateUrl':
      return effective.updateUrl ?? t('settings.value.none');
    case 'updateChannel':
      return t(`settings.value.updateChannel.${effective.updateChannel}`);
    case 'updateMode':
      return t(`settings.value.updateMode.${effective.updateMode}`);
    case 'cacheBudgetBytes':
    case 'cacheBudgetCeilingBytes':
      return formatBytes(effective[field], language);
    case 'maxOfflineDays':
    case 'outboxRetentionDays':
      return t('settings.value.days', { count: effective[field] });
    case 'language':
      return t(`settings.language.${effective.language}`);
    case 'windowLayout':
      return t(`settings.viewer.layout.${effective.windowLayout}`);
    case 'viewerDisplay':
      return effective.viewerDisplay;
  }
}

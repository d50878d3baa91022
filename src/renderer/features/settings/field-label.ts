/**
 * Names of the settings fields in the user's language, for refusals, warnings and the list of
 * what IT has set. A field this version does not know keeps the name it was written with.
 */
import type { SettingsField } from '../../../shared/settings/settings.ts';
import type { MessageKey } from '../../i18n/messages-de.ts';
import type { Translate } from '../../i18n/translate.ts';

const LABELS: Record<SettingsField, MessageKey> = {
  language: 'settings.field.language',
  cacheBudgetBytes: 'settings.field.cacheBudgetBytes',
  windowLayout: 'settings.field.windowLayout',
  viewerDisplay: 'settings.field.viewerDisplay',
  serverUrl: 'settings.field.serverUrl',
  updateUrl: 'settings.field.updateUrl',
  updateChannel: 'settings.field.updateChannel',
  updateMode: 'settings.field.updateMode',
  cacheBudgetCeilingBytes: 'settings.field.cacheBudgetCeilingBytes',
  maxOfflineDays: 'settings.field.maxOfflineDays',
  outboxRetentionDays: 'settings.field.outboxRetentionDays',
};

export function isKnownField(field: string): field is SettingsField {
  return Object.hasOwn(LABELS, field);
}

export function fieldLabel(field: string, t: Translate): string {
  return isKnownField(field) ? t(LABELS[field]) : field;
}

/** For IT: the label and the name in the policy file, "Aktualisierungen (updateMode)". */
export function fieldLabelForIt(field: string, t: Translate): string {
  return isKnownField(field) ? `${t(LABELS[field])} (${field})` : field;
}

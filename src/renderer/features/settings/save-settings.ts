/**
 * Saving one user setting through `settings:set`, turned into what the screen says: saved, or
 * refused with the receiver's code, or no answer at all. Never throws.
 */
import type {
  SettingsRefusalCode,
  SettingsSnapshot,
  UserSettings,
  UserSettingsField,
} from '../../../shared/settings/settings.ts';
import type { DesktopApi } from '../../platform/desktop-api.ts';
import { createLogger } from '../../platform/logger.ts';

const logger = createLogger('settings');

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly snapshot: SettingsSnapshot }
  | { readonly kind: 'refused'; readonly code: SettingsRefusalCode; readonly snapshot: SettingsSnapshot }
  | { readonly kind: 'failed' };

export async function saveSetting<F extends UserSettingsField>(
  api: DesktopApi,
  field: F,
  value: UserSettings[F],
): Promise<SaveOutcome> {
  try {
    const result = await api.settings.set({ [field]: value });
    const refusal = result.refused.find((r) => r.field === field);
    if (refusal) {
      logger.warn('setting refused', { field, code: refusal.code });
      return { kind: 'refused', code: refusal.code, snapshot: result.snapshot };
    }
    return { kind: 'saved', snapshot: result.snapshot };
  } catch {
    logger.warn('setting not saved', { field, code: 'ipc-failed' });
    return { kind: 'failed' };
  }
}

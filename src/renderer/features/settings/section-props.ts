/** What every section of the settings screen gets from it. */
import type { SettingsSnapshot, UserSettings, UserSettingsField } from '../../../shared/settings/settings.ts';

export type SaveSetting = <F extends UserSettingsField>(field: F, value: UserSettings[F]) => void;

export type SettingsSectionProps = {
  readonly snapshot: SettingsSnapshot;
  readonly save: SaveSetting;
  /** Why the last save of a field did not happen, in the user's language. */
  readonly problems: Partial<Record<UserSettingsField, string>>;
};

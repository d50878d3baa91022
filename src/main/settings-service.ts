/**
 * The settings of this installation in main: the machine policy read at start, the user's own
 * choices in `settings.json` in the user-data folder, and what the renderer sees of both
 * (`settings:get`, `settings:set`). The policy is read once; IT's changes apply at the next start.
 */
import type { Policy } from '../shared/policy/policy.ts';
import {
  applyUserChanges,
  effectivePolicy,
  readUserSettings,
  resolveSettings,
  type PolicyReading,
  type ResolvedSettings,
  type UserSettingsReading,
} from '../shared/settings/resolve-settings.ts';
import type {
  Keyring,
  SettingsChanges,
  SettingsSetResult,
  SettingsSnapshot,
  UserSettings,
} from '../shared/settings/settings.ts';
import type { Logger } from './logger.ts';
import { errorCode, type FsPort } from './node-fs.ts';

export type SettingsServiceOptions = {
  readonly fs: FsPort;
  /** `settings.json` in the user-data folder. */
  readonly settingsFile: string;
  readonly policy: PolicyReading;
  readonly devServerUrl?: string | undefined;
  readonly development: boolean;
  readonly keyring: () => Keyring;
  readonly logger: Logger;
};

export class SettingsService {
  private user: UserSettingsReading;
  private resolved: ResolvedSettings;
  private readonly listeners = new Set<(snapshot: SettingsSnapshot) => void>();
  private readonly options: SettingsServiceOptions;

  private constructor(options: SettingsServiceOptions, user: UserSettingsReading) {
    this.options = options;
    this.user = user;
    this.resolved = this.resolve();
    for (const warning of this.resolved.warnings)
      options.logger.warn('settings warning', { code: warning.code, field: warning.field ?? null });
  }

  static async load(options: SettingsServiceOptions): Promise<SettingsService> {
    let user: UserSettingsReading;
    try {
      user = readUserSettings(await options.fs.readText(options.settingsFile));
    } catch (error) {
      user = {
        values: {},
        warnings: [
          { code: 'settings-unreadable', params: { errorCode: (errorCode(error) ?? 'unknown').slice(0, 64) } },
        ],
      };
    }
    return new SettingsService(options, user);
  }

  snapshot(): SettingsSnapshot {
    const { effective, locked, warnings } = this.resolved;
    return {
      effective: { ...effective },
      locked: [...locked],
      warnings: [...warnings],
      keyring: this.options.keyring(),
    };
  }

  /** The policy part of the effective settings, for `app:getPolicy` and the updater. */
  policy(): Policy {
    return effectivePolicy(this.resolved.effective);
  }

  async update(changes: SettingsChanges): Promise<SettingsSetResult> {
    const outcome = applyUserChanges(this.user.values, changes, this.resolved.locked, this.resolved.effective);
    if (outcome.applied.length) {
      await this.options.fs.writeTextAtomic(this.options.settingsFile, `${JSON.stringify(outcome.values, null, 2)}\n`);
      // A saved file is a good file again: its earlier warnings no longer apply.
      this.user = { values: outcome.values, warnings: [] };
      this.resolved = this.resolve();
      const snapshot = this.snapshot();
      for (const listener of this.listeners) listener(snapshot);
    }
    return { snapshot: this.snapshot(), applied: [...outcome.applied], refused: [...outcome.refused] };
  }

  onChange(listener: (snapshot: SettingsSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  userValue<K extends keyof UserSettings>(field: K): UserSettings[K] {
    return this.resolved.effective[field];
  }

  private resolve(): ResolvedSettings {
    const { policy, devServerUrl, development } = this.options;
    return resolveSettings({ policy, user: this.user, devServerUrl, development });
  }
}

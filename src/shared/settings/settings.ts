/**
 * Settings: what the user may choose (language, cache budget, window layout, the viewer's
 * display), merged with the
 * machine policy, which wins field by field. The renderer reads the effective values, which
 * fields IT has locked, and warnings about a broken policy or settings file through
 * `settings:get`; warnings are codes with parameters, never sentences.
 */
import { z } from 'zod';
import { DEFAULT_POLICY, POLICY_FIELDS, policySchema } from '../policy/policy.ts';
import { viewerDisplaySchema } from '../windows/displays.ts';

export const languageSchema = z.enum(['de', 'en']);
/** separate: the viewer on its own display (or beside the workspace); docked: both split one work area. */
export const windowLayoutSchema = z.enum(['separate', 'docked']);
export type WindowLayout = z.infer<typeof windowLayoutSchema>;

export const userSettingsSchema = z.strictObject({
  language: languageSchema,
  cacheBudgetBytes: policySchema.shape.cacheBudgetBytes,
  windowLayout: windowLayoutSchema,
  /** With the separate layout: the display the viewer goes to ('auto' or a display's key). */
  viewerDisplay: viewerDisplaySchema,
});
export type UserSettings = z.infer<typeof userSettingsSchema>;
export type UserSettingsField = keyof UserSettings;
export const USER_SETTINGS_FIELDS = Object.keys(userSettingsSchema.shape) as UserSettingsField[];

export const DEFAULT_USER_SETTINGS: UserSettings = {
  language: 'de',
  cacheBudgetBytes: DEFAULT_POLICY.cacheBudgetBytes,
  windowLayout: 'separate',
  viewerDisplay: 'auto',
};

export const effectiveSettingsSchema = z.strictObject({ ...policySchema.shape, ...userSettingsSchema.shape });
export type EffectiveSettings = z.infer<typeof effectiveSettingsSchema>;
export type SettingsField = keyof EffectiveSettings;
export const SETTINGS_FIELDS = [...new Set<SettingsField>([...POLICY_FIELDS, ...USER_SETTINGS_FIELDS])];
export const settingsFieldSchema = z.enum(SETTINGS_FIELDS as [SettingsField, ...SettingsField[]]);

export const settingsWarningCodeSchema = z.enum([
  /** The policy file exists but cannot be read (permissions); params.errorCode. */
  'policy-unreadable',
  'policy-not-json',
  'policy-not-object',
  /** A field the schema does not know; `field` is its name as written (cut to 64 characters). */
  'policy-unknown-field',
  'policy-invalid-value',
  /** serverUrl or updateUrl is not https (plain http only for loopback in development). */
  'policy-insecure-url',
  /** A packaged build without a server URL from IT: the app cannot sign in. */
  'server-not-configured',
  'settings-unreadable',
  'settings-invalid-value',
  /**
   * The user's stored cacheBudgetBytes is above the policy's cacheBudgetCeilingBytes; the ceiling
   * applies. params.storedBytes, params.ceilingBytes.
   */
  'settings-cache-budget-above-ceiling',
]);
export type SettingsWarningCode = z.infer<typeof settingsWarningCodeSchema>;

export const settingsWarningSchema = z.strictObject({
  code: settingsWarningCodeSchema,
  field: z.string().max(64).optional(),
  params: z.record(z.string().max(32), z.union([z.string().max(64), z.number()])).optional(),
});
export type SettingsWarning = z.infer<typeof settingsWarningSchema>;

/** os: the operating system protects the cache key (safeStorage); none: only the password does. */
export const keyringSchema = z.enum(['os', 'none']);
export type Keyring = z.infer<typeof keyringSchema>;

export const settingsSnapshotSchema = z.strictObject({
  effective: effectiveSettingsSchema,
  locked: z.array(settingsFieldSchema),
  warnings: z.array(settingsWarningSchema).max(100),
  keyring: keyringSchema,
});
export type SettingsSnapshot = z.infer<typeof settingsSnapshotSchema>;

/** A change the user asks for: field → value; checked by the receiver field by field. */
export const settingsChangesSchema = z
  .record(z.string().max(64), z.unknown())
  .refine((changes) => Object.keys(changes).length <= 32, 'too many fields');
export type SettingsChanges = z.infer<typeof settingsChangesSchema>;

export const settingsRefusalCodeSchema = z.enum(['locked', 'not-user-settable', 'unknown-field', 'invalid-value']);
export type SettingsRefusalCode = z.infer<typeof settingsRefusalCodeSchema>;

export const settingsSetResultSchema = z.strictObject({
  snapshot: settingsSnapshotSchema,
  applied: z.array(settingsFieldSchema),
  refused: z.array(z.strictObject({ field: z.string().max(64), code: settingsRefusalCodeSchema })),
});
export type SettingsSetResult = z.infer<typeof settingsSetResultSchema>;

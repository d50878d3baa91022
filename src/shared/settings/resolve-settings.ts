/**
 * Pure merge of the three sources of settings, used by main (policy file, settings file in the
 * user-data folder) and by browser mode (browser-config.json, localStorage) alike:
 * defaults ← developer override ← user settings ← machine policy.
 *
 * A broken policy never locks a desk out: each field is read on its own, a bad one falls back to
 * its safe default and is reported as a warning. A field IT wrote into the policy stays locked
 * even when its value is bad, because IT meant to decide it; the user's choice does not apply.
 */
import {
  DEFAULT_POLICY,
  POLICY_FIELDS,
  UNCONFIGURED_SERVER_URL,
  isAcceptableServiceUrl,
  policySchema,
  type Policy,
  type PolicyField,
} from '../policy/policy.ts';
import {
  DEFAULT_USER_SETTINGS,
  USER_SETTINGS_FIELDS,
  userSettingsSchema,
  type EffectiveSettings,
  type SettingsChanges,
  type SettingsField,
  type SettingsRefusalCode,
  type SettingsWarning,
  type UserSettings,
  type UserSettingsField,
} from './settings.ts';

export type PolicyReading = {
  readonly values: Partial<Policy>;
  readonly locked: readonly PolicyField[];
  readonly warnings: readonly SettingsWarning[];
};

export const EMPTY_POLICY: PolicyReading = { values: {}, locked: [], warnings: [] };

function parseObject(text: string): Record<string, unknown> | 'not-json' | 'not-object' {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'not-json';
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not-object';
  return raw as Record<string, unknown>;
}

const isPolicyField = (key: string): key is PolicyField => (POLICY_FIELDS as string[]).includes(key);
const isUserField = (key: string): key is UserSettingsField => (USER_SETTINGS_FIELDS as string[]).includes(key);

/** Reads a policy document (null: there is none) field by field. */
export function readPolicy(text: string | null): PolicyReading {
  if (text === null) return EMPTY_POLICY;
  const raw = parseObject(text.replace(/^\uFEFF/, ''));
  if (raw === 'not-json') return { ...EMPTY_POLICY, warnings: [{ code: 'policy-not-json' }] };
  if (raw === 'not-object') return { ...EMPTY_POLICY, warnings: [{ code: 'policy-not-object' }] };
  const values: Partial<Record<PolicyField, unknown>> = {};
  const locked: PolicyField[] = [];
  const warnings: SettingsWarning[] = [];
  for (const [key, value] of Object.entries(raw)) {
    // A JSON Schema reference is how editors find the schema; it is not a setting.
    if (key === '$schema') continue;
    if (!isPolicyField(key)) {
      warnings.push({ code: 'policy-unknown-field', field: key.slice(0, 64) });
      continue;
    }
    locked.push(key);
    const parsed = policySchema.shape[key].safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else warnings.push({ code: 'policy-invalid-value', field: key });
  }
  return { values: values as Partial<Policy>, locked, warnings };
}

export type UserSettingsReading = {
  readonly values: Partial<UserSettings>;
  readonly warnings: readonly SettingsWarning[];
};

/** Reads the user's settings file (null: there is none); fields of other versions are ignored. */
export function readUserSettings(text: string | null): UserSettingsReading {
  if (text === null) return { values: {}, warnings: [] };
  const raw = parseObject(text);
  if (typeof raw === 'string') return { values: {}, warnings: [{ code: 'settings-unreadable' }] };
  const values: Partial<Record<UserSettingsField, unknown>> = {};
  const warnings: SettingsWarning[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isUserField(key)) continue;
    const parsed = userSettingsSchema.shape[key].safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else warnings.push({ code: 'settings-invalid-value', field: key });
  }
  return { values: values as Partial<UserSettings>, warnings };
}

export type SettingsSources = {
  readonly policy: PolicyReading;
  readonly user: UserSettingsReading;
  /** Server URL from the developer's environment (honoured by the caller only in development). */
  readonly devServerUrl?: string | undefined;
  /** Unpackaged build or browser mode: plain http to loopback is allowed, the loopback default applies. */
  readonly development: boolean;
};

export type ResolvedSettings = {
  readonly effective: EffectiveSettings;
  readonly locked: readonly SettingsField[];
  readonly warnings: readonly SettingsWarning[];
};

export function resolveSettings({ policy, user, devServerUrl, development }: SettingsSources): ResolvedSettings {
  const warnings: SettingsWarning[] = [...policy.warnings, ...user.warnings];
  const urlOk = (url: string): boolean => isAcceptableServiceUrl(url, { allowLoopbackHttp: development });
  const fallbackServerUrl = development ? DEFAULT_POLICY.serverUrl : UNCONFIGURED_SERVER_URL;

  const effective: EffectiveSettings = { ...DEFAULT_POLICY, ...DEFAULT_USER_SETTINGS, serverUrl: fallbackServerUrl };
  if (devServerUrl !== undefined) {
    if (policySchema.shape.serverUrl.safeParse(devServerUrl).success && urlOk(devServerUrl))
      effective.serverUrl = devServerUrl;
    else warnings.push({ code: 'policy-insecure-url', field: 'serverUrl', params: { source: 'environment' } });
  }
  Object.assign(effective, user.values);
  // Locked fields start from their defaults, so that a bad policy value never lets the user's apply.
  for (const field of policy.locked) {
    if (field === 'serverUrl') effective.serverUrl = fallbackServerUrl;
    else if (field === 'updateUrl') delete effective.updateUrl;
    else Object.assign(effective, { [field]: { ...DEFAULT_POLICY, ...DEFAULT_USER_SETTINGS }[field] });
  }
  const { serverUrl, updateUrl, ...rest } = policy.values;
  Object.assign(effective, rest);
  if (serverUrl !== undefined) {
    if (urlOk(serverUrl)) effective.serverUrl = serverUrl;
    else warnings.push({ code: 'policy-insecure-url', field: 'serverUrl' });
  }
  if (updateUrl !== undefined) {
    if (urlOk(updateUrl)) effective.updateUrl = updateUrl;
    else warnings.push({ code: 'policy-insecure-url', field: 'updateUrl' });
  }
  if (effective.serverUrl === UNCONFIGURED_SERVER_URL) warnings.push({ code: 'server-not-configured' });
  clampCacheBudget(effective, policy.locked, user.values.cacheBudgetBytes, warnings);
  return { effective, locked: [...policy.locked], warnings };
}

/**
 * The ceiling bounds what the user chose and the default they did not change; a budget IT set in
 * the policy is IT's decision and applies as written. Only a stored choice above it is reported.
 */
function clampCacheBudget(
  effective: EffectiveSettings,
  locked: readonly PolicyField[],
  stored: number | undefined,
  warnings: SettingsWarning[],
): void {
  if (locked.includes('cacheBudgetBytes')) return;
  const ceiling = effective.cacheBudgetCeilingBytes;
  if (effective.cacheBudgetBytes <= ceiling) return;
  if (stored !== undefined && stored > ceiling)
    warnings.push({
      code: 'settings-cache-budget-above-ceiling',
      field: 'cacheBudgetBytes',
      params: { storedBytes: stored, ceilingBytes: ceiling },
    });
  effective.cacheBudgetBytes = ceiling;
}

/** The policy part of the effective settings (what `app:getPolicy` answers). */
export function effectivePolicy(effective: EffectiveSettings): Policy {
  const policy: Partial<Record<PolicyField, unknown>> = {};
  for (const field of POLICY_FIELDS) if (effective[field] !== undefined) policy[field] = effective[field];
  return policySchema.parse(policy);
}

export type UserChangeOutcome = {
  readonly values: Partial<UserSettings>;
  readonly applied: readonly UserSettingsField[];
  readonly refused: readonly { field: string; code: SettingsRefusalCode }[];
};

/** What bounds a user's choice beyond its schema: IT's ceiling for the cache budget. */
export type UserChangeLimits = Pick<EffectiveSettings, 'cacheBudgetCeilingBytes'>;

const withinLimits = (field: UserSettingsField, value: unknown, limits: UserChangeLimits): boolean =>
  field !== 'cacheBudgetBytes' || (typeof value === 'number' && value <= limits.cacheBudgetCeilingBytes);

/**
 * Applies what the user asked for to their stored settings; locked and policy-only fields are
 * refused, and so is a cache budget above IT's ceiling (`invalid-value`).
 */
export function applyUserChanges(
  current: Partial<UserSettings>,
  changes: SettingsChanges,
  locked: readonly SettingsField[],
  limits: UserChangeLimits,
): UserChangeOutcome {
  const values: Partial<Record<UserSettingsField, unknown>> = { ...current };
  const applied: UserSettingsField[] = [];
  const refused: { field: string; code: SettingsRefusalCode }[] = [];
  for (const [field, value] of Object.entries(changes)) {
    const name = field.slice(0, 64);
    if ((locked as string[]).includes(field)) refused.push({ field: name, code: 'locked' });
    else if (isPolicyField(field) && !isUserField(field)) refused.push({ field: name, code: 'not-user-settable' });
    else if (!isUserField(field)) refused.push({ field: name, code: 'unknown-field' });
    else {
      const parsed = userSettingsSchema.shape[field].safeParse(value);
      if (!parsed.success || !withinLimits(field, parsed.data, limits))
        refused.push({ field: name, code: 'invalid-value' });
      else {
        values[field] = parsed.data;
        applied.push(field);
      }
    }
  }
  return { values: values as Partial<UserSettings>, applied, refused };
}

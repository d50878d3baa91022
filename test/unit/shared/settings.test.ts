/**
 * Merging defaults, the developer override, the user's settings and the machine policy: the
 * policy wins field by field, a broken policy falls back to safe defaults for the bad fields and
 * says so in codes, and only https reaches a server outside development.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  GIB,
  UNCONFIGURED_SERVER_URL,
  isAcceptableServiceUrl,
} from '../../../src/shared/policy/policy.ts';
import {
  applyUserChanges,
  effectivePolicy,
  readPolicy,
  readUserSettings,
  resolveSettings,
  EMPTY_POLICY,
} from '../../../src/shared/settings/resolve-settings.ts';
import { DEFAULT_USER_SETTINGS, settingsWarningSchema } from '../../../src/shared/settings/settings.ts';

const none = readUserSettings(null);

describe('machine policy over user settings', () => {
  it('uses the defaults without a policy or settings file; development talks to loopback', () => {
    const resolved = resolveSettings({ policy: EMPTY_POLICY, user: none, development: true });
    expect(resolved.effective).toEqual({ ...DEFAULT_POLICY, ...DEFAULT_USER_SETTINGS });
    expect(resolved.locked).toEqual([]);
    expect(resolved.warnings).toEqual([]);
  });

  it('leaves an installed build without a server until IT names one, and says so', () => {
    const resolved = resolveSettings({ policy: EMPTY_POLICY, user: none, development: false });
    expect(resolved.effective.serverUrl).toBe(UNCONFIGURED_SERVER_URL);
    expect(resolved.warnings).toEqual([{ code: 'server-not-configured' }]);
  });

  it('lets the policy win over the user field by field and locks exactly what it sets', () => {
    const resolved = resolveSettings({
      policy: readPolicy(
        JSON.stringify({ serverUrl: 'https://akte.jobcenter.example/', updateMode: 'off', cacheBudgetBytes: 4 * GIB }),
      ),
      user: readUserSettings(JSON.stringify({ cacheBudgetBytes: GIB, language: 'en', windowLayout: 'docked' })),
      devServerUrl: 'http://127.0.0.1:9999',
      development: true,
    });
    expect(resolved.effective).toMatchObject({
      serverUrl: 'https://akte.jobcenter.example/',
      updateMode: 'off',
      cacheBudgetBytes: 4 * GIB,
      language: 'en',
      windowLayout: 'docked',
      maxOfflineDays: 14,
    });
    expect(resolved.locked).toEqual(['serverUrl', 'updateMode', 'cacheBudgetBytes']);
    expect(resolved.warnings).toEqual([]);
    expect(effectivePolicy(resolved.effective)).toEqual({
      ...DEFAULT_POLICY,
      serverUrl: 'https://akte.jobcenter.example/',
      updateMode: 'off',
      cacheBudgetBytes: 4 * GIB,
    });
  });

  it('takes the developer server URL when the policy names none', () => {
    const resolved = resolveSettings({
      policy: EMPTY_POLICY,
      user: none,
      devServerUrl: 'http://127.0.0.1:9999',
      development: true,
    });
    expect(resolved.effective.serverUrl).toBe('http://127.0.0.1:9999');
  });

  it('falls back to safe defaults for bad fields, keeps the good ones, and reports each in codes', () => {
    const policy = readPolicy(
      JSON.stringify({
        $schema: './policy.schema.json',
        updateMode: 'sometimes',
        maxOfflineDays: 7,
        colour: 'blue',
        cacheBudgetBytes: 'viel',
        serverUrl: 'ftp://x',
      }),
    );
    const resolved = resolveSettings({
      policy,
      user: readUserSettings(JSON.stringify({ cacheBudgetBytes: 8 * GIB })),
      development: false,
    });
    expect(resolved.effective).toMatchObject({
      updateMode: DEFAULT_POLICY.updateMode,
      maxOfflineDays: 7,
      // IT meant to decide the budget: its bad value gives the default, not the user's choice.
      cacheBudgetBytes: DEFAULT_POLICY.cacheBudgetBytes,
      serverUrl: UNCONFIGURED_SERVER_URL,
    });
    expect(resolved.locked).toEqual(['updateMode', 'maxOfflineDays', 'cacheBudgetBytes', 'serverUrl']);
    expect(resolved.warnings).toEqual([
      { code: 'policy-invalid-value', field: 'updateMode' },
      { code: 'policy-unknown-field', field: 'colour' },
      { code: 'policy-invalid-value', field: 'cacheBudgetBytes' },
      { code: 'policy-invalid-value', field: 'serverUrl' },
      { code: 'server-not-configured' },
    ]);
    for (const warning of resolved.warnings) expect(settingsWarningSchema.parse(warning)).toEqual(warning);
  });

  it('survives a policy that is not JSON or not an object', () => {
    expect(readPolicy('{oops').warnings).toEqual([{ code: 'policy-not-json' }]);
    expect(readPolicy('[1]').warnings).toEqual([{ code: 'policy-not-object' }]);
    expect(readPolicy('\uFEFF{"maxOfflineDays": 3}').values).toEqual({ maxOfflineDays: 3 });
    const resolved = resolveSettings({ policy: readPolicy('null'), user: none, development: true });
    expect(resolved.effective.maxOfflineDays).toBe(DEFAULT_POLICY.maxOfflineDays);
  });

  it('refuses a server or update URL that is not https, except loopback in development', () => {
    const installed = resolveSettings({
      policy: readPolicy(
        JSON.stringify({ serverUrl: 'http://akte.jobcenter.example/', updateUrl: 'http://127.0.0.1:8080/updates/' }),
      ),
      user: none,
      development: false,
    });
    expect(installed.effective.serverUrl).toBe(UNCONFIGURED_SERVER_URL);
    expect(installed.effective.updateUrl).toBeUndefined();
    expect(installed.warnings).toEqual([
      { code: 'policy-insecure-url', field: 'serverUrl' },
      { code: 'policy-insecure-url', field: 'updateUrl' },
      { code: 'server-not-configured' },
    ]);
    const development = resolveSettings({
      policy: readPolicy(JSON.stringify({ updateUrl: 'http://127.0.0.1:8080/updates/' })),
      user: none,
      devServerUrl: 'http://akte.jobcenter.example/',
      development: true,
    });
    expect(development.effective.serverUrl).toBe(DEFAULT_POLICY.serverUrl);
    expect(development.effective.updateUrl).toBe('http://127.0.0.1:8080/updates/');
    expect(development.warnings).toEqual([
      { code: 'policy-insecure-url', field: 'serverUrl', params: { source: 'environment' } },
    ]);
  });

  it('knows loopback from look-alikes', () => {
    const dev = { allowLoopbackHttp: true };
    for (const url of ['http://127.0.0.1:8787', 'http://localhost/', 'http://[::1]:80/x', 'https://anything.example'])
      expect(isAcceptableServiceUrl(url, dev), url).toBe(true);
    for (const url of [
      'http://127.0.0.1.example/',
      'http://localhost.example/',
      'http://127.0.0.1@evil.example/',
      'http://localhost:80@evil.example/',
      'http://10.0.0.1/',
      'ftp://127.0.0.1/',
      'https://user@akte.example/',
    ])
      expect(isAcceptableServiceUrl(url, dev), url).toBe(false);
    expect(isAcceptableServiceUrl('http://127.0.0.1:8787', { allowLoopbackHttp: false })).toBe(false);
  });

  it('reports a broken settings file and ignores fields of other versions', () => {
    expect(readUserSettings('nope').warnings).toEqual([{ code: 'settings-unreadable' }]);
    expect(readUserSettings(JSON.stringify({ language: 'fr', theme: 'dark', windowLayout: 'docked' }))).toEqual({
      values: { windowLayout: 'docked' },
      warnings: [{ code: 'settings-invalid-value', field: 'language' }],
    });
  });
});

describe('user changes', () => {
  it('applies user-settable fields and refuses locked, policy-only, unknown and invalid ones with a code', () => {
    const outcome = applyUserChanges(
      { language: 'de' },
      {
        language: 'en',
        windowLayout: 'docked',
        cacheBudgetBytes: GIB,
        serverUrl: 'https://elsewhere.example/',
        theme: 'dark',
        maxOfflineDays: 3,
      },
      ['cacheBudgetBytes'],
      DEFAULT_POLICY,
    );
    expect(outcome.values).toEqual({ language: 'en', windowLayout: 'docked' });
    expect(outcome.applied).toEqual(['language', 'windowLayout']);
    expect(outcome.refused).toEqual([
      { field: 'cacheBudgetBytes', code: 'locked' },
      { field: 'serverUrl', code: 'not-user-settable' },
      { field: 'theme', code: 'unknown-field' },
      { field: 'maxOfflineDays', code: 'not-user-settable' },
    ]);
    expect(applyUserChanges({}, { language: 'fr' }, [], DEFAULT_POLICY).refused).toEqual([
      { field: 'language', code: 'invalid-value' },
    ]);
  });

  it('takes a chosen viewer display by its key and refuses anything else', () => {
    const outcome = applyUserChanges({}, { viewerDisplay: '1920,0,2560x1440' }, [], DEFAULT_POLICY);
    expect(outcome.values).toEqual({ viewerDisplay: '1920,0,2560x1440' });
    expect(applyUserChanges({}, { viewerDisplay: 'auto' }, [], DEFAULT_POLICY).applied).toEqual(['viewerDisplay']);
    for (const bad of ['Bildschirm 2', '1920,0', 2, null])
      expect(applyUserChanges({}, { viewerDisplay: bad }, [], DEFAULT_POLICY).refused, String(bad)).toEqual([
        { field: 'viewerDisplay', code: 'invalid-value' },
      ]);
  });
});

describe('the cache budget ceiling', () => {
  const ceiling = (bytes: number) => readPolicy(JSON.stringify({ cacheBudgetCeilingBytes: bytes }));

  it('is four times the default budget when IT sets none', () => {
    expect(DEFAULT_POLICY.cacheBudgetCeilingBytes).toBe(4 * DEFAULT_POLICY.cacheBudgetBytes);
    const resolved = resolveSettings({
      policy: EMPTY_POLICY,
      user: readUserSettings(JSON.stringify({ cacheBudgetBytes: 8 * GIB })),
      development: true,
    });
    expect(resolved.effective.cacheBudgetBytes).toBe(8 * GIB);
    expect(resolved.warnings).toEqual([]);
  });

  it('refuses a user choice above the ceiling and takes one at it', () => {
    const resolved = resolveSettings({ policy: ceiling(4 * GIB), user: none, development: true });
    expect(resolved.locked).toEqual(['cacheBudgetCeilingBytes']);
    const above = applyUserChanges({}, { cacheBudgetBytes: 4 * GIB + 1 }, resolved.locked, resolved.effective);
    expect(above.refused).toEqual([{ field: 'cacheBudgetBytes', code: 'invalid-value' }]);
    expect(above.values).toEqual({});
    const at = applyUserChanges({}, { cacheBudgetBytes: 4 * GIB }, resolved.locked, resolved.effective);
    expect(at.values).toEqual({ cacheBudgetBytes: 4 * GIB });
    expect(applyUserChanges({}, { cacheBudgetCeilingBytes: 64 * GIB }, [], DEFAULT_POLICY).refused).toEqual([
      { field: 'cacheBudgetCeilingBytes', code: 'not-user-settable' },
    ]);
  });

  it('clamps a stored choice above a ceiling lowered later, and says so with both figures', () => {
    const resolved = resolveSettings({
      policy: ceiling(GIB),
      user: readUserSettings(JSON.stringify({ cacheBudgetBytes: 4 * GIB })),
      development: true,
    });
    expect(resolved.effective.cacheBudgetBytes).toBe(GIB);
    expect(effectivePolicy(resolved.effective).cacheBudgetBytes).toBe(GIB);
    expect(resolved.warnings).toEqual([
      {
        code: 'settings-cache-budget-above-ceiling',
        field: 'cacheBudgetBytes',
        params: { storedBytes: 4 * GIB, ceilingBytes: GIB },
      },
    ]);
    for (const warning of resolved.warnings) expect(settingsWarningSchema.parse(warning)).toEqual(warning);
  });

  it('brings the default down to a ceiling below it without a warning, and leaves IT’s own budget alone', () => {
    const lowered = resolveSettings({ policy: ceiling(GIB), user: none, development: true });
    expect(lowered.effective.cacheBudgetBytes).toBe(GIB);
    expect(lowered.warnings).toEqual([]);
    const both = resolveSettings({
      policy: readPolicy(JSON.stringify({ cacheBudgetBytes: 3 * GIB, cacheBudgetCeilingBytes: GIB })),
      user: none,
      development: true,
    });
    expect(both.effective.cacheBudgetBytes).toBe(3 * GIB);
    expect(both.warnings).toEqual([]);
  });

  it('falls back to the default ceiling when IT’s value is no good', () => {
    const resolved = resolveSettings({ policy: ceiling(1024), user: none, development: true });
    expect(resolved.effective.cacheBudgetCeilingBytes).toBe(DEFAULT_POLICY.cacheBudgetCeilingBytes);
    expect(resolved.warnings).toEqual([{ code: 'policy-invalid-value', field: 'cacheBudgetCeilingBytes' }]);
  });
});

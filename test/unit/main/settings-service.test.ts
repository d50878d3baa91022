/**
 * Settings in main over a real settings file: user changes are saved and survive a restart,
 * locked fields are refused with a code, listeners hear about changes, the keyring state is part
 * of what the renderer reads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/logger.ts';
import { nodeFs } from '../../../src/main/node-fs.ts';
import { SettingsService } from '../../../src/main/settings-service.ts';
import { GIB } from '../../../src/shared/policy/policy.ts';
import { EMPTY_POLICY, readPolicy } from '../../../src/shared/settings/resolve-settings.ts';
import { settingsSnapshotSchema, type SettingsSnapshot } from '../../../src/shared/settings/settings.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'eakte-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = createLogger('settings', () => undefined);

function load(settingsFile: string, policyText: string | null = null) {
  return SettingsService.load({
    fs: nodeFs,
    settingsFile,
    policy: policyText === null ? EMPTY_POLICY : readPolicy(policyText),
    development: false,
    keyring: () => 'none',
    logger: quiet,
  });
}

describe('settings service', () => {
  it('saves what the user chooses and reads it again at the next start', async () => {
    const file = path.join(dir, 'a', 'settings.json');
    const service = await load(file, JSON.stringify({ serverUrl: 'https://akte.jobcenter.example/' }));
    const heard: SettingsSnapshot[] = [];
    service.onChange((snapshot) => heard.push(snapshot));
    const result = await service.update({ language: 'en', windowLayout: 'docked', serverUrl: 'https://x.example/' });
    expect(result.applied).toEqual(['language', 'windowLayout']);
    expect(result.refused).toEqual([{ field: 'serverUrl', code: 'locked' }]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'en', windowLayout: 'docked' });
    expect(heard).toHaveLength(1);
    expect(heard[0]!.effective.language).toBe('en');

    const again = await load(file, JSON.stringify({ serverUrl: 'https://akte.jobcenter.example/' }));
    const snapshot = again.snapshot();
    expect(settingsSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot).toMatchObject({
      effective: { language: 'en', windowLayout: 'docked', serverUrl: 'https://akte.jobcenter.example/' },
      locked: ['serverUrl'],
      warnings: [],
      keyring: 'none',
    });
    expect(again.policy().serverUrl).toBe('https://akte.jobcenter.example/');
  });

  it('refuses a locked field without touching the file', async () => {
    const file = path.join(dir, 'b', 'settings.json');
    const service = await load(file, JSON.stringify({ cacheBudgetBytes: 4 * GIB }));
    const result = await service.update({ cacheBudgetBytes: GIB });
    expect(result.refused).toEqual([{ field: 'cacheBudgetBytes', code: 'locked' }]);
    expect(result.snapshot.effective.cacheBudgetBytes).toBe(4 * GIB);
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });

  it('refuses a budget above IT’s ceiling and keeps a viewer display chosen by key', async () => {
    const file = path.join(dir, 'd', 'settings.json');
    const service = await load(file, JSON.stringify({ cacheBudgetCeilingBytes: 4 * GIB }));
    const result = await service.update({ cacheBudgetBytes: 8 * GIB, viewerDisplay: '1920,0,2560x1440' });
    expect(result.applied).toEqual(['viewerDisplay']);
    expect(result.refused).toEqual([{ field: 'cacheBudgetBytes', code: 'invalid-value' }]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ viewerDisplay: '1920,0,2560x1440' });
    expect(service.userValue('viewerDisplay')).toBe('1920,0,2560x1440');
    expect((await service.update({ cacheBudgetBytes: 4 * GIB })).applied).toEqual(['cacheBudgetBytes']);
  });

  it('starts with defaults from a broken settings file, warns, and heals it on the next save', async () => {
    const file = path.join(dir, 'c-settings.json');
    writeFileSync(file, '{"language": "de",');
    const service = await load(file);
    expect(service.snapshot().warnings).toEqual([{ code: 'settings-unreadable' }, { code: 'server-not-configured' }]);
    await service.update({ language: 'en' });
    expect(service.snapshot().warnings).toEqual([{ code: 'server-not-configured' }]);
  });
});

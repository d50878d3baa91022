/**
 * The machine policy as main reads it: the platform's path, the developer overrides only an
 * unpackaged build honours, and a policy file that is missing, unreadable or broken.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFs } from '../../../src/main/node-fs.ts';
import { launchOverrides, machinePolicyPath, readMachinePolicy } from '../../../src/main/policy.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'eakte-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('machine policy file', () => {
  it('knows where IT puts the file on each platform', () => {
    expect(machinePolicyPath('linux', {})).toBe('/etc/e-akte/policy.json');
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\E-Akte\\policy.json');
    expect(machinePolicyPath('win32', {})).toBe('C:\\ProgramData\\E-Akte\\policy.json');
    expect(machinePolicyPath('darwin', {})).toBe('/Library/Application Support/E-Akte/policy.json');
  });

  it('honours the developer overrides only in an unpackaged build', () => {
    const env = { EAKTE_POLICY_FILE: '/tmp/p.json', EAKTE_SERVER_URL: 'http://127.0.0.1:9' };
    expect(launchOverrides(env, false)).toEqual({ policyFile: '/tmp/p.json', serverUrl: 'http://127.0.0.1:9' });
    expect(launchOverrides(env, true)).toEqual({});
    expect(launchOverrides({}, false)).toEqual({});
  });

  it('reads a real file field by field; a missing file is no policy', async () => {
    const file = path.join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ updateMode: 'off', maxOfflineDays: 'x' }));
    expect(await readMachinePolicy(nodeFs, file)).toEqual({
      values: { updateMode: 'off' },
      locked: ['updateMode', 'maxOfflineDays'],
      warnings: [{ code: 'policy-invalid-value', field: 'maxOfflineDays' }],
    });
    expect(await readMachinePolicy(nodeFs, path.join(dir, 'missing.json'))).toEqual({
      values: {},
      locked: [],
      warnings: [],
    });
  });

  it('reports a policy it may not read instead of starting as if there were none', async () => {
    const file = path.join(dir, 'locked.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o000);
    const reading = await readMachinePolicy(nodeFs, file);
    chmodSync(file, 0o600);
    // Root may read anything; then the file simply parses.
    if (process.getuid?.() === 0) expect(reading.warnings).toEqual([]);
    else expect(reading.warnings).toEqual([{ code: 'policy-unreadable', params: { errorCode: 'EACCES' } }]);
    const folder = await readMachinePolicy(nodeFs, dir);
    expect(folder.warnings).toEqual([{ code: 'policy-unreadable', params: { errorCode: 'EISDIR' } }]);
  });
});

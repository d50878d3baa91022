import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/logger.ts';
import { machinePolicyPath, resolvePolicy } from '../../../src/main/policy.ts';
import { DEFAULT_POLICY, GIB } from '../../../src/shared/policy/policy.ts';

function collect() {
  const lines: string[] = [];
  return { lines, logger: createLogger('policy', (l) => lines.push(l)) };
}

describe('machine policy', () => {
  it('uses the defaults without a policy file', () => {
    expect(resolvePolicy({ machinePolicyText: null }, collect().logger)).toEqual(DEFAULT_POLICY);
  });

  it('lets IT override fields, and the policy wins over the developer override', () => {
    const policy = resolvePolicy(
      {
        machinePolicyText: JSON.stringify({
          serverUrl: 'https://akte.jobcenter.example/',
          updateMode: 'off',
          cacheBudgetBytes: 4 * GIB,
        }),
        devServerUrl: 'http://127.0.0.1:9999',
      },
      collect().logger,
    );
    expect(policy).toMatchObject({
      serverUrl: 'https://akte.jobcenter.example/',
      updateMode: 'off',
      cacheBudgetBytes: 4 * GIB,
      maxOfflineDays: 14,
    });
  });

  it('ignores invalid fields one by one and logs them', () => {
    const { lines, logger } = collect();
    const policy = resolvePolicy(
      {
        machinePolicyText: JSON.stringify({
          updateMode: 'sometimes',
          maxOfflineDays: 7,
          colour: 'blue',
          serverUrl: 'ftp://x',
        }),
      },
      logger,
    );
    expect(policy).toEqual({ ...DEFAULT_POLICY, maxOfflineDays: 7 });
    expect(lines.join('\n')).toMatch(/invalid value in machine policy ignored.*updateMode/);
    expect(lines.join('\n')).toMatch(/unknown field in machine policy ignored.*colour/);
    expect(lines.join('\n')).toMatch(/serverUrl/);
  });

  it('survives a policy file that is not JSON', () => {
    const { lines, logger } = collect();
    expect(resolvePolicy({ machinePolicyText: '{oops' }, logger)).toEqual(DEFAULT_POLICY);
    expect(lines).toHaveLength(1);
  });

  it('knows where IT puts the file', () => {
    expect(machinePolicyPath('linux', {})).toBe('/etc/e-akte-desktop/policy.json');
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\E-Akte Desktop\\policy.json');
    expect(machinePolicyPath('linux', { EAKTE_POLICY_FILE: '/tmp/p.json' })).toBe('/tmp/p.json');
  });
});

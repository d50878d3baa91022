/**
 * Where the machine-wide policy lives and how main reads it. The policy itself (fields, merge,
 * warnings) is in src/shared/settings; this adds the platform's path, the developer overrides
 * that only unpackaged builds honour, and a file that exists but cannot be read.
 */
import { readPolicy, type PolicyReading } from '../shared/settings/resolve-settings.ts';
import { errorCode, type FsPort } from './node-fs.ts';

/** Where IT puts the machine policy on each platform. */
export function machinePolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  switch (platform) {
    case 'win32':
      return `${env['ProgramData'] ?? 'C:\\ProgramData'}\\E-Akte\\policy.json`;
    case 'darwin':
      return '/Library/Application Support/E-Akte/policy.json';
    default:
      return '/etc/e-akte/policy.json';
  }
}

export type LaunchOverrides = { readonly policyFile?: string; readonly serverUrl?: string };

/**
 * EAKTE_POLICY_FILE and EAKTE_SERVER_URL are for development and tests. An installed app ignores
 * them: anyone who can set a user's environment could otherwise point it at another server.
 */
export function launchOverrides(env: NodeJS.ProcessEnv, packaged: boolean): LaunchOverrides {
  if (packaged) return {};
  const policyFile = env['EAKTE_POLICY_FILE'];
  const serverUrl = env['EAKTE_SERVER_URL'];
  return { ...(policyFile ? { policyFile } : {}), ...(serverUrl ? { serverUrl } : {}) };
}

/** Reads the policy file; a missing file is no policy, an unreadable one a warning. */
export async function readMachinePolicy(fs: FsPort, filePath: string): Promise<PolicyReading> {
  try {
    return readPolicy(await fs.readText(filePath));
  } catch (error) {
    return {
      values: {},
      locked: [],
      warnings: [{ code: 'policy-unreadable', params: { errorCode: (errorCode(error) ?? 'unknown').slice(0, 64) } }],
    };
  }
}

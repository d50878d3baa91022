/**
 * Reads the machine-wide policy IT sets (a JSON file) and merges it over the defaults. A policy
 * that does not parse is logged and ignored field by field, so a typo never locks a desk out.
 */
import { DEFAULT_POLICY, policySchema, type Policy } from '../shared/policy/policy.ts';
import type { Logger } from './logger.ts';

export type PolicySources = {
  /** Contents of the machine policy file, or null when there is none. */
  machinePolicyText: string | null;
  /** Developer override of the server URL (unpackaged builds only). */
  devServerUrl?: string | undefined;
};

export function resolvePolicy({ machinePolicyText, devServerUrl }: PolicySources, logger: Logger): Policy {
  let merged: Policy = { ...DEFAULT_POLICY };
  if (devServerUrl) merged = { ...merged, serverUrl: devServerUrl };
  if (machinePolicyText === null) return checked(merged, logger);
  let raw: unknown;
  try {
    raw = JSON.parse(machinePolicyText);
  } catch {
    logger.error('machine policy is not valid JSON; defaults apply');
    return checked(merged, logger);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    logger.error('machine policy is not a JSON object; defaults apply');
    return checked(merged, logger);
  }
  const fields = policySchema.partial().shape;
  for (const [key, value] of Object.entries(raw)) {
    const schema = fields[key as keyof typeof fields];
    if (!schema) {
      logger.warn('unknown field in machine policy ignored', { field: key });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) merged = { ...merged, [key]: parsed.data };
    else logger.error('invalid value in machine policy ignored', { field: key });
  }
  return checked(merged, logger);
}

function checked(policy: Policy, logger: Logger): Policy {
  const parsed = policySchema.safeParse(policy);
  if (parsed.success) return parsed.data;
  logger.error('effective policy invalid; defaults apply');
  return DEFAULT_POLICY;
}

/** Where IT puts the machine policy on each platform. */
export function machinePolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (env['EAKTE_POLICY_FILE']) return env['EAKTE_POLICY_FILE'];
  switch (platform) {
    case 'win32':
      return `${env['ProgramData'] ?? 'C:\\ProgramData'}\\E-Akte Desktop\\policy.json`;
    case 'darwin':
      return '/Library/Application Support/E-Akte Desktop/policy.json';
    default:
      return '/etc/e-akte-desktop/policy.json';
  }
}

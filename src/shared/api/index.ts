/** The REST contract (v1): request and response schemas shared by client and reference server. */
export * from './limits.ts';
export * from './problem.ts';
export * from './auth.ts';
export * from './changes.ts';
export * from './mutations.ts';
export * from './letters.ts';
export * from './audit.ts';
export * from './health.ts';

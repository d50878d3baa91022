/** The domain of the case file: entities as zod schemas with their inferred types. */
export * from './ids.ts';
export * from './user.ts';
export * from './assignment.ts';
export * from './case.ts';
export * from './person.ts';
export * from './document.ts';
export * from './annotation.ts';
export * from './note.ts';
export * from './follow-up.ts';
export * from './letter.ts';
export * from './audit.ts';
export * from './original-retention.ts';

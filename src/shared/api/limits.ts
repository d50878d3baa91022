/**
 * Limits of the REST contract. The client uses them to size its batches; the server refuses
 * anything beyond them, so both ends must read the same numbers.
 */
export const API_PREFIX = '/api/v1';

/** Largest JSON request body the service accepts, in bytes. */
export const MAX_JSON_BODY_BYTES = 1_048_576;

/** Mutations per `POST /mutations` batch. */
export const MAX_MUTATIONS_PER_BATCH = 100;

/** Audit events per `POST /audit` batch. */
export const MAX_AUDIT_EVENTS_PER_BATCH = 500;

/** Size limit of a letter's PDF in `POST /letters`. */
export const MAX_LETTER_PDF_BYTES = 20 * 1_048_576;

/** Size limit of a letter's `meta` part in `POST /letters`. */
export const MAX_LETTER_META_BYTES = 16_384;

/** Change-feed page size: default and ceiling of `limit`. */
export const DEFAULT_CHANGES_LIMIT = 500;
export const MAX_CHANGES_LIMIT = 1000;

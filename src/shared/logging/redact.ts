/**
 * The guard that keeps personal data out of log lines, in main and in the renderer's ring alike.
 * A log line is a constant message plus small structured fields. Numbers, booleans and null pass;
 * a string passes only under a known-safe key (codes, channels, states, versions — never names,
 * BG numbers, addresses or document titles) and only when it looks like a code; every other
 * string field is dropped and counted. Messages are cut short and scrubbed of what still looks
 * personal (BG numbers, e-mail addresses, long digit runs, ids, home folders).
 */

export type LogValue = string | number | boolean | null;
export type LogFields = Readonly<Record<string, LogValue>>;

/** Keys whose string values are codes the program chose, never data a person typed or owns. */
export const SAFE_LOG_KEYS: ReadonlySet<string> = new Set([
  'arch',
  'backend',
  'channel',
  'code',
  'display',
  'during',
  'entity',
  'errorCode',
  'errorName',
  'event',
  'feature',
  'field',
  'kind',
  'layout',
  'level',
  'mode',
  'module',
  'op',
  'outcome',
  'permission',
  'phase',
  'platform',
  'reason',
  'scheme',
  'source',
  'state',
  'status',
  'target',
  'version',
  'window',
]);

/** What a code looks like: letters, digits and a few separators, no spaces. */
const CODE_VALUE = /^[A-Za-z0-9_.:/+-]{0,80}$/;
export const MAX_MESSAGE_LENGTH = 200;
export const MAX_FIELDS = 16;

const SCRUBBERS: readonly [RegExp, string][] = [
  [/\b\d{5}\s*BG\s*\d{7}\b/gi, '<bg>'],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<email>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/(?:[A-Za-z]:\\Users\\|\/home\/|\/Users\/)[^\\/\s]+/g, '<home>'],
  [/\d{5,}/g, '<n>'],
];

/** Removes what looks personal from free text and cuts it to length. */
export function scrubLogText(text: string, maxLength = MAX_MESSAGE_LENGTH): string {
  let scrubbed = text.replace(/[\r\n\t]+/g, ' ');
  for (const [pattern, replacement] of SCRUBBERS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed.length > maxLength ? `${scrubbed.slice(0, maxLength - 1)}…` : scrubbed;
}

/** The fields that may be written; `redacted` counts what was dropped. */
export function redactLogFields(fields: Readonly<Record<string, unknown>> | undefined): Record<string, LogValue> {
  const kept: Record<string, LogValue> = {};
  let redacted = 0;
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (Object.keys(kept).length >= MAX_FIELDS || !/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(key)) {
      redacted += 1;
      continue;
    }
    if (value === null || typeof value === 'boolean') kept[key] = value;
    else if (typeof value === 'number') kept[key] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'string' && SAFE_LOG_KEYS.has(key) && CODE_VALUE.test(value)) kept[key] = value;
    else redacted += 1;
  }
  if (redacted) kept['redacted'] = redacted;
  return kept;
}

/** The name and code of an error, which is all of it a log line may carry. */
export function errorFields(error: unknown): Record<string, LogValue> {
  if (typeof error !== 'object' || error === null) return { errorName: typeof error };
  const name = 'name' in error && typeof error.name === 'string' ? error.name : 'Error';
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  return { errorName: name, errorCode: code };
}

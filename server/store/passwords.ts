/**
 * Password hashing with scrypt at the parameters of the OWASP Password Storage Cheat Sheet
 * (N = 2^17, r = 8, p = 1). The parameters travel in the stored string
 * (`scrypt$N$r$p$salt$key`), so hashes made with older, weaker parameters still verify and are
 * replaced at the user's next successful sign-in (`needsRehash`).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export type ScryptParams = { readonly N: number; readonly r: number; readonly p: number };

export const CURRENT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/**
 * Stored strings come from our own database, but a damaged row must not make the service try to
 * allocate gigabytes: parameters outside these bounds do not verify at all.
 */
const MAX_MEMORY_BYTES = 512 * 1_048_576;
const MAX_P = 16;

/** scrypt needs about 128·N·r bytes; Node refuses above `maxmem` (32 MiB by default, too little for N = 2^17). */
const memoryFor = ({ N, r }: ScryptParams) => 128 * N * r + 1_048_576;

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: memoryFor(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

type ParsedHash = { readonly params: ScryptParams; readonly salt: Buffer; readonly key: Buffer };

const POSITIVE_INT = /^[1-9][0-9]{0,9}$/;

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !n || !r || !p || !salt || !key) return undefined;
  if (!POSITIVE_INT.test(n) || !POSITIVE_INT.test(r) || !POSITIVE_INT.test(p)) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = params.N >= 2 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.p > MAX_P || 128 * params.N * params.r > MAX_MEMORY_BYTES) return undefined;
  const saltBytes = Buffer.from(salt, 'base64');
  const keyBytes = Buffer.from(key, 'base64');
  if (saltBytes.length === 0 || keyBytes.length < 16 || keyBytes.length > 64) return undefined;
  return { params, salt: saltBytes, key: keyBytes };
}

/** `params` is for tests and migrations only; everything else hashes at `CURRENT_SCRYPT`. */
export async function hashPassword(password: string, params: ScryptParams = CURRENT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A hash for unknown users, so that a wrong username costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const effective = stored ?? (await (dummyHash ??= hashPassword('dummy-password-never-matches')));
  const parsed = parseHash(effective);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return stored !== undefined && timingSafeEqual(parsed.key, actual);
}

/** True when a stored hash was made with weaker parameters than today's (or cannot be read). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return (
    N < CURRENT_SCRYPT.N ||
    r < CURRENT_SCRYPT.r ||
    p < CURRENT_SCRYPT.p ||
    parsed.salt.length < SALT_LENGTH ||
    parsed.key.length < KEY_LENGTH
  );
}

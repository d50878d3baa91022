/**
 * Browser-mode stand-in for the operating system's key protection (safeStorage): a non-extractable
 * AES-GCM key kept in its own IndexedDB database. It protects like safeStorage does: bound to this
 * profile, useless when copied elsewhere without the key store.
 */
import { base64ToBytes, bytesToBase64 } from '../../shared/util/base64.ts';

const DB_NAME = 'eakte-device-key';
const STORE = 'keys';
const KEY_ID = 'device';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function openStore(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

let deviceKey: Promise<CryptoKey> | undefined;

async function loadOrCreateKey(): Promise<CryptoKey> {
  const db = await openStore();
  try {
    const existing: unknown = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
    if (existing instanceof CryptoKey) return existing;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(key, KEY_ID));
    return key;
  } finally {
    db.close();
  }
}

function getKey(): Promise<CryptoKey> {
  deviceKey ??= loadOrCreateKey();
  return deviceKey;
}

export async function protectInBrowser(plaintextBase64: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = base64ToBytes(plaintextBase64);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await getKey(), data));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return bytesToBase64(out);
}

export async function unprotectInBrowser(sealedBase64: string): Promise<string> {
  const bytes = base64ToBytes(sealedBase64);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.slice(0, 12) },
    await getKey(),
    bytes.slice(12),
  );
  return bytesToBase64(new Uint8Array(plain));
}

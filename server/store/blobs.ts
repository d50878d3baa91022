/**
 * PDF bytes on disk, addressed by their sha256. Written to a temporary name and renamed, so a
 * crash never leaves a half-written file under a valid name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type StoredBlob = { sha256: string; byteSize: number };

const SHA = /^[0-9a-f]{64}$/;

export class BlobStore {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'blobs');
    mkdirSync(this.#dir, { recursive: true });
  }

  /** Path of a blob; throws on anything but a sha256 so that no caller can escape the folder. */
  pathOf(sha256: string): string {
    if (!SHA.test(sha256)) throw new Error('not a sha256');
    return join(this.#dir, sha256.slice(0, 2), `${sha256}.pdf`);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  size(sha256: string): number {
    return statSync(this.pathOf(sha256)).size;
  }

  /** Stores the concatenation of `chunks` (not copied into one buffer first). */
  put(chunks: readonly Uint8Array[]): StoredBlob {
    const hash = createHash('sha256');
    let byteSize = 0;
    for (const chunk of chunks) {
      hash.update(chunk);
      byteSize += chunk.byteLength;
    }
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    if (existsSync(target)) return { sha256, byteSize };
    mkdirSync(join(this.#dir, sha256.slice(0, 2)), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of chunks) {
        let offset = 0;
        while (offset < chunk.byteLength) offset += writeSync(fd, chunk, offset);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    return { sha256, byteSize };
  }
}

/**
 * Makes a clean raster look scanned: soft edges, a slight skew, paper tone with a shade gradient,
 * sensor noise and a few specks of dust. Deterministic for a given random stream.
 */
import type { Rng } from './rng.ts';

export function applyScanEffect(src: Uint8Array, width: number, height: number, rng: Rng): Uint8Array {
  const blurred = boxBlur(src, width, height);
  const angle = ((rng.next() - 0.5) * 1.6 * Math.PI) / 180;
  const shiftX = (rng.next() - 0.5) * 8;
  const shiftY = (rng.next() - 0.5) * 8;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const paper = 232 + rng.int(0, 12);
  const shade = rng.next() * 10;
  const out = new Uint8Array(width * height);
  let noiseState = rng.int(1, 0x7fffffff);
  for (let y = 0; y < height; y++) {
    const rowTone = paper - shade * (y / height);
    for (let x = 0; x < width; x++) {
      // Inverse rotation: where in the clean page does this scanned pixel come from?
      const dx = x - cx - shiftX;
      const dy = y - cy - shiftY;
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      let v = 255;
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      if (ix >= 0 && iy >= 0 && ix < width - 1 && iy < height - 1) {
        const fx = sx - ix;
        const fy = sy - iy;
        const i = iy * width + ix;
        const top = (blurred[i] ?? 255) * (1 - fx) + (blurred[i + 1] ?? 255) * fx;
        const bottom = (blurred[i + width] ?? 255) * (1 - fx) + (blurred[i + width + 1] ?? 255) * fx;
        v = top * (1 - fy) + bottom * fy;
      }
      // Cheap xorshift noise, two draws for a rough bell shape.
      noiseState ^= noiseState << 13;
      noiseState ^= noiseState >>> 17;
      noiseState ^= noiseState << 5;
      const n = ((noiseState & 0xff) + ((noiseState >>> 8) & 0xff) - 255) / 255;
      const edge = x < 6 ? (6 - x) * 9 : 0;
      const value = (v / 255) * rowTone + n * 5 - edge;
      out[y * width + x] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
  const specks = rng.int(5, 40);
  for (let k = 0; k < specks; k++) {
    const x = rng.int(0, width - 3);
    const y = rng.int(0, height - 3);
    const size = rng.int(1, 2);
    for (let yy = 0; yy < size; yy++)
      for (let xx = 0; xx < size; xx++) out[(y + yy) * width + x + xx] = rng.int(60, 140);
  }
  return out;
}

function boxBlur(src: Uint8Array, width: number, height: number): Uint8Array {
  const tmp = new Uint8Array(src.length);
  const out = new Uint8Array(src.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const l = src[row + Math.max(0, x - 1)] ?? 255;
      const r = src[row + Math.min(width - 1, x + 1)] ?? 255;
      tmp[row + x] = (l + 2 * (src[row + x] ?? 255) + r) >> 2;
    }
  }
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * width;
    const down = Math.min(height - 1, y + 1) * width;
    const row = y * width;
    for (let x = 0; x < width; x++)
      out[row + x] = ((tmp[up + x] ?? 255) + 2 * (tmp[row + x] ?? 255) + (tmp[down + x] ?? 255)) >> 2;
  }
  return out;
}

/**
 * The application icon files in assets/ are what electron-builder expects and are current with
 * their source, assets/icon.svg (run `npm run icons` after changing it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, ICON_SVG, PNG_SIZES, renderIcons } from '../../../scripts/make-icons.ts';

const assets = fileURLToPath(new URL('../../../assets/', import.meta.url));
const read = (name: string) => readFileSync(`${assets}${name}`);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = Buffer.from(bytes);
  expect(view.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [view.readUInt32BE(16), view.readUInt32BE(20)];
}

describe('application icon', () => {
  it('has a PNG of every size, with those pixel sizes', () => {
    for (const size of PNG_SIZES) expect(pngSize(read(`icons/${size}x${size}.png`))).toEqual([size, size]);
    expect(pngSize(read('icon.png'))).toEqual([512, 512]);
  });

  it('has a Windows .ico whose directory lists each size with its PNG', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, k) => {
      const entry = 6 + 16 * k;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.readUInt8(entry) || 256).toBe(size);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual([size, size]);
    });
  });

  it('has a macOS .icns with the standard PNG entries', () => {
    const icns = read('icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let offset = 8;
    for (const [type, size] of ICNS_TYPES) {
      expect(icns.subarray(offset, offset + 4).toString('ascii')).toBe(type);
      const length = icns.readUInt32BE(offset + 4);
      expect(pngSize(icns.subarray(offset + 8, offset + length))).toEqual([size, size]);
      offset += length;
    }
    expect(offset).toBe(icns.length);
  });

  it('is current with assets/icon.svg', async () => {
    const files = await renderIcons(readFileSync(ICON_SVG, 'utf8'));
    for (const [name, bytes] of files) expect(Buffer.compare(read(name), Buffer.from(bytes)), name).toBe(0);
  });
});

/**
 * The sRGB profile in the output intent is ours: the committed file is exactly what the script
 * computes from the sRGB definition, and its header says what PDF/A requires (an RGB display
 * profile of ICC version 2, with XYZ as connection space).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildSrgbProfile } from '../../../../scripts/make-srgb-icc.ts';
import { iccProfile } from './support.ts';

const ascii = (bytes: Uint8Array, at: number) => new TextDecoder('latin1').decode(bytes.subarray(at, at + 4));
const u32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);
const s15f16 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getInt32(at) / 65536;

it('is the profile the script makes, byte for byte', () => {
  expect(iccProfile).toEqual(buildSrgbProfile());
  expect(readFileSync(new URL('../../../../assets/icc/sRGB-v2.icc', import.meta.url)).byteLength).toBe(
    iccProfile.byteLength,
  );
});

it('is an ICC v2 RGB display profile with the sRGB colorants adapted to D50', () => {
  const p = iccProfile;
  expect(u32(p, 0)).toBe(p.byteLength);
  expect(u32(p, 8)).toBe(0x02100000);
  expect([ascii(p, 12), ascii(p, 16), ascii(p, 20), ascii(p, 36)]).toEqual(['mntr', 'RGB ', 'XYZ ', 'acsp']);
  const tags = new Map<string, number>();
  for (let i = 0; i < u32(p, 128); i++) tags.set(ascii(p, 132 + i * 12), u32(p, 136 + i * 12));
  expect([...tags.keys()].sort()).toEqual(['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt']);
  const xyz = (tag: string) => [0, 1, 2].map((i) => s15f16(p, tags.get(tag)! + 8 + i * 4));
  // The published D50-adapted sRGB colorants, to four places.
  expect(xyz('rXYZ').map((v) => v.toFixed(3))).toEqual(['0.436', '0.222', '0.014']);
  expect(xyz('gXYZ').map((v) => v.toFixed(3))).toEqual(['0.385', '0.717', '0.097']);
  expect(xyz('bXYZ').map((v) => v.toFixed(3))).toEqual(['0.143', '0.061', '0.714']);
});

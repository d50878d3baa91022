/**
 * Writes `assets/icc/sRGB-v2.icc`, the colour profile that every letter PDF names as its PDF/A
 * output intent. It is computed here from the published sRGB definition (IEC 61966-2-1: the
 * primaries, the D65 white point and the transfer curve) rather than copied from elsewhere, so
 * its licence is ours (CC0) and anyone can rebuild it: `node scripts/make-srgb-icc.ts`.
 *
 * An ICC v2 display-class ("mntr") matrix/TRC profile: header, description, copyright, media
 * white point, the three colorants adapted to the D50 profile connection space (Bradford), and one
 * 1024-point tone curve shared by the three channels. Every byte is fixed (also the date), so the
 * file is the same on every run.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Vec3 = readonly [number, number, number];
type Mat3 = readonly [Vec3, Vec3, Vec3];

const D65_XY = [0.3127, 0.329] as const;
const PRIMARIES_XY = { r: [0.64, 0.33], g: [0.3, 0.6], b: [0.15, 0.06] } as const;
/** The ICC profile connection space illuminant (ICC.1, 7.2.16). */
const D50: Vec3 = [0.9642, 1.0, 0.8249];
const BRADFORD: Mat3 = [
  [0.8951, 0.2664, -0.1614],
  [-0.7502, 1.7135, 0.0367],
  [0.0389, -0.0685, 1.0296],
];

const xyToXyz = ([x, y]: readonly [number, number]): Vec3 => [x / y, 1, (1 - x - y) / y];
const mulMV = (m: Mat3, v: Vec3): Vec3 => [
  m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
  m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
  m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
];
const mulMM = (a: Mat3, b: Mat3): Mat3 => {
  const col = (j: number): Vec3 => mulMV(a, [b[0][j]!, b[1][j]!, b[2][j]!]);
  const [c0, c1, c2] = [col(0), col(1), col(2)];
  return [
    [c0[0], c1[0], c2[0]],
    [c0[1], c1[1], c2[1]],
    [c0[2], c1[2], c2[2]],
  ];
};
function invert(m: Mat3): Mat3 {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

/** Columns: the XYZ (D65) of full red, green and blue, scaled so that white has Y = 1. */
function rgbToXyzD65(): Mat3 {
  const [r, g, b] = [xyToXyz(PRIMARIES_XY.r), xyToXyz(PRIMARIES_XY.g), xyToXyz(PRIMARIES_XY.b)];
  const p: Mat3 = [
    [r[0], g[0], b[0]],
    [r[1], g[1], b[1]],
    [r[2], g[2], b[2]],
  ];
  const s = mulMV(invert(p), xyToXyz(D65_XY));
  return [
    [p[0][0] * s[0], p[0][1] * s[1], p[0][2] * s[2]],
    [p[1][0] * s[0], p[1][1] * s[1], p[1][2] * s[2]],
    [p[2][0] * s[0], p[2][1] * s[1], p[2][2] * s[2]],
  ];
}

function bradfordD65ToD50(): Mat3 {
  const src = mulMV(BRADFORD, xyToXyz(D65_XY));
  const dst = mulMV(BRADFORD, D50);
  const scale: Mat3 = [
    [dst[0] / src[0], 0, 0],
    [0, dst[1] / src[1], 0],
    [0, 0, dst[2] / src[2]],
  ];
  return mulMM(invert(BRADFORD), mulMM(scale, BRADFORD));
}

/** The sRGB electro-optical transfer function (IEC 61966-2-1). */
const srgbToLinear = (v: number): number => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);

class Writer {
  readonly bytes: number[] = [];
  u8(v: number): this {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16(v >>> 16).u16(v & 0xffff);
  }
  s15f16(v: number): this {
    return this.u32(Math.round(v * 65536) | 0);
  }
  ascii(s: string): this {
    for (const ch of s) this.u8(ch.charCodeAt(0));
    return this;
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i++) this.u8(0);
    return this;
  }
  align4(): this {
    while (this.bytes.length % 4) this.u8(0);
    return this;
  }
}

const tagXyz = (v: Vec3): number[] => new Writer().ascii('XYZ ').zeros(4).s15f16(v[0]).s15f16(v[1]).s15f16(v[2]).bytes;

function tagDesc(text: string): number[] {
  const w = new Writer().ascii('desc').zeros(4);
  w.u32(text.length + 1)
    .ascii(text)
    .u8(0);
  w.u32(0).u32(0); // no Unicode description
  w.u16(0).u8(0).zeros(67); // no ScriptCode description
  return w.bytes;
}

const tagText = (text: string): number[] => new Writer().ascii('text').zeros(4).ascii(text).u8(0).bytes;

function tagCurve(points: number): number[] {
  const w = new Writer().ascii('curv').zeros(4).u32(points);
  for (let i = 0; i < points; i++) w.u16(Math.round(srgbToLinear(i / (points - 1)) * 65535));
  return w.bytes;
}

export function buildSrgbProfile(): Uint8Array {
  const toD50 = mulMM(bradfordD65ToD50(), rgbToXyzD65());
  const column = (j: number): Vec3 => [toD50[0][j]!, toD50[1][j]!, toD50[2][j]!];
  const curve = tagCurve(1024);
  const tags: [string, number[]][] = [
    ['desc', tagDesc('sRGB IEC61966-2.1 (E-Akte Desktop, ICC v2)')],
    ['cprt', tagText('No copyright, use freely (CC0 1.0). Computed from IEC 61966-2-1.')],
    ['wtpt', tagXyz(xyToXyz(D65_XY))],
    ['rXYZ', tagXyz(column(0))],
    ['gXYZ', tagXyz(column(1))],
    ['bXYZ', tagXyz(column(2))],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  // Tag data follows the header (128 bytes) and the tag table; the three curves share one copy.
  const tableSize = 4 + tags.length * 12;
  const data = new Writer();
  const placed = new Map<number[], number>();
  const entries = tags.map(([signature, bytes]) => {
    let offset = placed.get(bytes);
    if (offset === undefined) {
      data.align4();
      offset = 128 + tableSize + data.bytes.length;
      data.bytes.push(...bytes);
      placed.set(bytes, offset);
    }
    return { signature, offset, size: bytes.length };
  });
  data.align4();
  const size = 128 + tableSize + data.bytes.length;

  const out = new Writer();
  out.u32(size).zeros(4).u32(0x02100000).ascii('mntr').ascii('RGB ').ascii('XYZ ');
  out.u16(2025).u16(1).u16(1).u16(0).u16(0).u16(0);
  out.ascii('acsp').zeros(4).u32(0).zeros(4).zeros(4).zeros(8).u32(0);
  out.s15f16(D50[0]).s15f16(D50[1]).s15f16(D50[2]);
  out.zeros(4).zeros(44);
  out.u32(tags.length);
  for (const e of entries) out.ascii(e.signature).u32(e.offset).u32(e.size);
  out.bytes.push(...data.bytes);
  if (out.bytes.length !== size) throw new Error(`profile size ${out.bytes.length} != ${size}`);
  return Uint8Array.from(out.bytes);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../assets/icc/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}sRGB-v2.icc`, buildSrgbProfile());
  const toD50 = mulMM(bradfordD65ToD50(), rgbToXyzD65());
  console.log('colorants (D50):', toD50.map((row) => row.map((v) => v.toFixed(4)).join(' ')).join(' | '));
}

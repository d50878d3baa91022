/**
 * Makes the application icon in every form electron-builder's build resources (`assets/`) expect
 * from its one source, `assets/icon.svg`: PNGs for Linux (`assets/icons/NxN.png`) and the window
 * icon (`assets/icon.png`), a Windows `icon.ico` and a macOS `icon.icns`, both of which carry PNG
 * images. The SVG is drawn by resvg in WebAssembly, so no native build is needed.
 * Usage: npm run icons (after changing assets/icon.svg; the files it writes are committed).
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const ICON_SVG = path.join(root, 'assets', 'icon.svg');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS entry types with the pixel size of their PNG (the @2x types hold the doubled size). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
] as const;

let ready: Promise<void> | null = null;

function initialise(): Promise<void> {
  ready ??= initWasm(readFileSync(fileURLToPath(import.meta.resolve('@resvg/resvg-wasm/index_bg.wasm'))));
  return ready;
}

function ico(images: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const sizes = ICO_SIZES.filter((s) => images.has(s));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, k) => {
    const png = images.get(size)!;
    const entry = 6 + 16 * k;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...sizes.map((s) => images.get(s)!)]);
}

function icns(images: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = images.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** Every icon file, by its path under `assets/`, drawn from the SVG given. */
export async function renderIcons(svg: string): Promise<Map<string, Uint8Array>> {
  await initialise();
  const images = new Map<number, Uint8Array>();
  for (const size of PNG_SIZES) {
    const drawn = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
    images.set(size, drawn.render().asPng());
    drawn.free();
  }
  const files = new Map<string, Uint8Array>();
  for (const size of PNG_SIZES) files.set(`icons/${size}x${size}.png`, images.get(size)!);
  files.set('icon.png', images.get(512)!);
  files.set('icon.ico', ico(images));
  files.set('icon.icns', icns(images));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await renderIcons(readFileSync(ICON_SVG, 'utf8'));
  for (const [name, bytes] of files) {
    const target = path.join(root, 'assets', name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  console.log(`${files.size} Symboldateien aus assets/icon.svg nach assets/ geschrieben.`);
}

/**
 * Encodes a grey raster as baseline JPEG with the pure-JS `jpeg-js` encoder (no native build).
 * The encoder writes three components; with equal channels the chroma costs almost nothing, so
 * the PDF declares DeviceRGB and the page still looks grey.
 */
import jpeg from 'jpeg-js';

export function encodeGreyJpeg(grey: Uint8Array, width: number, height: number, quality: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) {
    const v = grey[i] ?? 255;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  const encoded = jpeg.encode({ data: rgba, width, height }, quality);
  return new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength);
}

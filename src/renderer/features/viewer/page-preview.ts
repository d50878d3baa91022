/**
 * What the viewer remembers of a document's first view, so that the next open shows page 1 at
 * once, before pdf.js has parsed the file: the page count, the first page's size, and page 1 as
 * pdf.js drew it (lossless PNG, so it is the same picture, pixel for pixel). It is stored sealed
 * beside the document's chunks and only for exactly these bytes (see the contents repo).
 *
 * Format: 4 bytes header length (little endian), the header as JSON, then the PNG.
 */
import { PDF_ENGINE_VERSION, type PageInfo, type RenderRequest } from '../../pdf/index.ts';

export type PreviewHeader = {
  /** The pdf.js version that drew the picture: another version may draw differently. */
  readonly engine: string;
  readonly pageCount: number;
  readonly firstPage: PageInfo;
  /** How page 1 was drawn. */
  readonly request: RenderRequest;
  readonly width: number;
  readonly height: number;
};

export type PagePreview = { readonly header: PreviewHeader; readonly image: Blob };

/** Larger than any canvas the viewer draws (PDF_LIMITS.maxCanvasPixels); anything else is not ours. */
const MAX_SIDE = 32_768;
const MAX_HEADER_BYTES = 4096;

export function encodePreview(header: PreviewHeader, png: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + json.byteLength + png.byteLength);
  new DataView(out.buffer).setUint32(0, json.byteLength, true);
  out.set(json, 4);
  out.set(png, 4 + json.byteLength);
  return out;
}

const isCount = (v: unknown, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isQuarterTurn = (v: unknown): v is 0 | 90 | 180 | 270 => v === 0 || v === 90 || v === 180 || v === 270;

function isHeader(value: unknown): value is PreviewHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  const page = h['firstPage'] as Record<string, unknown> | null | undefined;
  const request = h['request'] as Record<string, unknown> | null | undefined;
  return (
    typeof h['engine'] === 'string' &&
    isCount(h['pageCount'], 100_000) &&
    isCount(h['width'], MAX_SIDE) &&
    isCount(h['height'], MAX_SIDE) &&
    typeof page === 'object' &&
    page !== null &&
    isPositive(page['width']) &&
    isPositive(page['height']) &&
    isQuarterTurn(page['rotate']) &&
    typeof request === 'object' &&
    request !== null &&
    isPositive(request['scale']) &&
    isQuarterTurn(request['rotation']) &&
    isPositive(request['pixelRatio'])
  );
}

/** The stored preview, or null when it is damaged, or was drawn by another pdf.js version. */
export function decodePreview(bytes: Uint8Array<ArrayBuffer>): PagePreview | null {
  if (bytes.byteLength < 4) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (length > MAX_HEADER_BYTES || 4 + length >= bytes.byteLength) return null;
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + length)));
  } catch {
    return null;
  }
  if (!isHeader(header) || header.engine !== PDF_ENGINE_VERSION) return null;
  return { header, image: new Blob([bytes.subarray(4 + length)], { type: 'image/png' }) };
}

/** Whether a page drawn with `request` would look exactly like the preview. */
export function previewMatches(header: PreviewHeader, request: RenderRequest): boolean {
  return (
    Math.abs(header.request.scale - request.scale) < 1e-4 &&
    header.request.rotation === request.rotation &&
    header.request.pixelRatio === request.pixelRatio
  );
}

/**
 * Page 1 as shown (a canvas with the finished drawing), as PNG bytes. The canvas is taken as it is
 * at the call; encoding happens off this thread. A browser that does not answer within the time
 * limit leaves no preview.
 */
export async function capturePng(
  shown: HTMLCanvasElement,
  timeoutMs = 10_000,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (shown.width === 0) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const blob = await Promise.race([
      new Promise<Blob | null>((resolve) => shown.toBlob(resolve, 'image/png')),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
    ]);
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  } finally {
    clearTimeout(timer);
  }
}

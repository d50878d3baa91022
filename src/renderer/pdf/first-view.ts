/**
 * A document's first view, as the viewer opens it and as it is prepared before anyone opens it:
 * the request page 1 is drawn with (page width in the pages pane, not turned, the window's pixel
 * ratio), and the record kept of it — page count, first page's size and page 1 exactly as pdf.js
 * drew it (lossless PNG, so it is the same picture pixel for pixel). The record is stored sealed
 * beside the document's chunks and only for exactly these bytes (see the contents repo).
 *
 * No pdf.js here: the sync worker encodes nothing itself but must agree on the request.
 *
 * Record format: 4 bytes header length (little endian), the header as JSON, then the PNG.
 */
import { z } from 'zod';
import type { PageInfo, RenderRequest } from './pdf-document.ts';

/**
 * What the viewer window reported of the layout a document opens in: the CSS width page 1 is
 * fitted to (the pages pane less its margins, thumbnails shown) and the window's pixel ratio.
 */
export const openingViewSchema = z.strictObject({
  fitWidth: z.number().min(1).max(20_000),
  pixelRatio: z.number().min(0.25).max(8),
});
export type OpeningView = z.infer<typeof openingViewSchema>;

/**
 * Documents over two storage chunks are handed to pdf.js piece by piece from the encrypted chunks
 * rather than decrypted whole; for them the view index makes opening fast.
 */
export const opensInPieces = (content: { readonly byteSize: number; readonly chunkSize: number }): boolean =>
  content.byteSize > 2 * content.chunkSize;

/** How a document opens in that layout: page width, not turned (the viewer's `fit-width`). */
export function openingRequest(view: OpeningView, firstPage: PageInfo): RenderRequest {
  const sideways = firstPage.rotate === 90 || firstPage.rotate === 270;
  const width = sideways ? firstPage.height : firstPage.width;
  return { scale: Math.max(0.1, view.fitWidth / width), rotation: 0, pixelRatio: view.pixelRatio };
}

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

/** The stored preview, or null when it is damaged, or was drawn by another pdf.js version than `engine`. */
export function decodePreviewFor(bytes: Uint8Array<ArrayBuffer>, engine: string): PagePreview | null {
  if (bytes.byteLength < 4) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (length > MAX_HEADER_BYTES || 4 + length >= bytes.byteLength) return null;
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + length)));
  } catch {
    return null;
  }
  if (!isHeader(header) || header.engine !== engine) return null;
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

/**
 * Reads a generated letter back the way a reader would: pdf.js (legacy build, in Node) for the
 * text positions and the drawn lines of each page, pdf-lib for the file's structure (fonts,
 * metadata, output intent, every dictionary key). Positions in millimetres from the top left.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFStream,
  decodePDFRawStream,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

const PT_PER_MM = 72 / 25.4;
const PAGE_HEIGHT_PT = 297 * PT_PER_MM;

export type PlacedText = {
  readonly str: string;
  readonly xMm: number;
  /** Baseline, from the top edge. */
  readonly yMm: number;
  readonly widthMm: number;
  readonly size: number;
};
export type StrokedLine = {
  readonly x1Mm: number;
  readonly x2Mm: number;
  readonly y1Mm: number;
  readonly y2Mm: number;
};
export type ReadPage = { readonly texts: readonly PlacedText[]; readonly lines: readonly StrokedLine[] };

export async function readPages(bytes: Uint8Array): Promise<ReadPage[]> {
  const task = getDocument({ data: bytes.slice(), useSystemFonts: false });
  const doc = await task.promise;
  try {
    const pages: ReadPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const texts = content.items
        .filter((item): item is TextItem => 'str' in item && item.str.trim() !== '')
        .map((item) => ({
          str: item.str,
          xMm: (item.transform[4] as number) / PT_PER_MM,
          yMm: (PAGE_HEIGHT_PT - (item.transform[5] as number)) / PT_PER_MM,
          widthMm: item.width / PT_PER_MM,
          size: Math.hypot(item.transform[0] as number, item.transform[1] as number),
        }));
      const ops = await page.getOperatorList();
      const lines: StrokedLine[] = [];
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.constructPath) return;
        // pdf.js gives each path's bounding box as its last argument: [minX, minY, maxX, maxY].
        const args = ops.argsArray[i] as unknown[];
        const box = args[2] as ArrayLike<number>;
        lines.push({
          x1Mm: box[0]! / PT_PER_MM,
          x2Mm: box[2]! / PT_PER_MM,
          y1Mm: (PAGE_HEIGHT_PT - box[3]!) / PT_PER_MM,
          y2Mm: (PAGE_HEIGHT_PT - box[1]!) / PT_PER_MM,
        });
      });
      pages.push({ texts, lines });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export type Structure = {
  readonly doc: PDFDocument;
  /** Every dictionary key anywhere in the file (streams' dictionaries included). */
  readonly keys: ReadonlySet<string>;
  readonly dicts: readonly PDFDict[];
  readonly trailerId: PDFObject | undefined;
  readonly xmp: string;
};

export async function readStructure(bytes: Uint8Array): Promise<Structure> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const keys = new Set<string>();
  const dicts: PDFDict[] = [];
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined): void => {
    if (!obj || seen.has(obj)) return;
    seen.add(obj);
    if (obj instanceof PDFStream) return visit(obj.dict);
    if (obj instanceof PDFArray) return obj.asArray().forEach(visit);
    if (obj instanceof PDFDict) {
      dicts.push(obj);
      for (const [key, value] of obj.entries()) {
        keys.add(key.asString());
        visit(value);
      }
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
  visit(doc.context.trailerInfo.Info);
  const metadata = rawStream(doc.catalog, 'Metadata');
  return {
    doc,
    keys,
    dicts,
    trailerId: doc.context.trailerInfo.ID,
    xmp: new TextDecoder().decode(metadata.getContents()),
  };
}

export function rawStream(dict: PDFDict, key: string): PDFRawStream {
  const value = dict.lookup(PDFName.of(key));
  if (!(value instanceof PDFRawStream)) throw new Error(`${key} is not a stream`);
  return value;
}

export const streamBytes = (stream: PDFRawStream): Uint8Array => decodePDFRawStream(stream).decode();

export const nameOf = (dict: PDFDict, key: string): string | undefined =>
  dict.lookupMaybe(PDFName.of(key), PDFName)?.asString();

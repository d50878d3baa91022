/**
 * What makes a letter PDF/A-2b and reproducible: a document ID derived from the content, fixed
 * metadata (title, author, producer, creation date) in the Info dictionary and, kept equal by
 * pdf-lib's `convertToPDFA`, in the XMP packet with `pdfaid:part 2` / `conformance B`, and an
 * sRGB output intent with our own ICC profile (`assets/icc/sRGB-v2.icc`, made by
 * `scripts/make-srgb-icc.ts`). The rest of PDF/A (embedded fonts, no transparency, no scripts,
 * no encryption) is how `render-pdf.ts` draws.
 */
import { PDFHexString, type PDFDocument } from '@cantoo/pdf-lib';

export const PRODUCER = 'E-Akte Desktop';

export type PdfaMetadata = {
  readonly title: string;
  readonly author: string;
  readonly createdAt: Date;
  /** 16 bytes; the same content gives the same ID, so the bytes repeat exactly. */
  readonly documentId: Uint8Array;
  readonly iccProfile: Uint8Array;
};

export function applyPdfa(doc: PDFDocument, meta: PdfaMetadata): void {
  // PDF dates have whole seconds; XMP must say the same instant.
  const created = new Date(Math.floor(meta.createdAt.getTime() / 1000) * 1000);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  doc.setLanguage('de-DE');
  const id = PDFHexString.of(hex(meta.documentId));
  // Set before the conversion, which would otherwise make up a random one.
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  doc.convertToPDFA({
    conformance: '2B',
    iccProfile: meta.iccProfile,
    outputConditionIdentifier: 'sRGB IEC61966-2.1',
    colorComponents: 3,
  });
}

export const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** A subset font's name starts with six capital letters and `+`; ours come from the content. */
export function subsetTag(digest: Uint8Array, salt: number): string {
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[(i + salt * 6) % digest.length]! % 26));
  return tag;
}

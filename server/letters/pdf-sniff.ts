/**
 * Cheap checks that an upload is a PDF at all: the header, the end-of-file marker, and a page
 * count for the document metadata. Not a parser; a letter's PDF comes from our own client.
 */
const HEADER = /^%PDF-[12]\.\d/;

export function looksLikePdf(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 32) return false;
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 1024))).toString('latin1');
  return HEADER.test(head) && tail.includes('%%EOF');
}

/** Number of page objects; at least 1 so that the document metadata stays valid. */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('latin1');
  const matches = text.match(/\/Type\s*\/Page(?![A-Za-z])/g);
  return Math.max(1, matches?.length ?? 0);
}

/**
 * The text of a document's pages (the OCR layer of scans), read from pdf.js once per page and
 * shared by find and the selectable text over the pages.
 */
import type { TextRun, ViewDocument } from '../../pdf/index.ts';

const read = new WeakMap<ViewDocument, Map<number, Promise<readonly TextRun[]>>>();

/** The page's text runs; a page whose text cannot be read has none (and is tried again later). */
export function readPageText(doc: ViewDocument, pageNumber: number): Promise<readonly TextRun[]> {
  let pages = read.get(doc);
  if (!pages) {
    pages = new Map<number, Promise<readonly TextRun[]>>();
    read.set(doc, pages);
  }
  let text = pages.get(pageNumber);
  if (!text) {
    text = doc.text(pageNumber).catch(() => {
      pages.delete(pageNumber);
      return [];
    });
    pages.set(pageNumber, text);
  }
  return text;
}

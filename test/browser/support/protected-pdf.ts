/**
 * A password-protected PDF as citizens e-mail them (a bank statement locked with a date of
 * birth), made in the browser with the PDF library the letters use: one page with text, AES-256
 * (or the algorithm asked for).
 */
import { PDFDocument, StandardFonts, rgb, type EncryptionAlgorithm } from '@cantoo/pdf-lib';

export async function makeProtectedPdf(
  userPassword: string,
  { pages = 2, algorithm = 'AES-256' }: { pages?: number; algorithm?: EncryptionAlgorithm } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawRectangle({ x: 40, y: 700, width: 515, height: 100, color: rgb(0.85, 0.9, 0.95) });
    page.drawText(`Kontoauszug 3/2025 – Seite ${n}`, { x: 60, y: 760, size: 20, font });
    page.drawText('Sparkasse Musterstadt, IBAN DE02 1203 0000 0000 2020 51', { x: 60, y: 730, size: 12, font });
  }
  doc.encrypt({ userPassword, ownerPassword: `${userPassword}-owner`, algorithm });
  return await doc.save({ useObjectStreams: false });
}

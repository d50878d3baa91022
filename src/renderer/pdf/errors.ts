/**
 * Why a PDF cannot be shown. The viewer turns the code into a German sentence; the window and the
 * app keep working whatever the file does.
 */
/**
 * `encrypted`: the file needs a password to open; `wrong-password`: the one given does not open it;
 * `unreadable`: the stored bytes could not be read back (the copy on this device is damaged).
 */
export type PdfErrorCode = 'broken' | 'encrypted' | 'wrong-password' | 'too-large' | 'timeout' | 'unreadable';

export class PdfOpenError extends Error {
  readonly code: PdfErrorCode;
  constructor(code: PdfErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'PdfOpenError';
    this.code = code;
  }
}

/** Maps whatever pdf.js threw while opening a file to one of our codes. */
export function classifyPdfError(error: unknown): PdfOpenError {
  if (error instanceof PdfOpenError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new PdfOpenError('encrypted', message);
  return new PdfOpenError('broken', message);
}

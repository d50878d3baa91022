/**
 * Why a letter could not be rendered although it was asked for: the checks should have caught
 * it first, so this is the safety net under them (a PDF/A file may not show a missing glyph).
 */
export type LetterRenderErrorCode = 'character-unsupported';

export class LetterRenderError extends Error {
  readonly code: LetterRenderErrorCode;
  readonly params: Readonly<Record<string, string>>;

  constructor(code: LetterRenderErrorCode, params: Readonly<Record<string, string>> = {}) {
    super(code);
    this.name = 'LetterRenderError';
    this.code = code;
    this.params = params;
  }
}

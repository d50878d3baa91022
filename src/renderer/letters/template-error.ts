/**
 * Why a letter template (or the office file) was refused. Templates are data a job centre edits
 * itself, so the error names the file and the line; the UI turns the code into a sentence
 * (`letters.templateError.<code>`), never this class.
 */
export type TemplateErrorCode =
  | 'front-matter-missing'
  | 'front-matter-unterminated'
  | 'header-line-malformed'
  | 'header-key-unknown'
  | 'header-key-duplicate'
  | 'header-key-missing'
  | 'header-value-empty'
  | 'id-invalid'
  | 'id-mismatch'
  | 'field-malformed'
  | 'field-type-unknown'
  | 'field-requirement-unknown'
  | 'field-duplicate'
  | 'field-unused'
  | 'endorsements-too-many'
  | 'body-empty'
  | 'placeholder-unclosed'
  | 'placeholder-unknown'
  | 'placeholder-format-invalid'
  | 'field-undeclared'
  | 'field-type-mismatch'
  | 'optional-field-unguarded'
  | 'bold-unbalanced'
  | 'block-unknown'
  | 'block-not-alone'
  | 'block-unclosed'
  | 'block-end-unexpected';

export type TemplateErrorParams = Readonly<Record<string, string | number>>;

export class LetterTemplateError extends Error {
  readonly code: TemplateErrorCode;
  /** The file name as given to the parser, e.g. `einladung.vorlage.txt`. */
  readonly file: string;
  /** 1-based line number in that file. */
  readonly line: number;
  readonly params: TemplateErrorParams;

  constructor(code: TemplateErrorCode, file: string, line: number, params: TemplateErrorParams = {}) {
    super(`${file}:${line}: ${code}`);
    this.name = 'LetterTemplateError';
    this.code = code;
    this.file = file;
    this.line = line;
    this.params = params;
  }
}

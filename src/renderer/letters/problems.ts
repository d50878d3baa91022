/**
 * What stops a letter from being queued. Codes with parameters, never sentences: the composer
 * screen shows `letters.problem.<code>` in the user's language next to the field concerned.
 */
export type LetterProblem =
  | { readonly code: 'recipient-without-address' }
  | { readonly code: 'address-too-many-lines'; readonly lines: number; readonly max: number }
  | { readonly code: 'address-blank-line'; readonly line: number }
  | {
      readonly code: 'address-line-too-long';
      readonly line: number;
      readonly text: string;
      readonly widthMm: number;
      readonly maxMm: number;
    }
  | { readonly code: 'field-missing'; readonly field: string; readonly label: string }
  | { readonly code: 'field-invalid'; readonly field: string; readonly label: string; readonly type: string }
  | { readonly code: 'subject-empty' }
  | { readonly code: 'subject-too-long'; readonly length: number; readonly max: number }
  | { readonly code: 'placeholder-unfilled'; readonly placeholder: string }
  | { readonly code: 'character-unsupported'; readonly character: string; readonly codePoint: string };

export type LetterProblemCode = LetterProblem['code'];

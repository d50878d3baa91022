/**
 * The letter engine the composer screen and the outbox call: parse templates and the office
 * file, compose (fill + check) on every change, render the PDF/A letter for preview and sending.
 */
export { parseTemplate, TEMPLATE_FILE_SUFFIX } from './parse-template.ts';
export { parseOffice, type Office } from './office.ts';
export { LetterTemplateError, type TemplateErrorCode } from './template-error.ts';
export type { LetterTemplate, TemplateField, FieldType } from './template.ts';
export type { FieldValues, LetterContext, LetterRecipient, LetterSender } from './letter-context.ts';
export type { FormOfAddress } from './letter-wording.ts';
export { composeLetter, letterMeta, type ComposedLetter } from './compose-letter.ts';
export type { FilledLetter } from './filled-letter.ts';
export type { LetterProblem, LetterProblemCode } from './problems.ts';
export { createFontMetrics, type FontMetrics, type LetterFonts } from './font-metrics.ts';
export { renderLetterPdf, type RenderLetterInput } from './render-pdf.ts';
export { LetterRenderError, type LetterRenderErrorCode } from './render-error.ts';
export { problemMessage, templateErrorMessage, renderErrorMessage, type LettersMessage } from './message-of.ts';
export { lettersDe, type LettersMessageKey } from './messages-de.ts';
export { lettersEn } from './messages-en.ts';

/**
 * Which text the UI shows for a problem or an error, and with which parameters: the code picks
 * the key in `messages-de.ts` / `messages-en.ts`, everything else on the object fills it.
 */
import type { LettersMessageKey } from './messages-de.ts';
import type { LetterProblem } from './problems.ts';
import type { LetterRenderError } from './render-error.ts';
import type { LetterTemplateError } from './template-error.ts';

export type LettersMessage = {
  readonly key: LettersMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
};

export function problemMessage(problem: LetterProblem): LettersMessage {
  const { code, ...params } = problem;
  return { key: `letters.problem.${code}`, params };
}

/** The detail text; the UI wraps it in `letters.templateError.where` with file and line. */
export function templateErrorMessage(error: LetterTemplateError): LettersMessage {
  return {
    key: `letters.templateError.${error.code}`,
    params: { ...error.params, file: error.file, line: error.line },
  };
}

export function renderErrorMessage(error: LetterRenderError): LettersMessage {
  return { key: `letters.renderError.${error.code}`, params: error.params };
}

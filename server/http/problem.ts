/**
 * Problems as errors: route code throws a `ProblemError`, the error handler turns it into an
 * `application/problem+json` answer. `detail` is German because a case worker may see it.
 */
import type { z } from 'zod';
import {
  PROBLEM_CONTENT_TYPE,
  problemTypes,
  type Problem,
  type ProblemFieldError,
  type ProblemType,
} from '../../src/shared/api/problem.ts';

export class ProblemError extends Error {
  readonly code = 'PROBLEM';
  readonly problem: Problem;
  readonly headers: Readonly<Record<string, string>>;

  constructor(problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.headers = headers;
  }
}

export function problem(
  status: number,
  type: ProblemType,
  title: string,
  detail: string,
  errors?: ProblemFieldError[],
): Problem {
  return errors && errors.length > 0 ? { type, title, status, detail, errors } : { type, title, status, detail };
}

export const notFound = (detail = 'Der angefragte Eintrag wurde nicht gefunden oder ist Ihnen nicht zugewiesen.') =>
  new ProblemError(problem(404, problemTypes.notFound, 'Not Found', detail));

export const forbidden = (detail: string) =>
  new ProblemError(problem(403, problemTypes.forbidden, 'Forbidden', detail));

export const unauthenticated = () =>
  new ProblemError(
    problem(
      401,
      problemTypes.unauthenticated,
      'Unauthorized',
      'Sie sind nicht angemeldet oder Ihre Sitzung ist abgelaufen. Bitte melden Sie sich neu an.',
    ),
    { 'www-authenticate': 'Bearer realm="e-akte"' },
  );

/** Field errors of a failed zod parse, paths dotted, capped so a huge bad body cannot balloon the answer. */
export function fieldErrors(error: z.ZodError): ProblemFieldError[] {
  return error.issues.slice(0, 100).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 500),
    message: issue.message.slice(0, 1000),
  }));
}

export function validationProblem(error: z.ZodError, where = 'Anfrage'): ProblemError {
  const errors = fieldErrors(error);
  return new ProblemError(
    problem(
      400,
      problemTypes.validation,
      'Bad Request',
      `Die ${where} ist ungültig (${error.issues.length} ${error.issues.length === 1 ? 'Fehler' : 'Fehler'}). Bitte prüfen Sie die Angaben.`,
      errors,
    ),
  );
}

export { PROBLEM_CONTENT_TYPE, problemTypes };

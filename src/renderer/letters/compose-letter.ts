/**
 * The one call the composer screen makes on every keystroke: fill the template and run the
 * checks. The letter comes back even when there are problems, so the preview can show it; only
 * a letter with no problems may be rendered for sending and queued.
 */
import type { LetterMeta } from '../../shared/api/letters.ts';
import type { LetterId } from '../../shared/domain/ids.ts';
import { checkLetter } from './check-letter.ts';
import { fillTemplate } from './fill-template.ts';
import type { FilledLetter } from './filled-letter.ts';
import type { FontMetrics } from './font-metrics.ts';
import type { FieldValues, LetterContext } from './letter-context.ts';
import type { LetterProblem } from './problems.ts';
import type { LetterTemplate } from './template.ts';

export type ComposedLetter = { readonly letter: FilledLetter; readonly problems: readonly LetterProblem[] };

export function composeLetter(
  template: LetterTemplate,
  context: LetterContext,
  fields: FieldValues,
  metrics: FontMetrics,
): ComposedLetter {
  const fill = fillTemplate(template, context, fields);
  return { letter: fill.letter, problems: checkLetter(fill, metrics) };
}

/** The `meta` part of `POST /letters` for a letter; `id` is its idempotency key. */
export function letterMeta(id: LetterId, letter: FilledLetter): LetterMeta {
  return {
    id,
    caseId: letter.caseId,
    recipientPersonId: letter.recipientPersonId,
    templateId: letter.templateId,
    subject: letter.subject,
  };
}

/**
 * The template's fields as a form: its labels (the template author's German), a date or time
 * picker for `datum` and `uhrzeit`, a text area for free text. A problem the checks report for a
 * field is tied to it (aria-describedby, aria-invalid), so a screen reader says it at the field.
 */
import type { FieldValues } from '../../letters/letter-context.ts';
import type { LetterProblem } from '../../letters/problems.ts';
import type { TemplateField } from '../../letters/template.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Props = {
  readonly fields: readonly TemplateField[];
  readonly values: FieldValues;
  readonly problems: readonly LetterProblem[];
  readonly onChange: (id: string, value: string) => void;
};

export const fieldInputId = (id: string): string => `letter-field-${id}`;
export const problemId = (k: number): string => `letter-problem-${k}`;

function fieldOf(problem: LetterProblem): string | undefined {
  return problem.code === 'field-missing' || problem.code === 'field-invalid' ? problem.field : undefined;
}

export function ComposerFields({ fields, values, problems, onChange }: Props) {
  const { t } = useI18n();
  if (fields.length === 0) return <p>{t('letters.composer.noFields')}</p>;
  return (
    <>
      {fields.map((field) => {
        const id = fieldInputId(field.id);
        const mine = problems.flatMap((p, k) => (fieldOf(p) === field.id ? [problemId(k)] : []));
        const common = {
          id,
          value: values[field.id] ?? '',
          required: field.required,
          'aria-invalid': mine.length > 0 || undefined,
          'aria-describedby': mine.length ? mine.join(' ') : undefined,
          'data-field': field.id,
          // Case content: the browser must not keep it for restoring the page (see README, browser mode).
          autoComplete: 'off',
        } as const;
        return (
          <div className="letter-field" key={field.id}>
            <label htmlFor={id}>
              {field.label}
              {field.required && <span className="letter-required"> ({t('letters.composer.required')})</span>}
            </label>
            {field.type === 'freitext' ? (
              <textarea {...common} rows={5} onChange={(e) => onChange(field.id, e.target.value)} />
            ) : (
              <input
                {...common}
                type={field.type === 'datum' ? 'date' : field.type === 'uhrzeit' ? 'time' : 'text'}
                onChange={(e) => onChange(field.id, e.target.value)}
              />
            )}
          </div>
        );
      })}
    </>
  );
}

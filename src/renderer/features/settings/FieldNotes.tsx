/**
 * The small texts beside a control, each with an id for its `aria-describedby`: why it is locked,
 * and why the last save failed.
 */
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The ids that are present, space-separated, or undefined when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length ? present.join(' ') : undefined;
}

export function LockedNote({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <p id={id} className="settings-locked">
      {t('settings.locked')}
    </p>
  );
}

export function FieldProblem({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="settings-problem" role="alert">
      {text}
    </p>
  );
}

/** Whether the service has an entity's latest change yet, as a tag beside it. */
import type { OutboxStatus } from '../../data/records.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function DeliveryTag({ delivery }: { delivery: OutboxStatus | 'sent' }) {
  const { t } = useI18n();
  if (delivery === 'sent') return null;
  return (
    <span className={`tag tag-delivery tag-${delivery}`} data-delivery={delivery}>
      {t(`cases.delivery.${delivery}`)}
    </span>
  );
}

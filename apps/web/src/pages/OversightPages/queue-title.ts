import { useTranslation } from 'react-i18next';
import { untyped } from '../../i18n/enums';

/** The name of a work queue (`work.queues.<id>.title`), for audit entries of `work.queue.<id>`. */
export function useQueueTitle(): (id: string) => string | undefined {
  const { t } = useTranslation();
  return (id) => {
    const key = `work.queues.${id}.title`;
    const title = untyped(t)(key);
    return title === key ? undefined : title;
  };
}

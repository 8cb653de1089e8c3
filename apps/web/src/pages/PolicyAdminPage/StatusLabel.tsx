import { useTranslation } from 'react-i18next';

const KEYS = { draft: 'policy.admin.statusDraft', submitted: 'policy.admin.statusSubmitted', published: 'policy.admin.statusPublished' } as const;

export function StatusLabel({ status }: { status: keyof typeof KEYS }) {
  const { t } = useTranslation();
  return <>{t(KEYS[status])}</>;
}

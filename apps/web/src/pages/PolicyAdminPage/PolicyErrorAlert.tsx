import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';

/** The generic four-eyes text speaks of decisions; for a policy version it names the administrators. */
export function PolicyErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'FOUR_EYES_VIOLATION') {
    return (
      <Alert type="error">
        <Paragraph>
          <strong>{t('errors.title')}</strong>
        </Paragraph>
        <Paragraph>{t('policy.admin.fourEyes')}</Paragraph>
      </Alert>
    );
  }
  return <ApiErrorAlert error={error} />;
}

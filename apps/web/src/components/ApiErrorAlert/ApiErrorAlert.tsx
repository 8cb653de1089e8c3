import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiError } from '../../api/client';
import { errorMessageKey, isVersionConflict } from '../../lib/errors';

/** Codes whose server message names the rule that was broken, worth showing to the user. */
const EXPLAINED_BY_SERVER = new Set(['RULE_VIOLATION', 'INVALID_TRANSITION']);

/**
 * A refused request, explained in the user's language. A version conflict gets its own text and a
 * reload button; the form that shows this keeps its input, so nothing typed is lost.
 */
export function ApiErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isVersionConflict(error)) {
    return (
      <Alert type="warning">
        <Paragraph>
          <strong>{t('conflict.title')}</strong>
        </Paragraph>
        <Paragraph>{t('conflict.text')}</Paragraph>
        {onReload && (
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('conflict.reload')}
          </Button>
        )}
      </Alert>
    );
  }
  const api = error instanceof ApiError ? error : undefined;
  return (
    <Alert type="error">
      <Paragraph>
        <strong>{t('errors.title')}</strong>
      </Paragraph>
      <Paragraph>{t(errorMessageKey(error))}</Paragraph>
      {api && EXPLAINED_BY_SERVER.has(api.code) && api.message && (
        <Paragraph>
          {t('errors.serverMessage')} <span lang="en">{api.message}</span>
        </Paragraph>
      )}
      {api?.requestId && <Paragraph>{t('errors.requestId', { requestId: api.requestId })}</Paragraph>}
    </Alert>
  );
}

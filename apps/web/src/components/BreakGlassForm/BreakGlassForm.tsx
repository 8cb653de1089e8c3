import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { BreakGlassRequest } from '@hoeder/contracts';
import { BREAK_GLASS_MIN_JUSTIFICATION, BREAK_GLASS_ROLES, type Role } from '@hoeder/domain';
import type { FieldErrors } from '../../lib/validation';
import { ActionPanel } from '../CaseActions/ActionPanel';
import { useCommandForm } from '../CaseActions/useCommandForm';
import { TextareaField } from '../FormFields/FormFields';

export const mayBreakGlass = (roles: readonly Role[]): boolean => roles.some((r) => BREAK_GLASS_ROLES.includes(r));

const requireJustification = (errors: FieldErrors, text: string): FieldErrors =>
  errors.justification || text.trim().length >= BREAK_GLASS_MIN_JUSTIFICATION
    ? errors
    : { ...errors, justification: { key: 'validation.minLength', values: { count: BREAK_GLASS_MIN_JUSTIFICATION } } };

/**
 * Emergency read access to a case outside one's team. Offered on the "not found" page, which
 * looks the same whether the case is missing or withheld; the server decides.
 */
export function BreakGlassForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [justification, setJustification] = useState('');
  const form = useCommandForm({ caseId, path: 'break-glass', schema: BreakGlassRequest, labelFor: () => t('breakGlass.justification'), onSaved: () => undefined });
  return (
    <ActionPanel
      title={t('breakGlass.heading')}
      submitLabel={t('breakGlass.submit')}
      onSubmit={() => form.submit({ justification }, (errors) => requireJustification(errors, justification))}
      pending={form.pending}
      error={form.error}
      onReload={form.reload}
      errors={form.errors}
      level={2}
    >
      <Paragraph>{t('breakGlass.intro')}</Paragraph>
      <TextareaField name="justification" label={t('breakGlass.justification')} description={t('breakGlass.justificationHelp')} rows={3} value={justification} onChange={setJustification} error={form.errors.message('justification')} />
    </ActionPanel>
  );
}

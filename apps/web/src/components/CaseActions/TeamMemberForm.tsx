import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { AssignMemberRequest, type CaseView, type UserSummary } from '@hoeder/contracts';
import { useUsers } from '../../api/queries';
import { enumLabel } from '../../i18n/enums';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { SelectField } from '../FormFields/FormFields';
import { ActionPanel } from './ActionPanel';
import { useCommandForm } from './useCommandForm';

export function TeamMemberForm({ view, onSaved }: { view: CaseView; onSaved: (version: number) => void }) {
  const { t } = useTranslation();
  const users = useUsers(true);
  const [userId, setUserId] = useState('');
  const form = useCommandForm({ caseId: view.caseId, path: 'members', schema: AssignMemberRequest, labelFor: () => t('teamForm.user'), onSaved });

  const members = new Set((view.team ?? []).map((m) => m.userId));
  const candidates = (users.data ?? []).filter((u) => !members.has(u.userId));
  const label = (u: UserSummary) => `${u.displayName} – ${u.roles.map((r) => enumLabel(t, 'role', r)).join(', ')} (${enumLabel(t, 'organisation', u.organisation)})`;

  if (users.error) {
    return (
      <>
        <Paragraph>{t('teamForm.loadFailed')}</Paragraph>
        <ApiErrorAlert error={users.error} />
      </>
    );
  }
  if (users.data && candidates.length === 0) return <Paragraph>{t('teamForm.noUsers')}</Paragraph>;
  return (
    <ActionPanel
      title={t('teamForm.heading')}
      submitLabel={t('teamForm.submit')}
      onSubmit={() => form.submit({ expectedVersion: view.version, userId })}
      pending={form.pending}
      error={form.error}
      onReload={form.reload}
      errors={form.errors}
    >
      <SelectField
        name="userId"
        label={t('teamForm.user')}
        value={userId}
        onChange={setUserId}
        placeholder={t('forms.choose')}
        options={candidates.map((u) => ({ value: u.userId, label: label(u) }))}
        error={form.errors.message('userId')}
      />
    </ActionPanel>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ActionGroup, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { RegisterCaseRequest } from '@hoeder/contracts';
import { useRegisterCase } from '../../api/queries';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { useFormErrors } from '../../components/FormFields/useFormErrors';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { mayRegisterCase } from '../../lib/permissions';
import { serverFieldErrors, validate } from '../../lib/validation';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage';
import { IntakeFieldset } from './IntakeFieldset';
import { PersonsFieldset } from './PersonsFieldset';
import { DuplicateWarning } from '../../components/DuplicateWarning/DuplicateWarning';
import { emptyPerson, emptyRegisterDraft, requireThreatenedPerson, toRegisterRequest, type RegisterDraft } from './registerDraft';

const PERSON_FIELD_LABELS: Record<string, string> = { role: 'register.personRole', fullName: 'register.fullName', dateOfBirth: 'register.dateOfBirth', relation: 'recordLinks.relation.note', relationCode: 'recordLinks.relation.label' };

export function RegisterCasePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  usePageTitle(t('register.title'));
  if (!mayRegisterCase(me.roles)) return <NotFoundPage />;
  return <RegisterCaseForm />;
}

function RegisterCaseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useRegisterCase();
  const [draft, setDraft] = useState<RegisterDraft>(emptyRegisterDraft);
  const [nextKey, setNextKey] = useState(2);
  const labelFor = (field: string): string => {
    const [head, index, sub] = field.split('.');
    if (head === 'persons' && sub) return `${t('register.person', { number: Number(index) + 1 })} – ${untyped(t)(PERSON_FIELD_LABELS[sub] ?? 'register.personsLegend')}`;
    return head === 'persons' ? t('register.personsLegend') : untyped(t)(`register.${head}`);
  };
  const errors = useFormErrors(labelFor);
  const set = (patch: Partial<RegisterDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = validate(RegisterCaseRequest, toRegisterRequest(draft));
    const fieldErrors = requireThreatenedPerson(parsed.ok ? {} : parsed.errors, draft);
    errors.report(fieldErrors);
    if (!parsed.ok || Object.keys(fieldErrors).length > 0) return;
    register.mutate(parsed.value, {
      onSuccess: (accepted) => navigate(`/casussen/${accepted.caseId}`),
      onError: (error) => errors.report(serverFieldErrors(error)),
    });
  };

  const addPerson = () => {
    set({ persons: [...draft.persons, emptyPerson(nextKey, 'household_member')] });
    setNextKey((k) => k + 1);
  };

  return (
    <>
      <Heading level={1}>{t('register.title')}</Heading>
      <Paragraph>{t('register.intro')}</Paragraph>
      <Paragraph>{t('forms.requiredHint')}</Paragraph>
      <ErrorSummary entries={errors.entries} attempt={errors.attempt} />
      <form onSubmit={submit} noValidate className="hoeder-form">
        <IntakeFieldset draft={draft} onChange={set} error={errors.message} />
        <PersonsFieldset persons={draft.persons} onChange={(persons) => set({ persons })} onAdd={addPerson} error={errors.message} />
        <DuplicateWarning persons={draft.persons} onLink={(index, personId) => set({ persons: draft.persons.map((p, i) => (i === index ? { ...p, personId } : p)) })} />
        <ApiErrorAlert error={register.error} />
        <ActionGroup>
          <Button type="submit" appearance="primary-action-button" busy={register.isPending} disabled={register.isPending}>
            {register.isPending ? t('forms.submitting') : t('register.submit')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => navigate('/')}>
            {t('register.cancel')}
          </Button>
        </ActionGroup>
      </form>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { ADDRESS_BASIS, type Role } from '@hoeder/domain';
import { useCaseAddresses } from '../../api/persons';
import { untyped } from '../../i18n/enums';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { Section } from '../CaseSections/Section';
import { AddressTable } from './AddressTable';

/** Roles that reach addresses through the security assignment (the liaison uses the person page). */
/** Executing units and the LCC see addresses through an assignment (ADR 0021). */
export const throughAssignment = (roles: readonly Role[]) => roles.some((r) => ADDRESS_BASIS[r] === 'assignment');

/**
 * The addresses the LCC and a tasked unit need on the case page (issue 12): only the threatened
 * person's, and only of the domains the unit's posts cover. The server cuts them; this shows them.
 */
export function CaseAddresses({ caseId, roles }: { caseId: string; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const tp = untyped(t);
  const query = useCaseAddresses(caseId, throughAssignment(roles));
  if (!throughAssignment(roles) || query.error?.status === 403) return null;
  const persons = query.data?.persons ?? [];
  return (
    <Section title={tp('persons.caseAddresses.title')} id="adressen">
      <ApiErrorAlert error={query.error} />
      {query.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {query.data && <Paragraph>{tp('persons.page.access.domains')}</Paragraph>}
      {query.data && persons.every((p) => p.addresses.length === 0) && <Paragraph>{tp('persons.caseAddresses.none')}</Paragraph>}
      {persons
        .filter((p) => p.addresses.length > 0)
        .map((p) => (
          <AddressTable key={p.personId} caption={p.fullName} addresses={p.addresses} />
        ))}
    </Section>
  );
}

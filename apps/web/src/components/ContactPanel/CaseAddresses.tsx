import { useTranslation } from 'react-i18next';
import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { ADDRESS_BASIS, type Role } from '@hoeder/domain';
import { useCaseAddresses } from '../../api/persons';
import { untyped } from '../../i18n/enums';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { Section } from '../CaseSections/Section';

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
          <Table key={p.personId}>
            <TableCaption>{p.fullName}</TableCaption>
            <TableHeader>
              <TableRow>
                {(['label', 'domain', 'street', 'postcode', 'city'] as const).map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {tp(`persons.field.${c}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.addresses.map((a) => (
                <TableRow key={a.addressId}>
                  <TableCell>{a.label}</TableCell>
                  <TableCell>{tp(`persons.domain.${a.domain}`)}</TableCell>
                  <TableCell>{a.street}</TableCell>
                  <TableCell>{a.postcode}</TableCell>
                  <TableCell>{a.city}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </Section>
  );
}

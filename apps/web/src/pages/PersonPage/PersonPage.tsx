import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Heading, Paragraph, PreHeading, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { Uuid, type PersonView } from '@hoeder/contracts';
import { usePerson } from '../../api/persons';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { isNotFound } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage';
import { PersonDetailsForm } from './PersonDetailsForm';
import { AddressTable } from '../../components/ContactPanel/AddressTable';

/**
 * A person's file (issue 12 item 1): one record across cases. Contact details and addresses show
 * only as far as the reader's need-to-know reaches (the server cuts them); the liaison on a case
 * of the person's records a new version.
 */
export function PersonPage() {
  const { t } = useTranslation();
  const tp = untyped(t);
  const { personId = '' } = useParams();
  const wellFormed = Uuid.safeParse(personId).success;
  const query = usePerson(personId, wellFormed);
  usePageTitle(query.data ? tp('persons.page.title', { name: query.data.fullName }) : query.error ? tp('persons.page.loadFailed') : t('app.loading'));
  if (!wellFormed || isNotFound(query.error)) return <NotFoundPage title={tp('persons.page.notFoundTitle')} text={tp('persons.page.notFoundText')} />;
  if (query.error) {
    return (
      <>
        <Heading level={1}>{tp('persons.page.loadFailed')}</Heading>
        <ApiErrorAlert error={query.error} />
      </>
    );
  }
  if (!query.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return <PersonFile person={query.data} />;
}

function PersonFile({ person }: { person: PersonView }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  const details = person.details;
  return (
    <>
      <PreHeading heading={<Heading level={1}>{person.fullName}</Heading>}>{tp('persons.page.preHeading')}</PreHeading>
      <Paragraph>
        {tp('persons.page.born')}: {person.dateOfBirth ? formatDate(person.dateOfBirth, i18n.language) : tp('persons.unknownBirth')}
      </Paragraph>
      <Heading level={2}>{tp('persons.page.cases')}</Heading>
      <UnorderedList>
        {person.cases.map((c) => (
          <UnorderedListItem key={c.caseId}>
            <RouterLink to={`/casussen/${c.caseId}#contact`}>{c.reference}</RouterLink> · {tp(`enums.personRole.${c.role}`)}
            {c.relationCode ? ` · ${tp(`recordLinks.relation.codes.${c.relationCode}`)}` : ''}
            {c.relationCodeBasis === 'derived_at_migration' ? ` (${tp('recordLinks.relation.derivedAtMigration')})` : ''}
            {c.relation ? ` — ${c.relation}` : ''}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Heading level={2}>{tp('persons.page.contactDetails')}</Heading>
      <Paragraph>{tp(`persons.page.access.${person.addressAccess}`)}</Paragraph>
      {person.addressAccess !== 'none' && !details && <Paragraph>{tp('persons.page.noDetails')}</Paragraph>}
      {details && (
        <>
          {person.addressAccess === 'all' && (
            <Paragraph>
              {tp('persons.field.phone')}: {details.phone ?? '–'} · {tp('persons.field.email')}: {details.email ?? '–'}
            </Paragraph>
          )}
          <AddressTable caption={tp('persons.page.addresses', { version: details.version, by: details.recordedBy, at: formatDateTime(details.recordedAt, i18n.language) })} addresses={details.addresses} />
        </>
      )}
      {person.mayEdit && <PersonDetailsForm person={person} />}
    </>
  );
}

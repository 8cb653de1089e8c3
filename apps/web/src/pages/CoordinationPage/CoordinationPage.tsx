import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useCoordinationCases } from '../../api/coordination';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { useCrownWitnessText } from '../../components/CrownWitnessPanel/crownWitnessText';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel } from '../../i18n/enums';

export const COORDINATION_PATH = '/kroongetuigen';

/**
 * Where the officier van justitie works from (issue 14): the cases they are on whose coordination
 * record they reach, with whether a crown-witness track runs; the record itself is on the case page.
 */
export function CoordinationPage() {
  const { t, tc } = useCrownWitnessText();
  usePageTitle(tc('page.title'));
  const cases = useCoordinationCases();
  return (
    <>
      <Heading level={1}>{tc('page.title')}</Heading>
      <Paragraph>{tc('page.intro')}</Paragraph>
      <ApiErrorAlert error={cases.error} />
      {cases.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {cases.data?.length === 0 && <Paragraph>{tc('page.none')}</Paragraph>}
      {cases.data && cases.data.length > 0 && (
        <Table>
          <TableCaption>{tc('page.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{tc('page.reference')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tc('page.phase')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tc('page.track')}</TableHeaderCell>
              <TableHeaderCell scope="col">{tc('page.entries')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cases.data.map((c) => (
              <TableRow key={c.caseId}>
                <TableCell>
                  <RouterLink to={`/casussen/${c.caseId}#kroongetuige`}>{c.reference}</RouterLink>
                </TableCell>
                <TableCell>{enumLabel(t, 'phase', c.phase)}</TableCell>
                <TableCell>{c.crownWitness ? tc('page.yes') : tc('page.no')}</TableCell>
                <TableCell>{c.entries}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

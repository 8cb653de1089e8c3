import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useUnits } from '../../api/execution';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';

/** The executing units (DOMAIN §6) with head count and teams: organisational data, no persons. */
export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const tt = untyped(t);
  const units = useUnits();
  usePageTitle(untyped(t)('masterData.units.title'));
  return (
    <>
      <Heading level={1}>{untyped(t)('masterData.units.title')}</Heading>
      <Paragraph>{untyped(t)('masterData.units.intro')}</Paragraph>
      <ApiErrorAlert error={units.error} />
      {units.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {units.data && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{untyped(t)('masterData.units.caption', { count: units.data.length, officers: units.data.reduce((n, u) => n + u.officers, 0).toLocaleString(i18n.language) })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{untyped(t)('masterData.units.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.units.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.units.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.units.region')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.units.officers')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.units.teams')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {units.data.map((u) => (
                <TableRow key={u.unitId}>
                  <TableHeaderCell scope="row">{u.name}</TableHeaderCell>
                  <TableCell>{tt(`masterData.kind.${u.kind}`)}</TableCell>
                  <TableCell>{tt(`masterData.organisation.${u.organisation}`)}</TableCell>
                  <TableCell>{u.region ?? untyped(t)('masterData.units.national')}</TableCell>
                  <TableCell>{u.officers}</TableCell>
                  <TableCell>{u.teams.length}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

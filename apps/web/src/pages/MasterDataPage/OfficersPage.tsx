import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useOfficers, useUnits } from '../../api/execution';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { SelectField } from '../../components/FormFields/FormFields';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { formatDate } from '../../lib/format';
import { OfficerImport } from './OfficerImport';
import { AbsenceForm } from './AbsenceForm';

/** Officers of a unit (personal data: the LCC sees all units, a unit lead their own), and the import. */
export function OfficersPage() {
  const { t, i18n } = useTranslation();
  const tt = untyped(t);
  const me = useCurrentUser();
  const lcc = me.roles.includes('lcc_coordinator');
  const units = useUnits();
  const [unitId, setUnitId] = useState(lcc ? 'dkdb-1' : (me.unitId ?? ''));
  const officers = useOfficers(unitId);
  usePageTitle(untyped(t)('masterData.officers.title'));
  return (
    <>
      <Heading level={1}>{untyped(t)('masterData.officers.title')}</Heading>
      <Paragraph>{untyped(t)('masterData.officers.intro')}</Paragraph>
      {lcc && units.data && <SelectField name="unit" label={untyped(t)('masterData.officers.unit')} value={unitId} onChange={setUnitId} options={units.data.map((u) => ({ value: u.unitId, label: u.name }))} />}
      <ApiErrorAlert error={officers.error ?? units.error} />
      {officers.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {officers.data && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{untyped(t)('masterData.officers.caption', { count: officers.data.length, unit: units.data?.find((u) => u.unitId === unitId)?.name ?? unitId })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{untyped(t)('masterData.officers.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.officers.team')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.officers.qualifications')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.officers.contract')}</TableHeaderCell>
                <TableHeaderCell scope="col">{untyped(t)('masterData.officers.absences')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {officers.data.map((o) => (
                <TableRow key={o.officerId}>
                  <TableHeaderCell scope="row">{o.displayName}</TableHeaderCell>
                  <TableCell>{o.teamName ?? '—'}</TableCell>
                  <TableCell>{o.qualifications.map((q) => tt(`masterData.qualification.${q}`)).join(', ') || '—'}</TableCell>
                  <TableCell>{o.contractCode ? tt(`masterData.contract.${o.contractCode}`) : '—'}</TableCell>
                  <TableCell>{o.absences?.map((a) => untyped(t)('masterData.officers.absence', { from: formatDate(a.from, i18n.language), until: formatDate(a.until, i18n.language), reason: tt(`masterData.absence.${a.reason}`) })).join('; ') || '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {lcc && officers.data && officers.data.length > 0 && <AbsenceForm key={unitId} officers={officers.data} />}
      {lcc && <OfficerImport />}
    </>
  );
}

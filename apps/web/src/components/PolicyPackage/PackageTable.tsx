import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { MEASURE_DOMAINS } from '@hoeder/domain';
import type { DecisionPackageDto } from '@hoeder/contracts';
import { enumLabel } from '../../i18n/enums';
import { Facts } from '../CaseSections/Facts';
import { domainLabel, measureLabel } from './labels';

/** A security package: level, measures per domain, care modules and review period. */
export function PackageTable({ pkg, caption }: { pkg: DecisionPackageDto; caption: string }) {
  const { t } = useTranslation();
  const rows = MEASURE_DOMAINS.filter((d) => pkg.measures[d].length > 0);
  return (
    <>
      <Facts
        facts={[
          { label: t('policy.proposal.resistanceLevel'), value: enumLabel(t, 'resistanceLevel', pkg.resistanceLevel) },
          { label: t('policy.proposal.careModules'), value: pkg.careModules.length > 0 ? pkg.careModules.map((c) => measureLabel(t, c)).join('; ') : t('policy.proposal.noCare') },
          { label: t('policy.decide.reviewPeriodMonths'), value: t('policy.proposal.reviewPeriod', { months: pkg.reviewPeriodMonths }) },
        ]}
      />
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('case.measures.domain')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('case.measures.measure')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((d) => (
              <TableRow key={d}>
                <TableCell>{domainLabel(t, d)}</TableCell>
                <TableCell>{pkg.measures[d].map((m) => measureLabel(t, m)).join('; ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { PolicyImpactReport } from '@hoeder/contracts';
import { measureLabel } from '../../components/PolicyPackage/labels';
import { enumLabel, untyped } from '../../i18n/enums';

/** Unit kinds by their master-data label; a kind without one is "other" rather than a raw code. */
const unitKindLabel = (t: TFunction, kind: string) => untyped(t)(`masterData.kind.${kind}`, { defaultValue: untyped(t)('policyDemand.genericKind') });

const hours = (n: number) => (n > 0 ? `+${n}` : String(n));

/** What a draft would change: per case (pseudonymous) and the capacity per unit type. */
export function ImpactTable({ report }: { report: PolicyImpactReport }) {
  const { t } = useTranslation();
  const list = (changes: { measure: string }[]) => changes.map((c) => measureLabel(t, c.measure)).join('; ');
  return (
    <section aria-labelledby="impact-heading">
      <Heading level={2} id="impact-heading">
        {t('policy.impact.heading', { draft: report.draftVersion, current: report.currentVersion })}
      </Heading>
      <Paragraph role="status">
        {t('policy.impact.summary', { evaluated: report.casesEvaluated, active: report.activeCases, withoutFacts: report.casesWithoutFacts, changed: report.changedCases.length })}
      </Paragraph>
      <Paragraph>{t('policy.impact.pseudonymous')}</Paragraph>
      {report.casesWithoutAgenda > 0 && <Paragraph>{untyped(t)('policyDemand.withoutAgenda', { count: report.casesWithoutAgenda })}</Paragraph>}
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{untyped(t)('policyDemand.caption', { basis: report.demandBasis })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('policy.impact.unitType')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('policy.impact.current')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('policy.impact.draft')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('policy.impact.delta')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.capacity.map((c) => (
              <TableRow key={c.unitType}>
                <TableHeaderCell scope="row">{unitKindLabel(t, c.unitType)}</TableHeaderCell>
                <TableCell>{c.currentHoursPerWeek}</TableCell>
                <TableCell>{c.draftHoursPerWeek}</TableCell>
                <TableCell>{hours(c.deltaHoursPerWeek)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {report.changedCases.length === 0 ? (
        <Paragraph>{t('policy.impact.none')}</Paragraph>
      ) : (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{t('policy.impact.casesCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('policy.impact.caseKey')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.impact.level')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.impact.added')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.impact.dropped')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.impact.hours')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.changedCases.map((c) => (
                <TableRow key={c.caseKey}>
                  <TableHeaderCell scope="row">{c.caseKey}</TableHeaderCell>
                  <TableCell>{c.resistanceLevel.current === c.resistanceLevel.draft ? enumLabel(t, 'resistanceLevel', c.resistanceLevel.current) : `${enumLabel(t, 'resistanceLevel', c.resistanceLevel.current)} → ${enumLabel(t, 'resistanceLevel', c.resistanceLevel.draft)}`}</TableCell>
                  <TableCell>{list([...c.addedMeasures, ...c.addedCareModules.map((measure) => ({ measure }))])}</TableCell>
                  <TableCell>{list([...c.droppedMeasures, ...c.droppedCareModules.map((measure) => ({ measure }))])}</TableCell>
                  <TableCell>{Object.entries(c.deltaHoursPerWeek).map(([unit, h]) => `${unitKindLabel(t, unit)} ${hours(h)}`).join(', ')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

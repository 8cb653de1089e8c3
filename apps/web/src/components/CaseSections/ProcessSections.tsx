import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { CaseView } from '@hoeder/contracts';
import { enumLabel } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { domainLabel, measureLabel } from '../PolicyPackage/labels';
import { Facts } from './Facts';
import { RouterLink } from '../RouterLink/RouterLink';
import { dafPath } from '../../pages/AssessmentPage/AssessmentStatus';
import { Section } from './Section';

export function TriageSection({ triage }: { triage: NonNullable<CaseView['triage']> }) {
  const { t, i18n } = useTranslation();
  const rules = triage.firedRules.map((rule) => enumLabel(t, 'triageRule', rule)).join('; ');
  return (
    <Section title={t('case.sections.triage')}>
      <Facts
        facts={[
          { label: t('case.triage.outcome'), value: enumLabel(t, 'triageOutcome', triage.outcome) },
          { label: t('case.triage.recommendedOutcome'), value: enumLabel(t, 'triageOutcome', triage.recommendedOutcome) },
          { label: t('case.triage.firedRules'), value: rules },
          { label: t('case.triage.rulesetVersion'), value: triage.rulesetVersion },
          { label: t('case.triage.motivation'), value: triage.motivation },
          { label: t('case.triage.handOff'), value: triage.handOff ? enumLabel(t, 'handOffTo', triage.handOff.to) : undefined },
          { label: t('case.triage.handOffNote'), value: triage.handOff?.recordedNote },
          { label: t('case.triage.triagedBy'), value: triage.triagedBy.displayName },
          { label: t('case.triage.triagedAt'), value: formatDateTime(triage.triagedAt, i18n.language) },
        ]}
      />
      {triage.outcome !== triage.recommendedOutcome && <Paragraph>{t('case.triage.deviates')}</Paragraph>}
    </Section>
  );
}

/**
 * The DAF versions recorded in the case: a reference, its marking and validity, and the threat
 * level when the reader may read it in the DAF record (ADR 0015). The content is on the DAF page.
 */
export function AssessmentsSection({ caseId, assessments }: { caseId: string; assessments: NonNullable<CaseView['assessments']> }) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...assessments].reverse();
  return (
    <Section title={t('case.sections.assessment')}>
      {newestFirst.length === 0 && <Paragraph>{t('case.assessment.none')}</Paragraph>}
      {newestFirst.map((a) => (
        <article key={a.assessmentId} className="hoeder-document">
          <Heading level={3}>{t('case.assessment.heading', { date: formatDateTime(a.recordedAt, i18n.language) })}</Heading>
          <Facts
            facts={[
              { label: t('case.assessment.version'), value: a.assessmentVersion === null ? undefined : t('case.assessment.versionValue', { n: a.assessmentVersion }) },
              { label: t('case.assessment.threatLevel'), value: a.threatLevel ? enumLabel(t, 'threatLevel', a.threatLevel) : undefined },
              { label: t('case.assessment.classification'), value: enumLabel(t, 'classification', a.classification) },
              { label: t('case.assessment.validUntil'), value: formatDate(a.validUntil, i18n.language) },
              { label: t('case.assessment.recordedBy'), value: a.recordedBy.displayName },
            ]}
          />
          {a.assessmentVersion !== null && (
            <Paragraph>
              <RouterLink to={dafPath(caseId)}>{t('case.assessment.dafLink', { n: a.assessmentVersion })}</RouterLink>
            </Paragraph>
          )}
        </article>
      ))}
    </Section>
  );
}

export function MeasuresSection({ measures }: { measures: CaseView['measures'] }) {
  const { t, i18n } = useTranslation();
  if (!measures) {
    return (
      <Section title={t('case.sections.measures')}>
        <Paragraph>{t('case.measures.none')}</Paragraph>
      </Section>
    );
  }
  return (
    <Section title={t('case.sections.measures')}>
      <Facts
        facts={[
          { label: t('case.measures.package'), value: measures.packageCode ? enumLabel(t, 'package', measures.packageCode) : undefined },
          { label: t('policy.decision.version'), value: measures.policyVersion },
          { label: t('policy.proposal.resistanceLevel'), value: enumLabel(t, 'resistanceLevel', measures.resistanceLevel) },
          { label: t('case.measures.reviewDate'), value: formatDate(measures.reviewDate, i18n.language) },
        ]}
      />
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{t('case.measures.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('case.measures.domain')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('case.measures.measure')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {measures.measures.map((m) => (
              <TableRow key={`${m.domain}-${m.measure}`}>
                <TableCell>{domainLabel(t, m.domain)}</TableCell>
                <TableCell>{measureLabel(t, m.measure)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Section>
  );
}

import { useTranslation } from 'react-i18next';
import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import type { CaseView } from '@hoeder/contracts';
import { enumLabel, untyped } from '../../i18n/enums';
import { isReviewDue } from '@hoeder/domain';
import { formatDate, formatDateTime, localToday } from '../../lib/format';
import { Facts } from './Facts';
import { Section } from './Section';

export function SummarySection({ summary, phase }: { summary: CaseView['summary']; phase: CaseView['phase'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('case.sections.summary')}>
      <Facts
        facts={[
          { label: t('case.summary.phenomenon'), value: enumLabel(t, 'phenomenon', summary.phenomenon) },
          { label: t('case.summary.classification'), value: enumLabel(t, 'classification', summary.classification) },
          { label: t('case.summary.registeredAt'), value: formatDateTime(summary.registeredAt, i18n.language) },
          { label: t('case.summary.updatedAt'), value: formatDateTime(summary.updatedAt, i18n.language) },
          {
            label: t('case.summary.reviewDate'),
            value: summary.reviewDate
              ? `${formatDate(summary.reviewDate, i18n.language)}${isReviewDue(phase, summary.reviewDate, localToday()) ? ` — ${t('case.summary.reviewDue')}` : ''}`
              : t('case.summary.none'),
          },
        ]}
      />
    </Section>
  );
}

export function PersonsSection({ persons }: { persons: NonNullable<CaseView['persons']> }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('case.sections.persons')}>
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{t('case.persons.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('case.persons.fullName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('case.persons.role')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('case.persons.dateOfBirth')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('case.persons.relation')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {persons.map((p) => (
              <TableRow key={p.personId}>
                <TableHeaderCell scope="row">{p.fullName}</TableHeaderCell>
                <TableCell>{enumLabel(t, 'personRole', p.role)}</TableCell>
                <TableCell>{p.dateOfBirth ? formatDate(p.dateOfBirth, i18n.language) : t('case.persons.unknown')}</TableCell>
                <TableCell>{[p.relationCode && untyped(t)(`recordLinks.relation.codes.${p.relationCode}`), p.relation].filter(Boolean).join(' — ') || '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Section>
  );
}

export function IntakeSection({ intake }: { intake: NonNullable<CaseView['intake']> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('case.sections.intake')}>
      <Facts
        facts={[
          { label: t('case.intake.referralSource'), value: enumLabel(t, 'referralSource', intake.referralSource) },
          { label: t('case.intake.referrerDescription'), value: intake.referrerDescription },
          { label: t('case.intake.reportedPhenomenon'), value: enumLabel(t, 'phenomenon', intake.reportedPhenomenon) },
          { label: t('case.intake.firstInformation'), value: intake.firstInformation },
          { label: t('case.intake.registeredBy'), value: intake.registeredBy.displayName },
        ]}
      />
    </Section>
  );
}

export function TeamSection({ team }: { team: NonNullable<CaseView['team']> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('case.sections.team')}>
      {team.length === 0 ? (
        <Paragraph>{t('case.team.none')}</Paragraph>
      ) : (
        <UnorderedList aria-label={t('case.team.caption')}>
          {team.map((member) => (
            <UnorderedListItem key={member.userId}>{member.displayName}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Section>
  );
}

import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { CaseView } from '@hoeder/contracts';
import { enumLabel } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { Facts, type Fact } from './Facts';
import { Section } from './Section';

type DecisionData = NonNullable<NonNullable<CaseView['decision']>['active']>;

function useDecisionFacts() {
  const { t, i18n } = useTranslation();
  return (d: DecisionData): Fact[] => [
    { label: t('case.decision.resistanceLevel'), value: enumLabel(t, 'resistanceLevel', d.resistanceLevel) },
    { label: t('case.decision.package'), value: enumLabel(t, 'package', d.packageCode) },
    { label: t('case.decision.motivation'), value: d.motivation },
    { label: t('case.decision.reviewDate'), value: formatDate(d.reviewDate, i18n.language) },
    { label: t('case.decision.proposedBy'), value: d.proposedBy.displayName },
    { label: t('case.decision.approvedBy'), value: d.approvedBy?.displayName },
    { label: t('case.decision.approvedAt'), value: d.approvedAt ? formatDateTime(d.approvedAt, i18n.language) : undefined },
  ];
}

export function DecisionSection({ decision }: { decision: NonNullable<CaseView['decision']> }) {
  const { t } = useTranslation();
  const factsOf = useDecisionFacts();
  const nothing = !decision.pending && !decision.active && decision.rejected.length === 0;
  return (
    <Section title={t('case.sections.decision')}>
      {nothing && <Paragraph>{t('case.decision.none')}</Paragraph>}
      {decision.active && (
        <article className="hoeder-document">
          <Heading level={3}>{t('case.decision.active')}</Heading>
          <Facts facts={factsOf(decision.active)} />
        </article>
      )}
      {decision.pending && (
        <article className="hoeder-document hoeder-document--pending">
          <Heading level={3}>{t('case.decision.pending')}</Heading>
          <Facts facts={factsOf(decision.pending)} />
        </article>
      )}
      {decision.rejected.length > 0 && (
        <>
          <Heading level={3}>{t('case.decision.rejected')}</Heading>
          {decision.rejected.map((r) => (
            <article key={r.decisionId} className="hoeder-document">
              <Facts facts={[...factsOf(r), { label: t('case.decision.reason'), value: r.reason }]} />
            </article>
          ))}
        </>
      )}
    </Section>
  );
}

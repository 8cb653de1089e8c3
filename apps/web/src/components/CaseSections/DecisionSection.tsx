import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { CaseView } from '@hoeder/contracts';
import { enumLabel } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { PackageTable } from '../PolicyPackage/PackageTable';
import { Facts, type Fact } from './Facts';
import { Section } from './Section';

type DecisionData = NonNullable<NonNullable<CaseView['decision']>['active']>;

function useDecisionFacts() {
  const { t, i18n } = useTranslation();
  return (d: DecisionData): Fact[] => [
    { label: t('case.decision.resistanceLevel'), value: enumLabel(t, 'resistanceLevel', d.resistanceLevel) },
    { label: t('policy.decision.legacy'), value: d.packageCode ? enumLabel(t, 'package', d.packageCode) : undefined },
    { label: t('policy.decision.version'), value: d.policy?.policyVersion },
    { label: t('policy.decision.deviationMotivation'), value: d.policy?.deviation?.motivation },
    { label: t('case.decision.motivation'), value: d.motivation },
    { label: t('case.decision.reviewDate'), value: formatDate(d.reviewDate, i18n.language) },
    { label: t('case.decision.proposedBy'), value: d.proposedBy.displayName },
    { label: t('case.decision.approvedBy'), value: d.approvedBy?.displayName },
    { label: t('case.decision.approvedAt'), value: d.approvedAt ? formatDateTime(d.approvedAt, i18n.language) : undefined },
  ];
}

type PolicyData = NonNullable<DecisionData['policy']>;

/**
 * The package the decision chose, the policy's proposal when it deviates, and the explanation.
 * The package in force is shown once: under "Maatregelen" when the reader has that section.
 */
function DecisionPolicy({ policy, chosenElsewhere }: { policy: PolicyData; chosenElsewhere: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {chosenElsewhere ? <Paragraph>{t('caseTabs.chosenUnderMeasures')}</Paragraph> : <PackageTable pkg={policy.chosen} caption={t('policy.decision.chosen')} />}
      {policy.deviation ? (
        <details>
          <summary>{t('policy.decision.proposed')}</summary>
          <PackageTable pkg={policy.proposal} caption={t('policy.decision.proposed')} />
        </details>
      ) : (
        <Paragraph>{t('policy.decision.noDeviation')}</Paragraph>
      )}
      <details>
        <summary>{t('policy.decision.explanation')}</summary>
        <Paragraph className="hoeder-explanation">{policy.explanationNl}</Paragraph>
      </details>
    </>
  );
}

/** measuresShown: the active package is in the measures section beside this one. */
export function DecisionSection({ decision, measuresShown = false }: { decision: NonNullable<CaseView['decision']>; measuresShown?: boolean }) {
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
          {decision.active.policy && <DecisionPolicy policy={decision.active.policy} chosenElsewhere={measuresShown} />}
        </article>
      )}
      {decision.pending && (
        <article className="hoeder-document hoeder-document--pending">
          <Heading level={3}>{t('case.decision.pending')}</Heading>
          <Facts facts={factsOf(decision.pending)} />
          {decision.pending.policy && <DecisionPolicy policy={decision.pending.policy} chosenElsewhere={false} />}
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

import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import type { AssessmentView } from '@hoeder/contracts';
import { formatDate, formatDateTime } from '../../lib/format';
import { untyped } from '../../i18n/enums';

type Reason = AssessmentView['reassessment']['reasons'][number];

function reasonText(t: ReturnType<typeof useTranslation>['t'], language: string, r: Reason, statements: ReadonlyMap<string, string>): string {
  const tt = untyped(t);
  const id = 'assumptionId' in r ? (statements.get(r.assumptionId) ?? r.assumptionId) : '';
  switch (r.code) {
    case 'validity_expired':
      return tt('daf.reassessment.validity_expired', { date: formatDate(r.validUntil, language) });
    case 'assumption_retest_due':
      return tt('daf.reassessment.assumption_retest_due', { id, date: formatDate(r.retestOn, language) });
    case 'assumption_falsified':
    case 'assumption_triggered':
      return tt(`daf.reassessment.${r.code}`, { id });
    case 'new_information':
      return tt('daf.reassessment.new_information', { date: formatDateTime(r.registeredAt, language) });
    case 'item_validity_expired':
      return tt('daf.reassessment.item_validity_expired', { date: formatDate(r.validUntil, language) });
    case 'incident':
      return tt('daf.reassessment.incident', { date: formatDateTime(r.occurredAt, language) });
  }
}

/** "Herbeoordeling nodig": shown while the version in effect needs re-assessment, with every reason. */
export function ReassessmentNotice({ view }: { view: AssessmentView }) {
  const { t, i18n } = useTranslation();
  const status = view.reassessment;
  const inEffect = view.versions.find((v) => v.versionNumber === status.versionNumber);
  const statements = new Map((inEffect?.content.assumptions ?? []).map((a) => [a.assumptionId, `“${a.statement}”`]));
  if (!status.due) return null;
  return (
    <Alert type="warning">
      <Paragraph>
        <strong>{t('daf.reassessment.due')}</strong>
      </Paragraph>
      <UnorderedList>
        {status.reasons.map((r, i) => (
          <UnorderedListItem key={i}>{reasonText(t, i18n.language, r, statements)}</UnorderedListItem>
        ))}
      </UnorderedList>
      {status.newVersionInProgress !== undefined && <Paragraph>{t('daf.reassessment.inProgress', { n: status.newVersionInProgress })}</Paragraph>}
    </Alert>
  );
}

import { useTranslation } from 'react-i18next';
import { Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { mayOnObjections, type Role } from '@hoeder/domain';
import type { ObjectionView } from '@hoeder/contracts';
import { useObjectionsAsOf } from '../../api/as-of';
import { untyped } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { Section } from '../CaseSections/Section';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/**
 * The case as of a moment: which decisions were under objection then, and by when the objection
 * had to be decided (issue 12, ADR 0031). Read-only; nothing can be lodged or handled in the past.
 */
export function ObjectionsAsOf({ caseId, roles, asOf }: { caseId: string; roles: readonly Role[]; asOf: string }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  const visible = mayOnObjections(roles, 'read');
  const query = useObjectionsAsOf(caseId, asOf, visible);
  if (!visible) return null;
  const view = query.data;
  const date = (d: string) => formatDate(d, i18n.language);
  const line = (o: ObjectionView) => tp('personCentral.objectionsAsOf.underObjection', { sentOn: date(o.decisionSentOn), party: lowerFirst(tp(`objections.party.${o.party}`)), receivedOn: date(o.receivedOn) });
  return (
    <Section title={tp('personCentral.objectionsAsOf.title')} id="bezwaar-toen">
      <ApiErrorAlert error={query.error} />
      {query.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {view && (
        <>
          <Paragraph>{tp('personCentral.objectionsAsOf.intro', { moment: formatDateTime(view.asOf ?? asOf, i18n.language) })}</Paragraph>
          {view.objections.length === 0 ? (
            <Paragraph>{tp('personCentral.objectionsAsOf.none')}</Paragraph>
          ) : (
            <UnorderedList>
              {view.objections.map((o) => (
                <UnorderedListItem key={o.objectionId}>
                  {line(o)} {o.decidedOn ? tp('personCentral.objectionsAsOf.decided', { date: date(o.decidedOn) }) : tp('personCentral.objectionsAsOf.decideBy', { date: date(o.decisionDeadline) })}
                  {o.exact === false && <> {tp('personCentral.objectionsAsOf.notExact')}</>}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </>
      )}
    </Section>
  );
}

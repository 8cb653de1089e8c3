import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { readableArrangementKinds, type Role } from '@hoeder/domain';
import type { ArrangementView } from '@hoeder/contracts';
import { useArrangements } from '../../api/arrangements';
import { useArrangementText } from '../../i18n/arrangement-text';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { Section } from '../CaseSections/Section';
import { AddAgreementForm, AddCareForm, AddEmployerForm } from './AddForms';
import { ArrangementTable } from './ArrangementTable';
import { StepForm } from './StepForm';

export const maySeeArrangements = (roles: readonly Role[]) => readableArrangementKinds(roles).size > 0;

/**
 * Agreements, care and the employer on the case page (issue 12 items 4–6): the liaison records
 * them; decision makers, the inspectorate and the executing side read them (never care for the latter).
 */
export function ArrangementSection({ caseId, roles, asOf = null }: { caseId: string; roles: readonly Role[]; asOf?: string | null }) {
  const { t, tr, code, i18n } = useArrangementText();
  const query = useArrangements(caseId, maySeeArrangements(roles), asOf);
  if (!maySeeArrangements(roles)) return null;
  const view = query.data;
  const personName = (id: string | null) => view?.persons.find((p) => p.personId === id)?.fullName ?? '–';
  const agreementLabel = (r: ArrangementView) => code('agreementType', r.code);
  const careLabel = (r: ArrangementView) => code('module', r.code);
  const dutyLabel = (r: ArrangementView) => code('duty', r.code);
  return (
    <Section title={tr('section.title')} id="afspraken">
      <ApiErrorAlert error={query.error} />
      {query.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {view && (
        <>
          <Paragraph>{tr('section.intro')}</Paragraph>
          {view.asOf ? <Paragraph>{untyped(t)('personCentral.arrangementsAsOf', { moment: formatDateTime(view.asOf, i18n.language) })}</Paragraph> : !view.mayEdit && <Paragraph>{tr('section.readOnly')}</Paragraph>}
          {view.agreements && (
            <section aria-labelledby="afspraken-persoon">
              <Heading level={3} id="afspraken-persoon">{tr('agreements.title')}</Heading>
              <ArrangementTable caption={tr('agreements.caption')} labelHeading={tr('agreements.type')} rows={view.agreements} label={agreementLabel} personName={personName} />
              {view.mayEdit && <StepForm caseId={caseId} idPrefix="agreement-step" title={`${tr('step.legend')}: ${tr('agreements.title')}`} rows={view.agreements} label={agreementLabel} />}
              {view.mayEdit && <AddAgreementForm caseId={caseId} persons={view.persons} />}
            </section>
          )}
          {view.care ? (
            <section aria-labelledby="afspraken-zorg">
              <Heading level={3} id="afspraken-zorg">{tr('care.title')}</Heading>
              <ArrangementTable caption={tr('care.caption')} labelHeading={tr('care.module')} rows={view.care} label={careLabel} personName={personName} />
              {view.mayEdit && <StepForm caseId={caseId} idPrefix="care-step" title={`${tr('step.legend')}: ${tr('care.title')}`} rows={view.care} label={careLabel} />}
              {view.mayEdit && <AddCareForm caseId={caseId} persons={view.persons} />}
            </section>
          ) : (
            <Paragraph>{tr('care.notShown')}</Paragraph>
          )}
          {view.employers && (
            <section aria-labelledby="afspraken-werkgever">
              <Heading level={3} id="afspraken-werkgever">{tr('employer.title')}</Heading>
              {view.employers.length === 0 && <Paragraph>{tr('employer.none')}</Paragraph>}
              {view.employers.map((e) => (
                <div key={e.employerId}>
                  <Paragraph>
                    <strong>{e.name}</strong>
                    {e.contact ? ` · ${e.contact}` : ''}
                  </Paragraph>
                  <ArrangementTable caption={tr('employer.caption', { name: personName(e.personId) })} labelHeading={tr('employer.duty')} rows={e.duties} label={dutyLabel} personName={personName} showOwner />
                </div>
              ))}
              {view.mayEdit && <StepForm caseId={caseId} idPrefix="duty-step" title={`${tr('step.legend')}: ${tr('employer.title')}`} rows={view.employers.flatMap((e) => e.duties)} label={dutyLabel} withOwner />}
              {view.mayEdit && <AddEmployerForm caseId={caseId} persons={view.persons} />}
            </section>
          )}
        </>
      )}
    </Section>
  );
}

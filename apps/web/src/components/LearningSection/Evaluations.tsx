import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { learning, ORGANISATIONS, type Organisation } from '@hoeder/domain';
import type { CaseLearningView, EvaluationView, Me } from '@hoeder/contracts';
import { useOpenEvaluation } from '../../api/learning';
import { enumLabel, untyped } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { CheckboxField, SelectField } from '../FormFields/FormFields';
import { CloseForm, ContributionForm, LessonForm, PersonExperienceForm } from './EvaluationForms';

const PARTNERS = ORGANISATIONS.filter((o) => o !== 'ADVISORY_BODY' && o !== 'INSPECTORATE');

/** Opening an evaluation (the case's decision maker): why, which incident, which partners take part. */
export function OpenEvaluationForm({ view }: { view: CaseLearningView }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const open = useOpenEvaluation(view.caseId);
  const [trigger, setTrigger] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const [partners, setPartners] = useState<Organisation[]>(['NCTV']);
  const toggle = (o: Organisation, on: boolean) => setPartners((p) => (on ? [...p, o] : p.filter((x) => x !== o)));
  return (
    <form
      aria-labelledby="open-evaluation-heading"
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate({ trigger: trigger as learning.EvaluationTrigger, templateKey: 'security_situation', partners, ...(trigger === 'incident' && incidentId ? { incidentId } : {}) });
      }}
    >
      <Heading level={3} id="open-evaluation-heading">
        {tx('learning.evaluation.openHeading')}
      </Heading>
      <ApiErrorAlert error={open.error} />
      <SelectField name="evaluationTrigger" label={tx('learning.evaluation.trigger')} value={trigger} onChange={setTrigger} placeholder={tx('learning.choose')} options={learning.EVALUATION_TRIGGERS.map((k) => ({ value: k, label: tx(`learning.triggers.${k}`) }))} />
      {trigger === 'incident' && (
        <SelectField
          name="evaluationIncident"
          label={tx('learning.evaluation.incident')}
          value={incidentId}
          onChange={setIncidentId}
          placeholder={tx('learning.choose')}
          options={view.incidents.map((i) => ({ value: i.incidentId, label: `${formatDateTime(i.occurredAt, i18n.language)} – ${tx(`learning.kinds.${i.kind}`)}` }))}
        />
      )}
      <fieldset className="hoeder-fieldset">
        <legend>{tx('learning.evaluation.partners')}</legend>
        {PARTNERS.map((o) => (
          <CheckboxField key={o} name={`partner-${o}`} label={enumLabel(t, 'organisation', o)} checked={partners.includes(o)} onChange={(on) => toggle(o, on)} />
        ))}
      </fieldset>
      <Button type="submit" appearance="primary-action-button" disabled={open.isPending}>
        {tx('learning.evaluation.openSubmit')}
      </Button>
    </form>
  );
}

/** One evaluation: the template it is held on, who was heard, the person's experience, the lessons; and the step forms while it is open. */
export function EvaluationPanel({ view, evaluation, me }: { view: CaseLearningView; evaluation: EvaluationView; me: Me }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const open = evaluation.status === 'open' && !view.asOf;
  const partnerOf = (o: Organisation) => enumLabel(t, 'organisation', o);
  const mine = evaluation.partners.includes(me.organisation) && evaluation.contributions.every((c) => c.partner !== me.organisation);
  return (
    <article className="hoeder-evaluation" aria-labelledby={`evaluation-${evaluation.evaluationId}`}>
      <Heading level={3} id={`evaluation-${evaluation.evaluationId}`}>
        {tx(`learning.triggers.${evaluation.trigger}`)} · {formatDateTime(evaluation.openedAt, i18n.language)}
      </Heading>
      <Paragraph>
        {tx('learning.evaluation.template', { title: evaluation.template.title, version: evaluation.template.version })} · {tx(`learning.status.${evaluation.status}`)} · {enumLabel(t, 'classification', evaluation.classification)}
      </Paragraph>
      <Paragraph>{tx('learning.evaluation.partnerList', { partners: evaluation.partners.map(partnerOf).join(', ') })}</Paragraph>
      {evaluation.status === 'open' && (evaluation.missing.partners.length > 0 || evaluation.missing.personExperience) && (
        <Paragraph>{tx('learning.evaluation.missing', { partners: evaluation.missing.partners.map(partnerOf).join(', ') || '–', person: evaluation.missing.personExperience ? tx('learning.yes') : tx('learning.no') })}</Paragraph>
      )}
      {evaluation.contributions.length > 0 && (
        <UnorderedList>
          {evaluation.contributions.map((c) => (
            <UnorderedListItem key={c.partner}>
              <strong>{partnerOf(c.partner)}</strong>: {Object.values(c.answers).filter((a) => a.trim()).join(' · ')}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {evaluation.personExperience && (
        <Paragraph>
          <strong>{tx('learning.evaluation.personLabel')}</strong>: {evaluation.personExperience.declined ? tx('learning.evaluation.personDeclined') : evaluation.personExperience.experience}
        </Paragraph>
      )}
      {evaluation.lessons.length > 0 && (
        <>
          <Heading level={4}>{tx('learning.lesson.listHeading')}</Heading>
          <UnorderedList>
            {evaluation.lessons.map((l) => (
              <UnorderedListItem key={l.lessonId}>
                <strong>{l.title}</strong> — {l.finding} ({tx('learning.lesson.ownerLine', { owner: partnerOf(l.owner), followUp: l.followUp, dueOn: formatDate(l.dueOn, i18n.language) })}){l.policyVersion ? ` · ${tx('learning.lesson.linkedTo', { version: l.policyVersion })}` : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {evaluation.conclusion && <Paragraph>{tx('learning.evaluation.conclusionLine', { conclusion: evaluation.conclusion })}</Paragraph>}
      {open && view.may.contribute && mine && <ContributionForm caseId={view.caseId} evaluation={evaluation} organisation={me.organisation} />}
      {open && view.may.personExperience && <PersonExperienceForm caseId={view.caseId} evaluation={evaluation} />}
      {open && view.may.leadEvaluation && <LessonForm caseId={view.caseId} evaluation={evaluation} />}
      {open && view.may.leadEvaluation && <CloseForm caseId={view.caseId} evaluation={evaluation} />}
    </article>
  );
}

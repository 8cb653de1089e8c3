import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { ORGANISATIONS, type Organisation } from '@hoeder/domain';
import type { EvaluationView } from '@hoeder/contracts';
import { useEvaluationStep, type EvaluationStepPath } from '../../api/learning';
import { enumLabel, untyped } from '../../i18n/enums';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { CheckboxField, SelectField, TextareaField, TextField } from '../FormFields/FormFields';

/** One step of an evaluation as a small form: heading, fields, error, submit. */
function StepForm({ caseId, evaluation, path, heading, body, children, submitLabel }: { caseId: string; evaluation: EvaluationView; path: EvaluationStepPath; heading: string; body: () => Record<string, unknown>; children: ReactNode; submitLabel: string }) {
  const step = useEvaluationStep(caseId, evaluation.evaluationId, path);
  const id = `${path}-${evaluation.evaluationId}`;
  return (
    <form
      aria-labelledby={id}
      onSubmit={(e) => {
        e.preventDefault();
        step.mutate({ expectedVersion: evaluation.version, ...body() });
      }}
    >
      <Heading level={4} id={id}>
        {heading}
      </Heading>
      <ApiErrorAlert error={step.error} />
      {children}
      <Button type="submit" appearance="secondary-action-button" disabled={step.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}

export function ContributionForm({ caseId, evaluation, organisation }: { caseId: string; evaluation: EvaluationView; organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const lang = i18n.language.startsWith('en') ? 'en' : 'nl';
  return (
    <StepForm caseId={caseId} evaluation={evaluation} path="contributions" heading={tx('learning.evaluation.contributionHeading', { partner: enumLabel(t, 'organisation', organisation) })} body={() => ({ answers })} submitLabel={tx('learning.evaluation.contributionSubmit')}>
      {evaluation.template.questions.map((q) => (
        <TextareaField key={q.key} name={`answer-${q.key}-${evaluation.evaluationId}`} label={q[lang]} value={answers[q.key] ?? ''} onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v }))} rows={2} />
      ))}
    </StepForm>
  );
}

export function PersonExperienceForm({ caseId, evaluation }: { caseId: string; evaluation: EvaluationView }) {
  const tx = untyped(useTranslation().t);
  const [experience, setExperience] = useState('');
  const [declined, setDeclined] = useState(false);
  return (
    <StepForm caseId={caseId} evaluation={evaluation} path="person-experience" heading={tx('learning.evaluation.personHeading')} body={() => ({ experience, declined })} submitLabel={tx('learning.evaluation.personSubmit')}>
      <TextareaField name={`experience-${evaluation.evaluationId}`} label={tx('learning.evaluation.experience')} description={tx('learning.evaluation.experienceHint')} value={experience} onChange={setExperience} rows={3} />
      <CheckboxField name={`declined-${evaluation.evaluationId}`} label={tx('learning.evaluation.declined')} checked={declined} onChange={setDeclined} />
    </StepForm>
  );
}

export function LessonForm({ caseId, evaluation }: { caseId: string; evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const [title, setTitle] = useState('');
  const [finding, setFinding] = useState('');
  const [owner, setOwner] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [needsRuleChange, setNeedsRuleChange] = useState(false);
  const suffix = evaluation.evaluationId;
  return (
    <StepForm caseId={caseId} evaluation={evaluation} path="lessons" heading={tx('learning.lesson.formHeading')} body={() => ({ title, finding, owner, followUp, dueOn, needsRuleChange })} submitLabel={tx('learning.lesson.submit')}>
      <TextField name={`lessonTitle-${suffix}`} label={tx('learning.lesson.title')} value={title} onChange={setTitle} />
      <TextareaField name={`lessonFinding-${suffix}`} label={tx('learning.lesson.finding')} description={tx('learning.lesson.findingHint')} value={finding} onChange={setFinding} rows={3} />
      <SelectField name={`lessonOwner-${suffix}`} label={tx('learning.lesson.owner')} value={owner} onChange={setOwner} placeholder={tx('learning.choose')} options={ORGANISATIONS.filter((o) => o !== 'ADVISORY_BODY').map((o) => ({ value: o, label: enumLabel(t, 'organisation', o) }))} />
      <TextareaField name={`lessonFollowUp-${suffix}`} label={tx('learning.lesson.followUp')} value={followUp} onChange={setFollowUp} rows={2} />
      <TextField name={`lessonDueOn-${suffix}`} type="date" label={tx('learning.lesson.dueOn')} value={dueOn} onChange={setDueOn} />
      <CheckboxField name={`lessonRule-${suffix}`} label={tx('learning.lesson.needsRuleChange')} checked={needsRuleChange} onChange={setNeedsRuleChange} />
    </StepForm>
  );
}

export function CloseForm({ caseId, evaluation }: { caseId: string; evaluation: EvaluationView }) {
  const tx = untyped(useTranslation().t);
  const [conclusion, setConclusion] = useState('');
  return (
    <StepForm caseId={caseId} evaluation={evaluation} path="close" heading={tx('learning.evaluation.closeHeading')} body={() => ({ conclusion })} submitLabel={tx('learning.evaluation.closeSubmit')}>
      <TextareaField name={`conclusion-${evaluation.evaluationId}`} label={tx('learning.evaluation.conclusion')} value={conclusion} onChange={setConclusion} rows={2} />
    </StepForm>
  );
}

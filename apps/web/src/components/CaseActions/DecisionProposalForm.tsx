import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ProposeDecisionRequest, type CaseView, type DecisionPackageDto, type PolicyFactsView, type PolicyPrefill } from '@hoeder/contracts';
import type { SourcedFact } from '@hoeder/domain';
import { usePolicyFacts } from '../../api/arrangements';
import { usePolicyPrefill, usePolicyProposal } from '../../api/policy';
import { untyped } from '../../i18n/enums';
import { formatDate } from '../../lib/format';
import { requireWrittenText, type FieldErrors } from '../../lib/validation';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { RadioField, TextareaField, TextField } from '../FormFields/FormFields';
import { DeviationFields } from '../PolicyPackage/DeviationFields';
import { PackageTable } from '../PolicyPackage/PackageTable';
import { initialFacts, PolicyFactsFields, type FactsDraft } from '../PolicyPackage/PolicyFactsFields';
import { changedFacts, FactSources, withSourcedFacts } from '../PolicyPackage/FactSources';
import { ActionPanel } from './ActionPanel';
import { useCommandForm } from './useCommandForm';

/** The form is shown once the prefill (policy version, phenomenon, threat level) has loaded. */
export function DecisionProposalForm({ view, onSaved }: { view: CaseView; onSaved: (version: number) => void }) {
  const prefill = usePolicyPrefill(view.caseId);
  // Issue 12: the facts from their sources (agreements, employer, household, assessment).
  const sourced = usePolicyFacts(view.caseId);
  if (prefill.isPending || sourced.isPending) return null;
  return <ProposalForm view={view} onSaved={onSaved} prefill={prefill.data} sourced={sourced.data} />;
}

function labelFor(t: ReturnType<typeof useTranslation>['t']) {
  return (field: string) => {
    const [head, key] = field.split('.');
    if (head === 'facts' && key) return untyped(t)(`policy.facts.${key}`);
    if (head === 'factOverrides' && key) return untyped(t)('arrangements.facts.overrideReason', { fact: untyped(t)(`arrangements.codes.fact.${key}`) });
    if (head === 'offered') return t('policy.decide.offered');
    if (head === 'deviationMotivation') return t('policy.decide.deviationMotivation');
    if (head === 'proposal') return t('policy.proposal.heading');
    return untyped(t)(`policy.decide.${head}`);
  };
}

/**
 * Proposing a decision under the package policy: the decision maker states the facts, the server
 * evaluates the version in effect and explains its proposal; the decision maker accepts it or
 * deviates with a written motivation. A second decision maker approves (four eyes).
 */
function ProposalForm({ view, onSaved, prefill, sourced }: { view: CaseView; onSaved: (version: number) => void; prefill: PolicyPrefill | undefined; sourced: PolicyFactsView | undefined }) {
  const { t, i18n } = useTranslation();
  const [facts, setFacts] = useState<FactsDraft>(() => withSourcedFacts(initialFacts(prefill), sourced));
  const [reasons, setReasons] = useState<Partial<Record<SourcedFact, string>>>({});
  const [evaluatedFor, setEvaluatedFor] = useState('');
  const [choice, setChoice] = useState<'accept' | 'deviate'>('accept');
  const [offered, setOffered] = useState<DecisionPackageDto | undefined>();
  const [deviationMotivation, setDeviationMotivation] = useState('');
  const [motivation, setMotivation] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const proposal = usePolicyProposal(view.caseId);
  const form = useCommandForm({ caseId: view.caseId, path: 'decisions', schema: ProposeDecisionRequest, labelFor: labelFor(t), onSaved });
  const current = proposal.data && evaluatedFor === JSON.stringify(facts) ? proposal.data : undefined;

  const evaluate = () =>
    proposal.mutate(facts as never, {
      onSuccess: (p) => {
        setEvaluatedFor(JSON.stringify(facts));
        setOffered(p.package);
      },
    });
  const checks = (errors: FieldErrors): FieldErrors => {
    let next = requireWrittenText(errors, 'motivation', motivation);
    if (!current) next = { ...next, proposal: { key: 'policy.proposal.required' } };
    if (choice === 'deviate') next = requireWrittenText(next, 'deviationMotivation', deviationMotivation);
    for (const fact of changedFacts(sourced, facts)) next = requireWrittenText(next, `factOverrides.${fact}`, reasons[fact] ?? '');
    return next;
  };
  const submit = () =>
    form.submit(
      {
        expectedVersion: view.version,
        facts,
        ...(choice === 'deviate' && offered ? { offered, deviationMotivation } : {}),
        motivation,
        ...(reviewDate ? { reviewDate } : {}),
        // Issue 12 item 3: always stated (empty when every fact is as its source gives it).
        factOverrides: changedFacts(sourced, facts).map((fact) => ({ fact, reason: reasons[fact] ?? '' })),
      },
      checks,
    );

  if (!prefill?.policyVersion) return <Alert type="warning"><Paragraph>{t('policy.proposal.noPolicy')}</Paragraph></Alert>;
  return (
    <ActionPanel title={t('decisionForm.heading')} submitLabel={t('policy.decide.submit')} onSubmit={submit} pending={form.pending} error={form.error} onReload={form.reload} errors={form.errors}>
      <Paragraph>{t('decisionForm.basedOn')}</Paragraph>
      {prefill.assessmentVersion !== null && <Paragraph>{t('policy.proposal.fromAssessment', { version: prefill.assessmentVersion })}</Paragraph>}
      <PolicyFactsFields facts={facts} onChange={setFacts} error={form.errors.message} />
      {sourced && <FactSources sourced={sourced} facts={facts} reasons={reasons} onReason={(fact, reason) => setReasons({ ...reasons, [fact]: reason })} proposedLevel={current?.package.resistanceLevel} error={form.errors.message} />}
      <Button type="button" appearance="secondary-action-button" onClick={evaluate} busy={proposal.isPending} disabled={proposal.isPending}>
        {t('policy.proposal.evaluate')}
      </Button>
      <ApiErrorAlert error={proposal.error} onReload={evaluate} />
      {proposal.data && !current && <Paragraph>{t('policy.proposal.stale')}</Paragraph>}
      {form.errors.message('proposal') && <Paragraph id="proposal">{form.errors.message('proposal')}</Paragraph>}
      {current && (
        <section aria-labelledby="policy-proposal-heading" className="hoeder-document">
          <Heading level={4} id="policy-proposal-heading">
            {t('policy.proposal.heading')}
          </Heading>
          <Paragraph>{t('policy.proposal.version', { version: current.policyVersion, date: formatDate(current.effectiveFrom, i18n.language) })}</Paragraph>
          <PackageTable pkg={current.package} caption={t('policy.proposal.measuresCaption')} />
          <Heading level={5}>{t('policy.proposal.explanation')}</Heading>
          <Paragraph className="hoeder-explanation">{current.explanationNl}</Paragraph>
          <RadioField name="choice" legend={t('policy.decide.choice')} value={choice} onChange={(v) => setChoice(v as 'accept' | 'deviate')} options={[{ value: 'accept', label: t('policy.decide.accept') }, { value: 'deviate', label: t('policy.decide.deviate') }]} />
          {choice === 'deviate' && offered && <DeviationFields offered={offered} onChange={setOffered} motivation={deviationMotivation} onMotivation={setDeviationMotivation} error={form.errors.message} />}
        </section>
      )}
      <TextareaField name="motivation" label={t('policy.decide.motivation')} rows={5} value={motivation} onChange={setMotivation} error={form.errors.message('motivation')} />
      <TextField name="reviewDate" type="date" label={t('policy.decide.reviewDate')} description={t('policy.decide.reviewDateHelp')} value={reviewDate} onChange={setReviewDate} error={form.errors.message('reviewDate')} />
    </ActionPanel>
  );
}

import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PolicyLessons } from '../LessonsPage/LessonsPage';
import { ActionGroup, Alert, Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import type { PolicyValidationResult, PolicyVersionDetail } from '@hoeder/contracts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { Facts } from '../../components/CaseSections/Facts';
import { TextareaField, TextField } from '../../components/FormFields/FormFields';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDate } from '../../lib/format';
import type { DmnEditorHandle } from './DmnEditor';
import { ImpactTable } from './ImpactTable';
import { PolicyErrorAlert } from './PolicyErrorAlert';
import { PolicyHistory } from './PolicyHistory';
import { useImpact, usePolicyVersion, useSaveDraft, useTransition, useValidate } from './policyApi';

const STATUS_KEYS = { draft: 'policy.admin.statusDraft', submitted: 'policy.admin.statusSubmitted', published: 'policy.admin.statusPublished' } as const;

// dmn-js (about 1 MB) is loaded only when a version is opened.
const DmnEditor = lazy(() => import('./DmnEditor'));

export function PolicyVersionPage() {
  const { version = '' } = useParams();
  const { t } = useTranslation();
  const detail = usePolicyVersion(version);
  usePageTitle(t('policy.admin.editorHeading', { version }));
  return (
    <>
      <Paragraph>
        <RouterLink to="/beleid">{t('policy.admin.back')}</RouterLink>
      </Paragraph>
      <Heading level={1}>{t('policy.admin.editorHeading', { version })}</Heading>
      <ApiErrorAlert error={detail.error} />
      {detail.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {detail.data && <PolicyLessons version={detail.data.version} />}
      {detail.data && <VersionBody detail={detail.data} key={`${detail.data.version}-${detail.data.revision}`} />}
    </>
  );
}

function VersionBody({ detail }: { detail: PolicyVersionDetail }) {
  const { t, i18n } = useTranslation();
  const editor = useRef<DmnEditorHandle | null>(null);
  const [note, setNote] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(detail.effectiveFrom);
  const [validation, setValidation] = useState<PolicyValidationResult | undefined>();
  const save = useSaveDraft(detail.version);
  const validate = useValidate(detail.version);
  const impact = useImpact(detail.version);
  const submit = useTransition(detail.version, 'submit');
  const publish = useTransition(detail.version, 'publish');
  const giveBack = useTransition(detail.version, 'return');
  const draft = detail.status === 'draft';
  const currentXml = async () => (editor.current ? editor.current.xml() : detail.xml);
  const transition = { expectedRevision: detail.revision, ...(note.trim() ? { note: note.trim() } : {}) };
  const busy = [save, validate, impact, submit, publish, giveBack].some((m) => m.isPending);

  const runValidate = async () => setValidation(await validate.mutateAsync(await currentXml()));
  const runSave = async () => save.mutate({ expectedRevision: detail.revision, effectiveFrom, summary: detail.summary, xml: await currentXml() });

  return (
    <>
      <Facts
        facts={[
          { label: t('policy.admin.status'), value: t(STATUS_KEYS[detail.status]) },
          { label: t('policy.admin.effectiveFrom'), value: formatDate(detail.effectiveFrom, i18n.language) },
          { label: t('policy.admin.inEffect'), value: detail.inEffect ? t('policy.admin.yes') : t('policy.admin.no') },
          { label: t('policy.admin.summary'), value: detail.summary },
        ]}
      />
      <Paragraph>{draft ? t('policy.admin.editorNote') : t('policy.admin.viewerNote')}</Paragraph>
      <Suspense fallback={<Paragraph role="status">{t('policy.admin.loadingEditor')}</Paragraph>}>
        <DmnEditor xml={detail.xml} editable={draft} label={t('policy.admin.editorHeading', { version: detail.version })} onReady={(h) => (editor.current = h)} />
      </Suspense>
      {draft && <TextField name="effectiveFrom" type="date" label={t('policy.admin.effectiveFrom')} value={effectiveFrom} onChange={setEffectiveFrom} />}
      <ActionGroup>
        {draft && (
          <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => void runSave()}>
            {t('policy.admin.save')}
          </Button>
        )}
        {detail.status !== 'published' && (
          <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => void runValidate()}>
            {t('policy.admin.validate')}
          </Button>
        )}
        {detail.status !== 'published' && (
          <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => impact.mutate()}>
            {t('policy.admin.simulate')}
          </Button>
        )}
      </ActionGroup>
      {validation && <ValidationResult result={validation} />}
      {[save, validate, impact, submit, publish, giveBack].map((m, i) => (
        <PolicyErrorAlert key={i} error={m.error} />
      ))}
      {impact.data && <ImpactTable report={impact.data} />}
      {detail.status !== 'published' && (
        <section aria-labelledby="decide-heading" className="hoeder-action">
          <Heading level={2} id="decide-heading">
            {detail.status === 'draft' ? t('policy.admin.submit') : t('policy.admin.publish')}
          </Heading>
          {detail.status === 'submitted' && <Paragraph>{t('policy.admin.fourEyes')}</Paragraph>}
          <TextareaField name="note" label={t('policy.admin.note')} rows={3} value={note} onChange={setNote} />
          <ActionGroup>
            {draft ? (
              <Button type="button" appearance="primary-action-button" disabled={busy} onClick={() => submit.mutate(transition)}>
                {t('policy.admin.submit')}
              </Button>
            ) : (
              <>
                <Button type="button" appearance="primary-action-button" disabled={busy} onClick={() => publish.mutate(transition)}>
                  {t('policy.admin.publish')}
                </Button>
                <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => giveBack.mutate(transition)}>
                  {t('policy.admin.return')}
                </Button>
              </>
            )}
          </ActionGroup>
        </section>
      )}
      <PolicyHistory detail={detail} />
    </>
  );
}

function ValidationResult({ result }: { result: PolicyValidationResult }) {
  const { t } = useTranslation();
  return (
    <Alert type={result.valid ? 'ok' : 'error'}>
      <Paragraph role="status">{result.valid ? t('policy.admin.valid', { count: result.casesEvaluated }) : t('policy.admin.invalid')}</Paragraph>
      {!result.valid && (
        <UnorderedList>
          {result.messages.map((m) => (
            <UnorderedListItem key={`${m.subject}-${m.code}`}>{`${m.subject}: ${m.message}`}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}

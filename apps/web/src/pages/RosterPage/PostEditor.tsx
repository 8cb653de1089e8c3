import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Fieldset, Heading } from '@rijkshuisstijl-community/components-react';
import type { DisruptionRequest } from '@hoeder/contracts';
import { useDisruption } from '../../api/roster';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { SelectField } from '../../components/FormFields/FormFields';
import { formatDate } from '../../lib/format';
import { rosterLabel, useRosterT } from './labels';
import { ReplanProgress } from './ReplanProgress';

const SHIFTS = ['early', 'day', 'late', 'night'] as const;
const DOMAINS = ['home', 'transport', 'work', 'private'] as const;
const QUALIFICATIONS = ['close-protection', 'armed', 'driver', 'surveillance', 'team-lead'] as const;

const dateOf = (start: string, day: number) => new Date(Date.parse(`${start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);

export interface EditablePost {
  postId: string;
  date: string;
  shiftTypeId: string;
  label: string;
}

type Action = 'move' | 'remove' | 'add';

/**
 * The LCC moves, removes or adds a post of one case (ADR 0027). Each change is a disruption: a
 * replan on the queue with everything else pinned, audited as `roster.version.replan` with its
 * kind; the new version opens on this case when it is stored.
 */
export function PostEditor({ versionId, caseId, period, posts }: { versionId: string; caseId: string; period: { startDate: string; days: number }; posts: readonly EditablePost[] }) {
  const { t, i18n } = useRosterT();
  const navigate = useNavigate();
  const disrupt = useDisruption(versionId);
  const [action, setAction] = useState<Action>('move');
  const [postId, setPostId] = useState(posts[0]?.postId ?? '');
  const [date, setDate] = useState(period.startDate);
  const [shift, setShift] = useState<string>('day');
  const [domain, setDomain] = useState<string>('work');
  const [qualification, setQualification] = useState<string>('close-protection');
  const [count, setCount] = useState('1');
  const dates = Array.from({ length: period.days }, (_, d) => dateOf(period.startDate, d));
  const request = (): DisruptionRequest =>
    action === 'remove'
      ? { kind: 'post-removed', postId }
      : action === 'move'
        ? { kind: 'post-moved', postId, date, shiftTypeId: shift as (typeof SHIFTS)[number] }
        : { kind: 'post-added', caseId, date, shiftTypeId: shift as (typeof SHIFTS)[number], domain: domain as (typeof DOMAINS)[number], qualification: qualification as (typeof QUALIFICATIONS)[number], count: Number(count) };
  const option = (list: 'shift' | 'domain' | 'qualification') => (value: string) => ({ value, label: rosterLabel(t, list, value) });
  return (
    <section aria-labelledby="post-editor-heading">
      <Heading level={2} id="post-editor-heading">
        {t('postEdit.heading')}
      </Heading>
      <ApiErrorAlert error={disrupt.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          disrupt.mutate(request());
        }}
      >
        <Fieldset legend={t('postEdit.legend')}>
          <SelectField name="post-action" label={t('postEdit.action')} value={action} onChange={(v) => setAction(v as Action)} options={(['move', 'remove', 'add'] as const).map((a) => ({ value: a, label: t(`postEdit.actions.${a}`) }))} />
          {action !== 'add' && (
            <SelectField
              name="post-id"
              label={t('postEdit.post')}
              value={postId}
              onChange={setPostId}
              options={posts.map((p) => ({ value: p.postId, label: `${formatDate(p.date, i18n.language)}, ${rosterLabel(t, 'shift', p.shiftTypeId)}: ${p.label}` }))}
            />
          )}
          {action !== 'remove' && (
            <>
              <SelectField name="post-date" label={t('postEdit.date')} value={date} onChange={setDate} options={dates.map((d) => ({ value: d, label: formatDate(d, i18n.language) }))} />
              <SelectField name="post-shift" label={t('postEdit.shift')} value={shift} onChange={setShift} options={SHIFTS.map(option('shift'))} />
            </>
          )}
          {action === 'add' && (
            <>
              <SelectField name="post-domain" label={t('postEdit.domain')} value={domain} onChange={setDomain} options={DOMAINS.map(option('domain'))} />
              <SelectField name="post-qualification" label={t('postEdit.qualification')} value={qualification} onChange={setQualification} options={QUALIFICATIONS.map(option('qualification'))} />
              <SelectField name="post-count" label={t('postEdit.count')} value={count} onChange={setCount} options={['1', '2', '3', '4', '5', '6'].map((n) => ({ value: n, label: n }))} />
            </>
          )}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" disabled={disrupt.isPending || disrupt.isSuccess || (action !== 'add' && !postId)}>
          {t(`postEdit.submit.${action}`)}
        </Button>
      </form>
      {disrupt.data && <ReplanProgress runId={disrupt.data.runId} onDone={(v) => navigate(`/roosters/${v}/casussen/${caseId}`)} />}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { LEARNING_ROLES, type Role } from '@hoeder/domain';
import { useLessonViews, useOpenPolicyDraft, usePolicyLessons } from '../../api/learning';
import { LessonSection } from './LessonActions';
import { LessonRule, LessonStatus } from './LessonParts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel, untyped } from '../../i18n/enums';
import { formatDate } from '../../lib/format';

export const mayReadLessons = (roles: readonly Role[]) => roles.some((r) => (LEARNING_ROLES.readLessons as readonly Role[]).includes(r));

/**
 * The lessons shared across cases (issue 14): what was learnt, who follows it up, and the policy
 * draft it led to. No case, person or official is named. A policy administrator opens the draft a
 * lesson asks for; the draft page shows the lessons it came from.
 */
export function LessonsPage() {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const lessons = useLessonViews();
  const openDraft = useOpenPolicyDraft();
  const administers = me.roles.some((r) => (LEARNING_ROLES.linkLessonToPolicy as readonly Role[]).includes(r));
  usePageTitle(tx('learning.lessons.title'));
  return (
    <>
      <Heading level={1}>{tx('learning.lessons.title')}</Heading>
      <Paragraph>{tx('learning.lessons.intro')}</Paragraph>
      <ApiErrorAlert error={lessons.error ?? openDraft.error} />
      {lessons.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {lessons.data?.length === 0 && <Paragraph>{tx('learning.lessons.none')}</Paragraph>}
      {lessons.data && lessons.data.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{tx('learning.lessons.caption', { count: lessons.data.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{tx('learning.lesson.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('learning.lesson.finding')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('learning.lesson.owner')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('learning.lesson.followUp')}</TableHeaderCell>
                <TableHeaderCell scope="col">{tx('learning.lessons.rule')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lessons.data.map((l) => (
                <TableRow key={l.lessonId}>
                  <TableCell>
                    <strong>{l.title}</strong>
                    <br />
                    {tx(`learning.triggers.${l.trigger}`)} · {formatDate(l.recordedAt.slice(0, 10), i18n.language)}
                  </TableCell>
                  <TableCell>{l.finding}</TableCell>
                  <TableCell>{enumLabel(t, 'organisation', l.owner)}</TableCell>
                  <TableCell>
                    {l.followUp} ({tx('learning.lessons.dueOn', { date: formatDate(l.dueOn, i18n.language) })})
                    <br />
                    <LessonStatus lesson={l} />
                  </TableCell>
                  <TableCell>
                    <LessonRule lesson={l} />{' '}
                    {l.policyVersion ? (
                      administers ? <RouterLink to={`/beleid/${l.policyVersion}`}>{tx('learning.lesson.linkedTo', { version: l.policyVersion })}</RouterLink> : tx('learning.lesson.linkedTo', { version: l.policyVersion })
                    ) : l.rule ? null : l.needsRuleChange ? (
                      administers && l.may.openPolicyDraft ? (
                        <Button type="button" appearance="secondary-action-button" disabled={openDraft.isPending} onClick={() => openDraft.mutate(l.lessonId, { onSuccess: (d) => void navigate(`/beleid/${d.version}`) })}>
                          {tx('learning.lessons.openDraft', { title: l.title })}
                        </Button>
                      ) : (
                        tx('learning.lessons.ruleAsked')
                      )
                    ) : (
                      tx('learning.lessons.noRule')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {lessons.data?.map((l) => <LessonSection key={l.lessonId} lesson={l} />)}
    </>
  );
}

/** On a policy version's page: the lessons it came from (the loop from practice to rules, seen from the rules). */
export function PolicyLessons({ version }: { version: string }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const me = useCurrentUser();
  const lessons = usePolicyLessons(version, mayReadLessons(me.roles));
  if (!lessons.data || lessons.data.length === 0) return null;
  return (
    <section aria-labelledby="policy-lessons-heading">
      <Heading level={2} id="policy-lessons-heading">
        {tx('learning.lessons.fromHeading')}
      </Heading>
      <ul>
        {lessons.data.map((l) => (
          <li key={l.lessonId}>
            <RouterLink to="/lessen">{l.title}</RouterLink> — {l.finding}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { BreakGlassGrant } from '@hoeder/contracts';
import { useBreakGlassGrants, useReviewBreakGlass } from '../../api/oversight';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { TextareaField } from '../../components/FormFields/FormFields';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';

function ReviewForm({ grant }: { grant: BreakGlassGrant }) {
  const { t } = useTranslation();
  const tx = untyped(t);
  const [finding, setFinding] = useState('');
  const review = useReviewBreakGlass(grant.grantId);
  const tooShort = review.isError && review.error.code === 'VALIDATION_FAILED';
  return (
    <form
      className="hoeder-form"
      aria-label={tx('breakGlassReview.formLabel', { reference: grant.caseReference ?? grant.caseId })}
      onSubmit={(event) => {
        event.preventDefault();
        review.mutate({ finding });
      }}
    >
      <TextareaField name={`finding-${grant.grantId}`} label={tx('breakGlassReview.finding')} description={tx('breakGlassReview.findingHint')} error={tooShort ? tx('breakGlassReview.findingTooShort') : undefined} value={finding} onChange={setFinding} rows={3} />
      {!tooShort && <ApiErrorAlert error={review.error} />}
      <div>
        <Button type="submit" appearance="primary-action-button" disabled={review.isPending}>
          {tx('breakGlassReview.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Break-glass grants for the inspectorate to review, each marked reviewed with a finding (issue 13). */
export function BreakGlassReviewPage() {
  const { t, i18n } = useTranslation();
  const tx = untyped(t);
  usePageTitle(tx('breakGlassReview.title'));
  const grants = useBreakGlassGrants();
  const open = (grants.data ?? []).filter((g) => !g.review);
  const done = (grants.data ?? []).filter((g) => g.review);
  return (
    <>
      <Heading level={1}>{tx('breakGlassReview.title')}</Heading>
      <Paragraph>{tx('breakGlassReview.intro')}</Paragraph>
      <ApiErrorAlert error={grants.error} />
      {grants.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      <Heading level={2}>{tx('breakGlassReview.open', { count: open.length })}</Heading>
      {grants.data && open.length === 0 && <Paragraph>{tx('breakGlassReview.noneOpen')}</Paragraph>}
      {open.map((g) => (
        <section key={g.grantId} aria-labelledby={`grant-${g.grantId}`} className="hoeder-queue hoeder-person">
          <Heading level={3} id={`grant-${g.grantId}`}>
            {tx('breakGlassReview.grantHeading', { reference: g.caseReference ?? g.caseId, name: g.userDisplayName ?? g.userId })}
          </Heading>
          <Paragraph>{tx('breakGlassReview.period', { from: formatDateTime(g.grantedAt, i18n.language), to: formatDateTime(g.expiresAt, i18n.language) })}</Paragraph>
          <Paragraph>
            {tx('breakGlassReview.justification')}: <q>{g.justification}</q>
          </Paragraph>
          <Paragraph>
            <RouterLink to={`/toezicht/auditlog?caseId=${g.caseId}&purpose=protection.break_glass`}>{tx('breakGlassReview.readsLink')}</RouterLink>
          </Paragraph>
          <ReviewForm grant={g} />
        </section>
      ))}
      {done.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{tx('breakGlassReview.reviewed', { count: done.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                {(['case', 'user', 'grantedAt', 'reviewedBy', 'finding'] as const).map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {tx(`breakGlassReview.columns.${c}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {done.map((g) => (
                <TableRow key={g.grantId}>
                  <TableHeaderCell scope="row">{g.caseReference}</TableHeaderCell>
                  <TableCell>{g.userDisplayName}</TableCell>
                  <TableCell>{formatDateTime(g.grantedAt, i18n.language)}</TableCell>
                  <TableCell>
                    {g.review?.reviewerName}, {g.review ? formatDateTime(g.review.reviewedAt, i18n.language) : ''}
                  </TableCell>
                  <TableCell>{g.review?.finding}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

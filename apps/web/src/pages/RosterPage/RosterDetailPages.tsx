import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Fieldset, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { Me } from '@hoeder/contracts';
import { useCaseRoster, useDisruption, useOfficerRoster, useUnitRoster } from '../../api/roster';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { CheckboxField } from '../../components/FormFields/FormFields';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { rosterLabel, useRosterT } from './labels';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDate } from '../../lib/format';
import { CellText } from './RosterParts';
import { ReplanProgress } from './ReplanProgress';
import { PostEditor } from './PostEditor';
import { useMe } from '../../api/queries';

const Back = ({ versionId }: { versionId: string }) => {
  const { t } = useRosterT();
  return <RouterLink to={`/roosters/${versionId}`}>{t('roster.backToVersion')}</RouterLink>;
};

/** A unit's officers over the period's days: a timeline table, one row per officer. */
export function RosterUnitPage() {
  const { versionId = '', unitId = '' } = useParams();
  const { t, i18n } = useRosterT();
  const unit = useUnitRoster(versionId, unitId);
  const data = unit.data?.view;
  usePageTitle(data ? data.unitName : t('roster.title'));
  return (
    <>
      <Back versionId={versionId} />
      {unit.error && <Heading level={1}>{t('roster.title')}</Heading>}
      <ApiErrorAlert error={unit.error} />
      {unit.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && (
        <>
          <Heading level={1}>{data.unitName}</Heading>
          <div className="hoeder-table-scroll">
            <Table className="hoeder-timeline">
              <TableCaption>{t('roster.units.timeline', { count: data.officers.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('roster.officer')}</TableHeaderCell>
                  {data.days.map((d) => (
                    <TableHeaderCell scope="col" key={d.day}>
                      {formatDate(d.date, i18n.language)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.officers.map((o) => (
                  <TableRow key={o.officerId}>
                    <TableHeaderCell scope="row">
                      <RouterLink to={`/roosters/${versionId}/medewerkers/${o.officerId}`}>{o.displayName}</RouterLink>
                    </TableHeaderCell>
                    {o.cells.map((c, i) => (
                      <TableCell key={i} className={`hoeder-timeline__cell hoeder-timeline__cell--${c.kind === 'post' ? c.domain : c.kind}`}>
                        <CellText cell={c} versionId={versionId} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}

/** Who covers which post of one case when (a unit lead: only their own unit's officers). */
export function RosterCasePage() {
  const { versionId = '', caseId = '' } = useParams();
  const { t, i18n } = useRosterT();
  const roster = useCaseRoster(versionId, caseId);
  const data = roster.data?.view;
  const lcc = useMe().data?.roles.includes('lcc_coordinator') ?? false;
  usePageTitle(data ? t('roster.cases.titleOne', { reference: data.caseReference }) : t('roster.title'));
  return (
    <>
      <Back versionId={versionId} />
      {/* A refused or missing case still gets the page's one h1. */}
      {roster.error && <Heading level={1}>{t('roster.title')}</Heading>}
      <ApiErrorAlert error={roster.error} />
      {roster.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && (
        <>
          <Heading level={1}>{t('roster.cases.titleOne', { reference: data.caseReference })}</Heading>
          <div className="hoeder-table-scroll">
            <Table>
              <TableCaption>{t('roster.cases.postsCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('roster.date')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('roster.activity')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('roster.cases.who')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.posts.map((p) => (
                  <TableRow key={p.postId}>
                    <TableHeaderCell scope="row">{`${formatDate(p.date, i18n.language)}, ${rosterLabel(t, 'shift', p.shiftTypeId)}`}</TableHeaderCell>
                    <TableCell>{`${p.label} (${rosterLabel(t, 'domain', p.domain)})`}</TableCell>
                    <TableCell>
                      {p.needs.map((n, i) => (
                        <Paragraph key={i}>
                          {`${n.qualification ? rosterLabel(t, 'qualification', n.qualification) : rosterLabel(t, 'qualification', 'any')}: `}
                          {n.officers.map((o) => `${o.displayName} (${o.unitName})`).join(', ') || t('roster.cases.nobody')}
                          {n.shortfall && ` — ${n.shortfall}`}
                        </Paragraph>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {lcc && roster.data && <PostEditor versionId={versionId} caseId={caseId} period={roster.data.version} posts={data.posts} />}
        </>
      )}
    </>
  );
}

/** One officer's days; the LCC can report the officer sick on some of them, which replans. */
export function RosterOfficerPage({ me }: { me: Me }) {
  const { versionId = '', officerId = '' } = useParams();
  const { t, i18n } = useRosterT();
  const navigate = useNavigate();
  const officer = useOfficerRoster(versionId, officerId);
  const disrupt = useDisruption(versionId);
  const [sick, setSick] = useState<string[]>([]);
  const data = officer.data?.view;
  usePageTitle(data ? data.displayName : t('roster.title'));
  return (
    <>
      <Back versionId={versionId} />
      <ApiErrorAlert error={officer.error ?? disrupt.error} />
      {officer.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && (
        <>
          <Heading level={1}>{data.displayName}</Heading>
          <Paragraph>{t('roster.officerOf', { unit: data.unitName, qualifications: data.qualifications.join(', ') || '–' })}</Paragraph>
          <div className="hoeder-table-scroll">
            <Table>
              <TableCaption>{t('roster.officerDays')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('roster.date')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('roster.activity')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.days.map((d, i) => (
                  <TableRow key={d.day}>
                    <TableHeaderCell scope="row">{formatDate(d.date, i18n.language)}</TableHeaderCell>
                    <TableCell>
                      <CellText cell={data.cells[i]!} versionId={versionId} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {me.roles.includes('lcc_coordinator') && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                disrupt.mutate({ kind: 'officer-sick', officerId, dates: sick });
              }}
            >
              <Fieldset legend={t('roster.sick.legend')}>
                <Paragraph>{t('roster.sick.help')}</Paragraph>
                {data.days.map((d) => (
                  <CheckboxField
                    key={d.day}
                    name={`sick-${d.date}`}
                    label={formatDate(d.date, i18n.language)}
                    checked={sick.includes(d.date)}
                    onChange={(on) => setSick((s) => (on ? [...s, d.date] : s.filter((x) => x !== d.date)))}
                  />
                ))}
              </Fieldset>
              <Button type="submit" appearance="primary-action-button" disabled={sick.length === 0 || disrupt.isPending || disrupt.isSuccess}>
                {t('roster.sick.submit')}
              </Button>
            </form>
          )}
          {disrupt.data && <ReplanProgress runId={disrupt.data.runId} onDone={(v) => navigate(`/roosters/${v}`)} />}
        </>
      )}
    </>
  );
}

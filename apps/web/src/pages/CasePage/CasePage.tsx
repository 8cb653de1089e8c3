import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Heading, Paragraph, PreHeading } from '@rijkshuisstijl-community/components-react';
import { Uuid, type CaseView } from '@hoeder/contracts';
import { useCaseView } from '../../api/queries';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { AsOfControl, AsOfNotice } from '../../components/AsOfControl/AsOfControl';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { ClassificationBanner } from '../../components/ClassificationBanner/ClassificationBanner';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { Tabs } from '../../components/Tabs/Tabs';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel, untyped } from '../../i18n/enums';
import { isNotFound } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage';
import { BreakGlassForm, mayBreakGlass } from '../../components/BreakGlassForm/BreakGlassForm';
import { CASE_TABS, selectedTab, type CaseTabContext } from './case-tabs';

export function CasePage() {
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  // An address that cannot name a case is "not found" without asking the server.
  const wellFormed = Uuid.safeParse(caseId).success;
  const view = useCaseView(caseId, asOf, wellFormed);
  const notFound = !wellFormed || isNotFound(view.error);
  usePageTitle(view.data ? t('case.title', { reference: view.data.reference }) : notFound ? null : view.error ? t('case.loadFailed') : t('app.loading'));

  // The server answers "not found" for a moment before registration too; say which moment.
  if (notFound && wellFormed && asOf) {
    return <NotFoundPage title={t('asOf.notYetTitle')} text={t('asOf.notYetText', { moment: formatDateTime(asOf, i18n.language) })} back={{ to: `/casussen/${caseId}`, label: t('asOf.backToNow') }} />;
  }
  if (notFound) {
    return (
      <NotFoundPage title={t('case.notFoundTitle')} text={t('case.notFoundText')}>
        {wellFormed && mayBreakGlass(me.roles) ? <BreakGlassForm caseId={caseId} /> : null}
      </NotFoundPage>
    );
  }
  if (view.error) {
    return (
      <>
        <Heading level={1}>{t('case.loadFailed')}</Heading>
        <ApiErrorAlert error={view.error} />
      </>
    );
  }
  if (!view.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return <CaseDetails view={view.data} asOf={asOf} />;
}

function CaseDetails({ view, asOf }: { view: CaseView; asOf: string | null }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [saved, setSaved] = useState<{ version: number; count: number }>({ version: 0, count: 0 });
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The form that was submitted may be gone now (the phase moved on): put focus on the result.
    if (saved.count > 0) savedRef.current?.focus();
  }, [saved.count]);

  const showAsOf = (moment: string) => navigate({ pathname: `/casussen/${view.caseId}`, search: `?asOf=${encodeURIComponent(moment)}` });
  const onSaved = (version: number) => setSaved((s) => ({ version, count: s.count + 1 }));
  const ctx: CaseTabContext = { view, me, asOf, onSaved, savedCount: saved.count, text: (key) => untyped(t)(key) };
  const tabs = CASE_TABS.filter((tab) => tab.visible(ctx));
  const current = selectedTab(tabs, params.get('tab'));
  // The tab is in the address (a new history entry), so links name a tab and "back" returns to the previous one.
  const selectTab = (id: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('tab', id);
      return next;
    });

  return (
    <>
      <ClassificationBanner classification={view.summary.classification} />
      <Paragraph>
        <RouterLink to="/">{t('case.back')}</RouterLink>
      </Paragraph>
      <PreHeading heading={<Heading level={1}>{view.reference}</Heading>}>{t('case.preHeading')}</PreHeading>
      <Paragraph className="hoeder-phase">
        {t('case.phase')}: <strong>{enumLabel(t, 'phase', view.phase)}</strong> · {t('case.version')} {view.version}
      </Paragraph>
      {asOf && <AsOfNotice caseId={view.caseId} asOf={view.asOf ?? asOf} />}
      <div ref={savedRef} tabIndex={-1} aria-live="polite">
        {saved.count > 0 && !asOf && <Alert type="ok">{t('case.saved', { version: saved.version })}</Alert>}
      </div>
      <div className="hoeder-case">
        <div className="hoeder-case__main">
          {/* Panels of other features belong in case-tabs.tsx as one entry each. */}
          {current && (
            <Tabs
              label={t('caseTabs.label')}
              tabs={tabs.map((tab) => ({ id: tab.id, label: untyped(t)(tab.labelKey) }))}
              selected={current.id}
              onSelect={selectTab}
              renderPanel={(id) => tabs.find((tab) => tab.id === id)?.render(ctx)}
            />
          )}
        </div>
        <aside className="hoeder-case__aside" aria-label={t('asOf.legend')}>
          <AsOfControl key={asOf ?? 'now'} asOf={asOf} onChange={showAsOf} />
        </aside>
      </div>
    </>
  );
}

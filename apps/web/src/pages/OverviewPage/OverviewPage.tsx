import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { CASE_SEARCH_SORTS } from '@hoeder/contracts';
import { CASE_PHASES, THREAT_PHENOMENA } from '@hoeder/domain';
import { useCaseSearch } from '../../api/work';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { SelectField, TextField } from '../../components/FormFields/FormFields';
import { RouterButtonLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel, untyped } from '../../i18n/enums';
import { mayRegisterCase } from '../../lib/permissions';
import { CaseTable } from './CaseTable';
import { Paging } from './Paging';

const PAGE_SIZE = 25;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' => (values.includes(value as T) ? (value as T) : '');

/** The Dutch URL parameters of the overview, so a search can be bookmarked and shared. */
function useOverviewParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const state = {
    q: params.get('zoek') ?? '',
    phase: oneOf(CASE_PHASES, params.get('fase')),
    phenomenon: oneOf(THREAT_PHENOMENA, params.get('fenomeen')),
    sort: oneOf(CASE_SEARCH_SORTS, params.get('sortering')) || 'attention',
    page,
  };
  const toParams = (s: typeof state) => {
    const next = new URLSearchParams();
    if (s.q) next.set('zoek', s.q);
    if (s.phase) next.set('fase', s.phase);
    if (s.phenomenon) next.set('fenomeen', s.phenomenon);
    if (s.sort !== 'attention') next.set('sortering', s.sort);
    if (s.page > 1) next.set('pagina', String(s.page));
    return next;
  };
  // Any change of search or filter starts again at page 1.
  const update = (change: Partial<typeof state>) => setParams(toParams({ ...state, page: 1, ...change }), { replace: true });
  const pageHref = (n: number) => `?${toParams({ ...state, page: n }).toString()}`;
  return { state, update, pageHref };
}

export function OverviewPage() {
  const { t } = useTranslation();
  const tx = untyped(t);
  const me = useCurrentUser();
  const { state, update, pageHref } = useOverviewParams();
  const [text, setText] = useState(state.q);
  const search = useCaseSearch({ q: state.q, phase: state.phase, phenomenon: state.phenomenon, sort: state.sort, page: state.page, pageSize: PAGE_SIZE });
  usePageTitle(t('overview.title'));
  const data = search.data;
  const filtered = Boolean(state.q || state.phase || state.phenomenon);
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };

  return (
    <>
      <Heading level={1}>{t('overview.title')}</Heading>
      <Paragraph>{t('overview.intro')}</Paragraph>
      {mayRegisterCase(me.roles) && (
        <Paragraph>
          <RouterButtonLink to="/casussen/nieuw">{t('nav.newCase')}</RouterButtonLink>
        </Paragraph>
      )}
      <form role="search" aria-label={tx('caseSearch.label')} onSubmit={onSearch} className="hoeder-search">
        <TextField name="zoek" label={tx('caseSearch.text')} description={tx('caseSearch.textHint')} value={text} onChange={setText} />
        <Button type="submit" appearance="primary-action-button">
          {tx('caseSearch.submit')}
        </Button>
      </form>
      <div className="hoeder-search">
        <SelectField
          name="phase"
          label={t('overview.filterPhase')}
          value={state.phase}
          onChange={(v) => update({ phase: oneOf(CASE_PHASES, v) })}
          placeholder={t('overview.allPhases')}
          options={CASE_PHASES.map((p) => ({ value: p, label: enumLabel(t, 'phase', p) }))}
        />
        <SelectField
          name="phenomenon"
          label={tx('caseSearch.phenomenon')}
          value={state.phenomenon}
          onChange={(v) => update({ phenomenon: oneOf(THREAT_PHENOMENA, v) })}
          placeholder={tx('caseSearch.allPhenomena')}
          options={THREAT_PHENOMENA.map((p) => ({ value: p, label: enumLabel(t, 'phenomenon', p) }))}
        />
        <SelectField
          name="sort"
          label={tx('caseSearch.sort')}
          value={state.sort}
          onChange={(v) => update({ sort: oneOf(CASE_SEARCH_SORTS, v) || 'attention' })}
          options={CASE_SEARCH_SORTS.map((s) => ({ value: s, label: tx(`caseSearch.sorts.${s}`) }))}
        />
      </div>
      <ApiErrorAlert error={search.error} />
      {search.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && (
        <Paragraph role="status">
          {data.totalCapped ? tx('caseScale.foundMore', { count: data.total }) : tx('caseSearch.found', { count: data.total })}
          {data.total > 0 && ` ${tx('caseSearch.pageOf', { page: data.page, pages: Math.ceil(data.total / data.pageSize) })}`}
        </Paragraph>
      )}
      {data && data.total === 0 && <Paragraph>{t(filtered ? 'overview.emptyFiltered' : 'overview.empty')}</Paragraph>}
      {data && data.items.length > 0 && <CaseTable cases={data.items} total={data.total} />}
      {data && data.total > data.pageSize && <Paging page={data.page} totalPages={Math.ceil(data.total / data.pageSize)} href={pageHref} />}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { CASE_PHASES, type CasePhase } from '@hoeder/domain';
import { useCases } from '../../api/queries';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { SelectField } from '../../components/FormFields/FormFields';
import { RouterButtonLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel } from '../../i18n/enums';
import { mayRegisterCase } from '../../lib/permissions';
import { CaseTable } from './CaseTable';

const isPhase = (value: string | null): value is CasePhase => CASE_PHASES.includes(value as CasePhase);

export function OverviewPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const cases = useCases();
  const [params, setParams] = useSearchParams();
  const phaseParam = params.get('fase');
  const phase = isPhase(phaseParam) ? phaseParam : '';
  usePageTitle(t('overview.title'));

  const setPhase = (value: string) => setParams(value ? { fase: value } : {}, { replace: true });
  const visible = (cases.data ?? []).filter((c) => !phase || c.phase === phase);

  return (
    <>
      <Heading level={1}>{t('overview.title')}</Heading>
      <Paragraph>{t('overview.intro')}</Paragraph>
      {mayRegisterCase(me.roles) && (
        <Paragraph>
          <RouterButtonLink to="/casussen/nieuw">{t('nav.newCase')}</RouterButtonLink>
        </Paragraph>
      )}
      <div className="hoeder-filter">
        <SelectField
          name="phase"
          label={t('overview.filterPhase')}
          value={phase}
          onChange={setPhase}
          placeholder={t('overview.allPhases')}
          options={CASE_PHASES.map((p) => ({ value: p, label: enumLabel(t, 'phase', p) }))}
        />
      </div>
      <ApiErrorAlert error={cases.error} />
      {cases.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {cases.data && visible.length === 0 && <Paragraph role="status">{t(phase ? 'overview.emptyFiltered' : 'overview.empty')}</Paragraph>}
      {visible.length > 0 && <CaseTable cases={visible} />}
    </>
  );
}

import { useState } from 'react';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useRunScenario, useScenarios, type RosterOverview, type Scenario } from '../../api/roster';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { SelectField, TextField } from '../../components/FormFields/FormFields';
import { rosterLabel, useRosterT } from './labels';

type Kind = Scenario['kind'];

function describe(t: ReturnType<typeof useRosterT>['t'], s: Scenario, units: Map<string, string>, cases: Map<string, string>): string {
  if (s.kind === 'unit-loses-officers') return t('roster.scenario.describe.unit', { unit: units.get(s.params.unitId ?? '') ?? s.params.unitId, count: s.params.count });
  if (s.kind === 'case-escalates') return t('roster.scenario.describe.case', { reference: cases.get(s.params.caseId ?? '') ?? s.params.caseId, factor: s.params.factor });
  return t('roster.scenario.describe.new', { count: s.params.count });
}

/** What-ifs on a copy of this version, saved and compared side by side (the LCC coordinator's). */
export function Scenarios({ versionId, overview }: { versionId: string; overview: RosterOverview['view'] }) {
  const { t } = useRosterT();
  const scenarios = useScenarios(versionId, true);
  const run = useRunScenario(versionId);
  const [kind, setKind] = useState<Kind>('unit-loses-officers');
  const [unitId, setUnitId] = useState(overview.units[0]?.unitId ?? '');
  const [caseId, setCaseId] = useState(overview.cases[0]?.caseId ?? '');
  const [count, setCount] = useState('5');
  const units = new Map(overview.units.map((u) => [u.unitId, u.unitName]));
  const cases = new Map(overview.cases.map((c) => [c.caseId, c.caseReference ?? c.caseId]));
  const list = scenarios.data?.scenarios ?? [];
  const submit = () => {
    if (kind === 'unit-loses-officers') run.mutate({ kind, unitId, count: Number(count) });
    else if (kind === 'case-escalates') run.mutate({ kind, caseId, factor: 2 });
    else run.mutate({ kind, count: Number(count) });
  };
  return (
    <section aria-labelledby="scenarios-heading">
      <Heading level={2} id="scenarios-heading">
        {t('roster.scenario.title')}
      </Heading>
      <Paragraph>{t('roster.scenario.intro')}</Paragraph>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <SelectField name="scenarioKind" label={t('roster.scenario.kind')} value={kind} onChange={(v) => setKind(v as Kind)} options={(['unit-loses-officers', 'case-escalates', 'new-cases'] as const).map((k) => ({ value: k, label: t(`roster.scenario.kinds.${k}`) }))} />
        {kind === 'unit-loses-officers' && <SelectField name="scenarioUnit" label={t('roster.unit')} value={unitId} onChange={setUnitId} options={overview.units.map((u) => ({ value: u.unitId, label: u.unitName }))} />}
        {kind === 'case-escalates' && <SelectField name="scenarioCase" label={t('roster.case')} value={caseId} onChange={setCaseId} options={overview.cases.map((c) => ({ value: c.caseId, label: c.caseReference ?? c.caseId }))} />}
        {kind !== 'case-escalates' && <TextField name="scenarioCount" label={kind === 'new-cases' ? t('roster.scenario.newCases') : t('roster.scenario.officersLost')} value={count} onChange={setCount} />}
        <Button type="submit" appearance="secondary-action-button" disabled={run.isPending}>
          {t('roster.scenario.compute')}
        </Button>
      </form>
      <ApiErrorAlert error={run.error ?? scenarios.error} />
      {list.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{t('roster.scenario.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('roster.scenario.measure')}</TableHeaderCell>
                {list.map((s) => (
                  <TableHeaderCell scope="col" key={s.scenarioId}>
                    {describe(t, s, units, cases)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableHeaderCell scope="row">{t('roster.scenario.coverage')}</TableHeaderCell>
                {list.map((s) => (
                  <TableCell key={s.scenarioId}>{t('roster.scenario.coverageText', { before: s.result.coverage.before, after: s.result.coverage.after, total: s.result.coverage.totalAfter })}</TableCell>
                ))}
              </TableRow>
              {s0Domains(list).map((domain) => (
                <TableRow key={domain}>
                  <TableHeaderCell scope="row">{t('roster.scenario.unstaffedIn', { domain: rosterLabel(t, 'domain', domain) })}</TableHeaderCell>
                  {list.map((s) => {
                    const d = s.result.domains.find((x) => x.domain === domain)!;
                    return <TableCell key={s.scenarioId}>{`${d.before} → ${d.after}`}</TableCell>;
                  })}
                </TableRow>
              ))}
              <TableRow>
                <TableHeaderCell scope="row">{t('roster.scenario.firstToGo')}</TableHeaderCell>
                {list.map((s) => (
                  <TableCell key={s.scenarioId}>
                    {s.result.newlyUnstaffed.length === 0
                      ? t('roster.scenario.nothing')
                      : s.result.newlyUnstaffed
                          .slice(0, 3)
                          .map((p) => `${p.caseReference ?? ''} ${p.label} (${rosterLabel(t, 'domain', p.domain)})`)
                          .join('; ')}
                  </TableCell>
                ))}
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">{t('roster.scenario.unitsOver')}</TableHeaderCell>
                {list.map((s) => (
                  <TableCell key={s.scenarioId}>{s.result.unitsOver.map((u) => `${units.get(u.unitId) ?? u.unitId} (${Math.round(u.after * 100)}%)`).join(', ') || t('roster.scenario.none')}</TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

const s0Domains = (list: Scenario[]) => list[0]?.result.domains.map((d) => d.domain) ?? [];

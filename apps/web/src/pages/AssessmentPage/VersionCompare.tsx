import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import type { AssessmentView, VersionComparisonView } from '@hoeder/contracts';
import { enumLabel } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { SelectField } from '../../components/FormFields/FormFields';
import { Section } from '../../components/CaseSections/Section';
import { useCompare } from './assessmentQueries';
import { dafLabel } from './labels';

type Diff = { added: unknown[]; removed: unknown[]; changed: { id: string }[] } | undefined;
const count = (d: Diff) => (d ? `+${d.added.length} / −${d.removed.length} / ~${d.changed.length}` : undefined);

function ComparisonResult({ c }: { c: VersionComparisonView }) {
  const { t } = useTranslation();
  const rows: [string, string | undefined][] = [
    [t('daf.compare.threatLevel'), c.threatLevel ? `${c.threatLevel.from ? enumLabel(t, 'threatLevel', c.threatLevel.from) : '—'} → ${c.threatLevel.to ? enumLabel(t, 'threatLevel', c.threatLevel.to) : '—'}` : c.judgement ? t('daf.compare.unchanged') : undefined],
    [t('daf.version.judgement'), c.judgement ? (c.judgement.length === 0 ? t('daf.compare.unchanged') : c.judgement.map((j) => j.field).join(', ')) : undefined],
    [t('daf.version.scenarios'), count(c.scenarios)],
    [t('daf.version.assumptions'), count(c.assumptions)],
    [t('daf.version.gaps'), count(c.gaps)],
    [t('daf.version.ratings'), count(c.ratings)],
    [t('daf.compare.items'), c.items ? `+${c.items.added.length} / −${c.items.removed.length}` : undefined],
  ];
  return (
    <>
      <Table>
        <TableCaption>{t('daf.compare.caption', { from: c.from, to: c.to })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('daf.version.aspect')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('daf.compare.change')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows
            .filter((r): r is [string, string] => r[1] !== undefined)
            .map(([label, value]) => (
              <TableRow key={label}>
                <TableHeaderCell scope="row">{label}</TableHeaderCell>
                <TableCell>{value}</TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
      <UnorderedList>
        {c.reasons?.reasonForChange && <UnorderedListItem>{`${t('daf.fields.reasonForChange')}: ${c.reasons.reasonForChange}`}</UnorderedListItem>}
        {c.reasons?.challenges.map((ch, i) => <UnorderedListItem key={i}>{`${dafLabel(t, 'verdict', ch.verdict)}: ${ch.reasons}`}</UnorderedListItem>)}
        {c.reasons?.responseToDissent && <UnorderedListItem>{`${t('daf.fields.responseToDissent')}: ${c.reasons.responseToDissent}`}</UnorderedListItem>}
      </UnorderedList>
    </>
  );
}

/** Every version, and what changed between two of them and why. */
export function VersionList({ caseId, view }: { caseId: string; view: AssessmentView }) {
  const { t, i18n } = useTranslation();
  const numbers = view.versions.map((v) => String(v.versionNumber));
  const [from, setFrom] = useState(numbers.at(-2) ?? '');
  const [to, setTo] = useState(numbers.at(-1) ?? '');
  const [asked, setAsked] = useState<[number, number] | null>(null);
  const compare = useCompare(caseId, asked?.[0] ?? 0, asked?.[1] ?? 0, asked !== null);
  return (
    <Section title={t('daf.versions.heading')} id="versies">
      {/* Wide tables scroll; keyboard users reach the scroll area too (WCAG 2.1.1). */}
      <div className="hoeder-table-scroll" tabIndex={0} role="region" aria-label={t('daf.versions.caption', { count: view.versions.length })}>
        <Table>
          <TableCaption>{t('daf.versions.caption', { count: view.versions.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('daf.versions.number')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('daf.versions.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('daf.version.author')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('daf.version.finalisedBy')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('daf.fields.validUntil')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.versions.map((v) => (
              <TableRow key={v.versionNumber}>
                <TableHeaderCell scope="row">{v.versionNumber}</TableHeaderCell>
                <TableCell>{dafLabel(t, 'status', v.status)}</TableCell>
                <TableCell>{view.names[v.authorId] ?? v.authorId}</TableCell>
                <TableCell>{v.finalisedAt ? formatDateTime(v.finalisedAt, i18n.language) : '—'}</TableCell>
                <TableCell>{v.validUntil ? formatDate(v.validUntil, i18n.language) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {view.versions.length >= 2 ? (
        <form
          className="hoeder-form"
          aria-label={t('daf.compare.heading')}
          onSubmit={(e) => {
            e.preventDefault();
            setAsked([Number(from), Number(to)]);
          }}
        >
          <SelectField name="from" label={t('daf.compare.from')} value={from} onChange={setFrom} options={numbers.map((n) => ({ value: n, label: n }))} />
          <SelectField name="to" label={t('daf.compare.to')} value={to} onChange={setTo} options={numbers.map((n) => ({ value: n, label: n }))} />
          <Button type="submit" appearance="secondary-action-button">
            {t('daf.compare.submit')}
          </Button>
        </form>
      ) : (
        <Paragraph>{t('daf.compare.needTwo')}</Paragraph>
      )}
      <ApiErrorAlert error={compare.error} />
      {compare.data && <ComparisonResult c={compare.data} />}
    </Section>
  );
}

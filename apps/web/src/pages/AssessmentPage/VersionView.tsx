import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import type { AssessmentView } from '@hoeder/contracts';
import { assessment } from '@hoeder/domain';
import { enumLabel, untyped } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { Facts } from '../../components/CaseSections/Facts';
import { dafLabel } from './labels';

type Version = AssessmentView['versions'][number];
type Names = AssessmentView['names'];

const levelLabel = (t: Parameters<typeof dafLabel>[0], field: string, level: string) =>
  field === 'threat' || field === 'residualRisk' ? enumLabel(t, 'threatLevel', level) : field === 'requiredResistance' ? enumLabel(t, 'resistanceLevel', level) : dafLabel(t, 'level', level);

function Judgement({ judgement }: { judgement: NonNullable<Version['content']['judgement']> }) {
  const { t } = useTranslation();
  return (
    <Table>
      <TableCaption>{t('daf.version.judgement')}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('daf.version.aspect')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('daf.version.level')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('daf.version.motivation')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {assessment.JUDGEMENT_FIELDS.map((field) => (
          <TableRow key={field}>
            <TableHeaderCell scope="row">{dafLabel(t, 'judgement', field)}</TableHeaderCell>
            <TableCell>{levelLabel(t, field, judgement[field].level)}</TableCell>
            <TableCell>{judgement[field].motivation}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Challenges({ version, names }: { version: Version; names: Names }) {
  const { t, i18n } = useTranslation();
  if (!version.challenges) return null;
  return (
    <>
      <Heading level={4}>{t('daf.version.challenges')}</Heading>
      {version.challenges.length === 0 && <Paragraph>{t('daf.version.noChallenges')}</Paragraph>}
      {version.challenges.map((c, i) =>
        c.verdict === 'dissent' ? (
          <Alert key={i} type="warning">
            <Paragraph>
              <strong>{t('daf.version.dissentBy', { name: names[c.reviewerId] ?? c.reviewerId, revision: c.revision, date: formatDateTime(c.recordedAt, i18n.language) })}</strong>
            </Paragraph>
            <Paragraph>{c.reasons}</Paragraph>
          </Alert>
        ) : (
          <Paragraph key={i}>
            {t('daf.version.agreeBy', { name: names[c.reviewerId] ?? c.reviewerId, revision: c.revision, date: formatDateTime(c.recordedAt, i18n.language) })} {c.reasons}
          </Paragraph>
        ),
      )}
      {version.responseToDissent && <Facts facts={[{ label: t('daf.fields.responseToDissent'), value: version.responseToDissent }]} />}
    </>
  );
}

function Scenarios({ scenarios }: { scenarios: NonNullable<Version['content']['scenarios']> }) {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={4}>{t('daf.version.scenarios')}</Heading>
      {scenarios.length === 0 && <Paragraph>{t('daf.version.none')}</Paragraph>}
      {scenarios.map((s, i) => (
        <Facts
          key={s.scenarioId}
          facts={[
            { label: t('daf.version.scenarioN', { n: i + 1 }), value: `${s.actor} → ${s.target}` },
            { label: t('daf.fields.intent'), value: s.intent },
            { label: t('daf.fields.capability'), value: s.capability },
            { label: t('daf.fields.likelihood'), value: dafLabel(t, 'likelihood', s.likelihood) },
            { label: t('daf.fields.impact'), value: dafLabel(t, 'impact', s.impact) },
            { label: t('daf.fields.indicators'), value: s.indicators.join('; ') },
            { label: t('daf.fields.counterMeasures'), value: s.counterMeasures.join('; ') },
          ]}
        />
      ))}
    </>
  );
}

type Rating = NonNullable<Version['content']['ratings']>[number];

/** A rating in the template's own words (question and option), never its item key or value code. */
function ratingText(t: Parameters<typeof dafLabel>[0], template: assessment.MethodTemplate | undefined, r: Rating): string {
  const item = template?.items.find((i) => i.key === r.itemKey);
  const value = r.value === assessment.UNKNOWN ? t('daf.draft.unknown') : (item?.options.find((o) => o.value === r.value)?.label ?? r.value);
  return `${item?.question ?? r.itemKey} ${value}`;
}

/** One version as the reader may see it; absent parts were withheld and are not mentioned. */
export function VersionView({ version, names, template }: { version: Version; names: Names; template: assessment.MethodTemplate | undefined }) {
  const { t, i18n } = useTranslation();
  const c = version.content;
  return (
    <article className="hoeder-document">
      <Heading level={3}>{t('daf.version.heading', { n: version.versionNumber, status: dafLabel(t, 'status', version.status) })}</Heading>
      <Facts
        facts={[
          { label: t('daf.version.author'), value: names[version.authorId] ?? version.authorId },
          { label: t('daf.fields.template'), value: `${template?.title ?? c.template.templateId} (v${c.template.version})` },
          { label: t('daf.fields.classification'), value: enumLabel(t, 'classification', c.classification) },
          { label: t('daf.fields.reasonForChange'), value: version.reasonForChange },
          { label: t('daf.version.finalisedBy'), value: version.finalisedBy ? `${names[version.finalisedBy] ?? version.finalisedBy}, ${formatDateTime(version.finalisedAt!, i18n.language)}` : undefined },
          { label: t('daf.fields.validUntil'), value: version.validUntil ? formatDate(version.validUntil, i18n.language) : undefined },
          { label: untyped(t)('recordLinks.expectedDuration.label'), value: version.expectedDuration ? untyped(t)(`recordLinks.expectedDuration.codes.${version.expectedDuration}`) : undefined },
        ]}
      />
      {c.judgement ? <Judgement judgement={c.judgement} /> : c.scenarios && <Paragraph>{t('daf.version.noJudgement')}</Paragraph>}
      {c.scenarios && <Scenarios scenarios={c.scenarios} />}
      {c.assumptions && (
        <>
          <Heading level={4}>{t('daf.version.assumptions')}</Heading>
          {c.assumptions.length === 0 && <Paragraph>{t('daf.version.none')}</Paragraph>}
          <UnorderedList>
            {c.assumptions.map((a) => (
              <UnorderedListItem key={a.assumptionId}>
                {a.statement} ({a.basis})
                {a.retestOn ? ` — ${t('daf.fields.retestOn')}: ${formatDate(a.retestOn, i18n.language)}` : ''}
                {a.trigger ? ` — ${t('daf.fields.trigger')}: ${a.trigger}` : ''}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {c.gaps && (
        <>
          <Heading level={4}>{t('daf.version.gaps')}</Heading>
          {c.gaps.length === 0 && <Paragraph>{t('daf.version.none')}</Paragraph>}
          <UnorderedList>
            {c.gaps.map((g) => (
              <UnorderedListItem key={g.gapId}>
                {g.description} — {g.meaningForJudgement}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      {c.ratings && c.ratings.length > 0 && (
        <>
          <Heading level={4}>{t('daf.version.ratings')}</Heading>
          <UnorderedList>
            {c.ratings.map((r) => (
              <UnorderedListItem key={r.itemKey}>
                {ratingText(t, template, r)} — {r.rationale}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      <Challenges version={version} names={names} />
    </article>
  );
}

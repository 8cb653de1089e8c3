import { useAssignmentText, type AssignmentText } from '../../i18n/assignment-text';
import { Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { Facts } from '../CaseSections/Facts';
import { ACTIVITY_DOMAINS, type AssignmentContent, type AssignmentDiff } from '@hoeder/domain';
import type { AssignmentListItem, AssignmentVersionDto, TaskingDto } from '@hoeder/contracts';
import { domainLabel, measureLabel } from '../PolicyPackage/labels';
import { enumLabel } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';

/** The measures per domain, resistance level, care, validity and review date of one version. */
export function AssignmentContentList({ content }: { content: Pick<AssignmentContent, 'resistanceLevel' | 'measures' | 'careModules' | 'validFrom' | 'validUntil' | 'reviewDate'> }) {
  const { t, ta, i18n } = useAssignmentText();
  const list = (codes: readonly string[]) => (codes.length > 0 ? codes.map((m) => measureLabel(t, m)).join('; ') : ta('none'));
  const until = content.validUntil ? formatDate(content.validUntil, i18n.language) : ta('unknown');
  return (
    <Facts
      facts={[
        { label: ta('resistanceLevel'), value: enumLabel(t, 'resistanceLevel', content.resistanceLevel) },
        ...ACTIVITY_DOMAINS.map((d) => ({ label: domainLabel(t, d), value: list(content.measures[d]) })),
        { label: ta('care'), value: list(content.careModules) },
        { label: ta('validity'), value: ta('validFromUntil', { from: formatDate(content.validFrom, i18n.language), until }) },
        { label: ta('reviewDate'), value: formatDate(content.reviewDate, i18n.language) },
      ]}
    />
  );
}

/** What changed against the previous version, in words. */
export function DiffList({ diff }: { diff: AssignmentDiff }) {
  const { t, ta, i18n } = useAssignmentText();
  if (diff.first) return <Paragraph>{ta('diff.first')}</Paragraph>;
  const lines: string[] = [];
  if (diff.resistanceLevel) lines.push(ta('diff.level', { from: enumLabel(t, 'resistanceLevel', diff.resistanceLevel.from), to: enumLabel(t, 'resistanceLevel', diff.resistanceLevel.to) }));
  for (const m of diff.measures) {
    for (const code of m.added) lines.push(ta('diff.added', { domain: domainLabel(t, m.domain), measure: measureLabel(t, code) }));
    for (const code of m.removed) lines.push(ta('diff.removed', { domain: domainLabel(t, m.domain), measure: measureLabel(t, code) }));
  }
  for (const code of diff.careModules.added) lines.push(ta('diff.careAdded', { measure: measureLabel(t, code) }));
  for (const code of diff.careModules.removed) lines.push(ta('diff.careRemoved', { measure: measureLabel(t, code) }));
  if (diff.reviewDate) lines.push(ta('diff.reviewDate', { from: formatDate(diff.reviewDate.from, i18n.language), to: formatDate(diff.reviewDate.to, i18n.language) }));
  if (diff.validUntil) lines.push(ta('diff.validUntil', { to: diff.validUntil.to ? formatDate(diff.validUntil.to, i18n.language) : ta('unknown') }));
  if (lines.length === 0) return <Paragraph>{ta('diff.nothing')}</Paragraph>;
  return (
    <UnorderedList>
      {lines.map((l) => (
        <UnorderedListItem key={l}>{l}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** The heading text of a version: issued on, or withdrawn because. */
export function versionTitle(ta: AssignmentText, v: AssignmentVersionDto, language: string): string {
  return v.kind === 'issued'
    ? ta('version.issued', { version: v.version, at: formatDateTime(v.issuedAt, language) })
    : ta('version.withdrawn', { version: v.version, at: formatDateTime(v.issuedAt, language), reason: ta(`reason.${v.reason}`) });
}

/** The tasked units and whether they acknowledged (and how long the LCC has waited). */
export function TaskingList({ units }: { units: readonly TaskingDto[] }) {
  const { ta, i18n } = useAssignmentText();
  if (units.length === 0) return <Paragraph>{ta('noUnits')}</Paragraph>;
  return (
    <UnorderedList>
      {units.map((u) => (
        <UnorderedListItem key={u.unitId}>
          {u.name} ({ta(`organisation.${u.organisation}`)}):{' '}
          {u.waitingSince
            ? ta('waiting', { hours: u.waitingHours ?? 0, since: formatDateTime(u.waitingSince, i18n.language) })
            : ta('acknowledged', { version: u.acknowledgedVersion ?? 0, at: u.acknowledgedAt ? formatDateTime(u.acknowledgedAt, i18n.language) : '' })}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

export const statusLabel = (ta: AssignmentText, status: AssignmentListItem['status']) => ta(`status.${status}`);

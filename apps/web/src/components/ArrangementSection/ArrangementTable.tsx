import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import type { ArrangementView } from '@hoeder/contracts';
import { useArrangementText } from '../../i18n/arrangement-text';
import { formatDate } from '../../lib/format';

interface Props {
  caption: string;
  /** The heading of the first column. */
  labelHeading: string;
  rows: readonly ArrangementView[];
  /** The first column: what the row is (type, module or duty). */
  label: (row: ArrangementView) => string;
  personName: (personId: string | null) => string;
  showOwner?: boolean;
}

/** Arrangements with status, follow-up date (overdue marked in words, not colour only) and their history. */
export function ArrangementTable({ caption, labelHeading, rows, label, personName, showOwner = false }: Props) {
  const { tr, code, i18n } = useArrangementText();
  if (rows.length === 0) return <Paragraph>{tr('section.none')}</Paragraph>;
  return (
    // Focusable and named: a wide table scrolls sideways, and keyboard users must reach it (axe: scrollable-region-focusable).
    <div className="hoeder-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{labelHeading}</TableHeaderCell>
            <TableHeaderCell scope="col">{tr('section.person')}</TableHeaderCell>
            {showOwner && <TableHeaderCell scope="col">{tr('employer.ownerColumn')}</TableHeaderCell>}
            <TableHeaderCell scope="col">{tr('section.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{tr('section.followUpOn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{tr('section.history')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.arrangementId}>
              <TableHeaderCell scope="row">
                {label(row)}
                {row.description && <Paragraph>{row.description}</Paragraph>}
                {row.consequence && <Paragraph>{row.consequence}</Paragraph>}
              </TableHeaderCell>
              <TableCell>{personName(row.personId)}</TableCell>
              {showOwner && <TableCell>{row.owner ?? '–'}</TableCell>}
              <TableCell>{code('status', row.status)}</TableCell>
              <TableCell>
                {row.followUpOn ? formatDate(row.followUpOn, i18n.language) : tr('section.noFollowUp')}
                {row.overdue && <strong> ({tr('section.overdue')})</strong>}
              </TableCell>
              <TableCell>
                <UnorderedList>
                  {row.events.map((e) => (
                    <UnorderedListItem key={e.version}>
                      {tr('section.historyItem', { date: formatDate(e.occurredAt.slice(0, 10), i18n.language), action: code('action', e.action), status: code('status', e.toStatus) })}
                      {e.note ? `: ${e.note}` : ''}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

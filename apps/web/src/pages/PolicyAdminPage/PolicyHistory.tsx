import { useTranslation } from 'react-i18next';
import { Heading, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { PolicyVersionDetail } from '@hoeder/contracts';
import nl from '../../i18n/nl.json';
import { untyped } from '../../i18n/enums';
import { formatDateTime } from '../../lib/format';

/** The append-only history of a version: who created, saved, submitted and published it. */
export function PolicyHistory({ detail }: { detail: PolicyVersionDetail }) {
  const { t, i18n } = useTranslation();
  const actionLabel = (action: string) => (action in nl.policy.admin.actions ? untyped(t)(`policy.admin.actions.${action}`) : action);
  return (
    <section aria-labelledby="history-heading">
      <Heading level={2} id="history-heading">
        {t('policy.admin.history')}
      </Heading>
      <div className="hoeder-table-scroll">
        <Table>
          <TableCaption>{t('policy.admin.historyCaption', { version: detail.version })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('policy.admin.when')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('policy.admin.action')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('policy.admin.actor')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.history.map((h) => (
              <TableRow key={h.seq}>
                <TableCell>{formatDateTime(h.occurredAt, i18n.language)}</TableCell>
                <TableCell>{`${actionLabel(h.action)} (rev. ${h.revision})${h.note ? `: ${h.note}` : ''}`}</TableCell>
                <TableCell>{h.actorId ?? t('policy.admin.system')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

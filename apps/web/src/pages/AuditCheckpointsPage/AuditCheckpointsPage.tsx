import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useAuditCheckpoints, type WitnessDownload } from '../../api/audit';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDateTime } from '../../lib/format';

const SHOWN = 10;

/** Saves the witness file (JSON) the inspectorate keeps outside Hoeder. */
function download(file: WitnessDownload) {
  const latest = file.checkpoints.at(-1)?.treeSize ?? 0;
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `hoeder-audit-checkpoints-${latest}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The signed audit-log checkpoints for the inspectorate, the outside witness (ADR 0012). */
export function AuditCheckpointsPage() {
  const { t, i18n } = useTranslation();
  const checkpoints = useAuditCheckpoints();
  usePageTitle(t('auditCheckpoints.title'));
  const file = checkpoints.data;
  const latest = file ? file.checkpoints.slice(-SHOWN).reverse() : [];
  return (
    <>
      <Heading level={1}>{t('auditCheckpoints.title')}</Heading>
      <Paragraph>{t('auditCheckpoints.intro')}</Paragraph>
      <ApiErrorAlert error={checkpoints.error} />
      {checkpoints.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {file && (
        <>
          <Paragraph>{t('auditCheckpoints.count', { count: file.checkpoints.length, keys: file.publicKeys.map((k) => k.keyId).join(', ') })}</Paragraph>
          <Button type="button" appearance="primary-action-button" onClick={() => download(file)} disabled={file.checkpoints.length === 0}>
            {t('auditCheckpoints.download')}
          </Button>
        </>
      )}
      {file?.checkpoints.length === 0 && <Paragraph role="status">{t('auditCheckpoints.none')}</Paragraph>}
      {latest.length > 0 && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{t('auditCheckpoints.caption', { count: latest.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('auditCheckpoints.treeSize')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('auditCheckpoints.signedAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('auditCheckpoints.keyId')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('auditCheckpoints.rootHash')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {latest.map((c) => (
                <TableRow key={c.treeSize}>
                  <TableHeaderCell scope="row">{c.treeSize.toLocaleString(i18n.language)}</TableHeaderCell>
                  <TableCell>{formatDateTime(c.signedAt, i18n.language)}</TableCell>
                  <TableCell>
                    <code>{c.keyId}</code>
                  </TableCell>
                  <TableCell>
                    <code>{`${c.rootHash.slice(0, 16)}…`}</code>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

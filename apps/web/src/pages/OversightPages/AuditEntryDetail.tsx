import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useAuditProof } from '../../api/oversight';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { Facts } from '../../components/CaseSections/Facts';
import { untyped } from '../../i18n/enums';
import { verifyAuditProof, type ProofVerdict } from '../../lib/auditProof';
import { formatDateTime } from '../../lib/format';
import { auditObjectLabel, auditOperationLabel, auditPurposeLabel } from '../../i18n/audit-labels';
import { useQueueTitle } from './queue-title';

/** One audit entry with its proof of inclusion and checkpoint, and a check the browser runs itself. */
export function AuditEntryDetail({ seq }: { seq: number }) {
  const { t, i18n } = useTranslation();
  const queueTitle = useQueueTitle();
  const tx = untyped(t);
  const proof = useAuditProof(seq);
  const [verdict, setVerdict] = useState<ProofVerdict | 'checking' | undefined>();
  const p = proof.data;
  const verify = async () => {
    if (!p) return;
    setVerdict('checking');
    setVerdict(await verifyAuditProof(p));
  };
  return (
    <section aria-labelledby="audit-entry-heading" className="hoeder-queue">
      <Heading level={2} id="audit-entry-heading">
        {tx('auditLog.entry.heading', { seq })}
      </Heading>
      <ApiErrorAlert error={proof.error} />
      {proof.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {p && (
        <>
          <Facts
            facts={[
              { label: tx('auditLog.columns.occurredAt'), value: formatDateTime(p.entry.occurredAt, i18n.language) },
              { label: tx('auditLog.columns.operation'), value: auditOperationLabel(i18n.language, p.entry.operation, queueTitle) },
              { label: tx('auditLog.columns.status'), value: tx(`auditLog.status.${p.entry.status}`) },
              { label: tx('auditLog.columns.purpose'), value: auditPurposeLabel(i18n.language, p.entry.processingActivity) },
              { label: tx('auditLog.columns.object'), value: `${auditObjectLabel(i18n.language, p.entry.objectType)} ${p.entry.objectId ?? ''}` },
              { label: tx('auditLog.entry.leafIndex'), value: String(p.leafIndex) },
              { label: tx('auditLog.entry.checkpoint'), value: tx('auditLog.entry.checkpointText', { size: p.checkpoint.treeSize, signedAt: formatDateTime(p.checkpoint.signedAt, i18n.language) }) },
              { label: tx('auditLog.entry.root'), value: p.checkpoint.rootHash },
              { label: tx('auditLog.entry.pathLength'), value: String(p.proof.length) },
            ]}
          />
          <details>
            <summary>{tx('auditLog.entry.raw')}</summary>
            <pre className="hoeder-explanation">{JSON.stringify(p.entry, null, 2)}</pre>
          </details>
          <Paragraph>
            <Button type="button" appearance="primary-action-button" onClick={() => void verify()} disabled={verdict === 'checking'}>
              {tx('auditLog.entry.verify')}
            </Button>
          </Paragraph>
          <div role="status">
            {verdict && verdict !== 'checking' && (
              <Paragraph>
                <strong>{tx(verdict.included && verdict.signed ? 'auditLog.entry.verified' : 'auditLog.entry.notVerified')}</strong>{' '}
                {tx(verdict.included ? 'auditLog.entry.included' : 'auditLog.entry.notIncluded')} {tx(verdict.signed ? 'auditLog.entry.signed' : 'auditLog.entry.notSigned')}
              </Paragraph>
            )}
          </div>
        </>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatDate } from '../../lib/format';
import { usePolicyVersions } from './policyApi';
import { StatusLabel } from './StatusLabel';

/** Functional administration of the package policy: the versions, newest effective date first. */
export function PolicyAdminPage() {
  const { t, i18n } = useTranslation();
  const versions = usePolicyVersions();
  usePageTitle(t('policy.admin.title'));
  return (
    <>
      <Heading level={1}>{t('policy.admin.title')}</Heading>
      <Paragraph>{t('policy.admin.intro')}</Paragraph>
      <ApiErrorAlert error={versions.error} />
      {versions.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {versions.data && (
        <div className="hoeder-table-scroll">
          <Table>
            <TableCaption>{t('policy.admin.versionsCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('policy.admin.version')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.admin.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.admin.effectiveFrom')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.admin.inEffect')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('policy.admin.summary')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.data.map((v) => (
                <TableRow key={v.version}>
                  <TableHeaderCell scope="row">
                    <RouterLink to={`/beleid/${v.version}`} aria-label={t('policy.admin.open', { version: v.version })}>
                      {v.version}
                    </RouterLink>
                  </TableHeaderCell>
                  <TableCell>
                    <StatusLabel status={v.status} />
                  </TableCell>
                  <TableCell>{formatDate(v.effectiveFrom, i18n.language)}</TableCell>
                  <TableCell>{v.inEffect ? t('policy.admin.yes') : t('policy.admin.no')}</TableCell>
                  <TableCell>{v.summary}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

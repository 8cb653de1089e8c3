import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { untyped } from '../../i18n/enums';
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { ImportRowError, OfficerImportResult } from '@hoeder/contracts';
import { ApiError } from '../../api/client';
import { useOfficerImport } from '../../api/execution';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { TextareaField } from '../../components/FormFields/FormFields';

const rowErrors = (error: unknown): ImportRowError[] =>
  error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? (((error.details?.result as OfficerImportResult | undefined)?.errors) ?? []) : [];

/** The CSV import: first a preview (dry run) with every error per row and column, then confirm. */
export function OfficerImport() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<OfficerImportResult | null>(null);
  const run = useOfficerImport();
  const errors = rowErrors(run.error);
  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
    setPreview(null);
  };
  return (
    <section aria-labelledby="officer-import">
      <Heading level={2} id="officer-import">
        {untyped(t)('masterData.import.title')}
      </Heading>
      <Paragraph>{untyped(t)('masterData.import.intro')}</Paragraph>
      <Paragraph>
        <code>officer_id,display_name,unit_id,team,qualifications,contract</code>
      </Paragraph>
      <label className="utrecht-form-label" htmlFor="officer-csv-file">
        {untyped(t)('masterData.import.file')}
      </label>
      <input id="officer-csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
      <TextareaField name="csv" label={untyped(t)('masterData.import.csv')} value={csv} rows={8} onChange={(v) => (setCsv(v), setPreview(null))} />
      <Button type="button" appearance="secondary-action-button" disabled={!csv.trim() || run.isPending} onClick={() => run.mutate({ csv, dryRun: true }, { onSuccess: setPreview })}>
        {untyped(t)('masterData.import.preview')}
      </Button>
      {errors.length > 0 ? (
        <Alert type="error">
          <Paragraph>
            <strong>{untyped(t)('masterData.import.errorsTitle', { count: errors.length })}</strong>
          </Paragraph>
          <div className="hoeder-table-scroll">
            <Table>
              <TableCaption>{untyped(t)('masterData.import.errorsCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{untyped(t)('masterData.import.row')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{untyped(t)('masterData.import.column')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{untyped(t)('masterData.import.problem')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {errors.map((e) => (
                  <TableRow key={`${e.row}-${e.column}`}>
                    <TableHeaderCell scope="row">{e.row}</TableHeaderCell>
                    <TableCell>
                      <code>{e.column}</code>
                    </TableCell>
                    <TableCell>
                      <span lang="en">{e.message}</span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </Alert>
      ) : (
        <ApiErrorAlert error={run.error} />
      )}
      {preview && !preview.applied && (
        <>
          <Alert type="info">{untyped(t)('masterData.import.previewSummary', { rows: preview.rows, created: preview.created, updated: preview.updated })}</Alert>
          <Button type="button" appearance="primary-action-button" disabled={run.isPending} onClick={() => run.mutate({ csv, dryRun: false }, { onSuccess: setPreview })}>
            {untyped(t)('masterData.import.confirm', { rows: preview.rows })}
          </Button>
        </>
      )}
      {preview?.applied && <Alert type="ok">{untyped(t)('masterData.import.done', { rows: preview.rows, created: preview.created, updated: preview.updated })}</Alert>}
    </section>
  );
}

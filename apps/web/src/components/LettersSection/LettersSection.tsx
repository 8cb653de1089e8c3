import { useState } from 'react';
import { Alert, Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { DraftLetterRequest, type LetterView } from '@hoeder/contracts';
import { LETTER_KINDS, LOCAL_AUTHORITIES, mayOnLetters, type LetterKind, type Role } from '@hoeder/domain';
import { letterPdfUrl, useApproveLetter, useDraftLetter, useLetters } from '../../api/letters';
import { enumLabel } from '../../i18n/enums';
import { useLettersText } from '../../i18n/letters-text';
import { formatDate } from '../../lib/format';
import { serverFieldErrors, validate } from '../../lib/validation';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { ActionPanel } from '../CaseActions/ActionPanel';
import { Section } from '../CaseSections/Section';
import { SelectField, TextareaField, TextField } from '../FormFields/FormFields';
import { useFormErrors } from '../FormFields/useFormErrors';

export const maySeeLetters = (roles: readonly Role[], sections: readonly string[]) => mayOnLetters(roles, 'read') && sections.includes('decision');

function DraftLetterForm({ caseId }: { caseId: string }) {
  const { t, tl } = useLettersText();
  const [kind, setKind] = useState<LetterKind>('decision_letter');
  const [name, setName] = useState('');
  const [lines, setLines] = useState('');
  const [authority, setAuthority] = useState('mayor');
  const draft = useDraftLetter(caseId);
  const labelFor = (field: string) => (field.startsWith('addressee.lines') ? tl('form.lines') : field === 'addressee.name' ? tl('form.name') : field === 'authority' ? tl('form.authority') : tl('form.kind'));
  const errors = useFormErrors(labelFor);
  const submit = () => {
    const input = {
      kind,
      addressee: { ...(name.trim() ? { name } : {}), lines: lines.split('\n').map((l) => l.trim()).filter(Boolean) },
      ...(kind === 'authority_notice' ? { authority } : {}),
    };
    const parsed = validate(DraftLetterRequest, input);
    errors.report(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) draft.mutate(parsed.value, { onError: (e) => errors.report(serverFieldErrors(e)) });
  };
  return (
    <ActionPanel title={tl('form.legend')} submitLabel={tl('form.submit')} onSubmit={submit} pending={draft.isPending} error={draft.error} onReload={() => draft.reset()} errors={errors}>
      {draft.isSuccess && <Alert type="ok">{tl('drafted')}</Alert>}
      <SelectField name="letter-kind" label={tl('form.kind')} value={kind} onChange={(v) => setKind(v as LetterKind)} options={LETTER_KINDS.map((k) => ({ value: k, label: tl(`kind.${k}`) }))} />
      {kind === 'authority_notice' && (
        <SelectField name="letter-authority" label={tl('form.authority')} value={authority} onChange={setAuthority} options={LOCAL_AUTHORITIES.map((a) => ({ value: a, label: enumLabel(t, 'handOffTo', a) }))} error={errors.message('authority')} />
      )}
      <TextField name="letter-name" label={tl('form.name')} description={kind === 'decision_letter' ? tl('form.nameHint') : undefined} value={name} onChange={setName} error={errors.message('addressee.name')} />
      <TextareaField name="letter-lines" label={tl('form.lines')} description={tl('form.linesHint')} rows={3} value={lines} onChange={setLines} error={errors.message('addressee.lines')} />
    </ActionPanel>
  );
}

function LetterRow({ caseId, letter }: { caseId: string; letter: LetterView }) {
  const { t, tl, i18n } = useLettersText();
  const approve = useApproveLetter(caseId);
  const kind = tl(`kind.${letter.kind}`);
  const date = formatDate(letter.letterDate, i18n.language);
  return (
    <TableRow>
      <TableCell>
        {kind}
        <br />
        <small>
          {tl('template', { version: letter.templateVersion })} · {tl('marking', { marking: enumLabel(t, 'classification', letter.classification) })}
          <br />
          <span className="hoeder-hash">{tl('hash', { hash: letter.sha256 })}</span>
        </small>
      </TableCell>
      <TableCell>{letter.addresseeName}</TableCell>
      <TableCell>{date}</TableCell>
      <TableCell>{letter.kind === 'authority_notice' ? '–' : formatDate(letter.objectionDeadline, i18n.language)}</TableCell>
      <TableCell>{tl(`status.${letter.status}`)}</TableCell>
      <TableCell>
        <a href={letterPdfUrl(caseId, letter.letterId)} download aria-label={tl('downloadOf', { kind, date })} className="utrecht-link">
          {tl('download')}
        </a>
        {letter.mayApprove && (
          <>
            {' '}
            <Button type="button" appearance="secondary-action-button" busy={approve.isPending} disabled={approve.isPending} aria-label={tl('approveOf', { kind, date })} onClick={() => approve.mutate({ letterId: letter.letterId })}>
              {tl('approve')}
            </Button>
          </>
        )}
        <ApiErrorAlert error={approve.error} onReload={() => approve.reset()} />
        {approve.isSuccess && <Alert type="ok">{tl('approved')}</Alert>}
      </TableCell>
    </TableRow>
  );
}

/**
 * The case's letters (issue 12 item 3): the liaison drafts, a second person (a decision maker who
 * did not draft it) approves; every PDF is stored exactly as sent and its download is audited.
 */
export function LettersSection({ caseId, roles, sections }: { caseId: string; roles: readonly Role[]; sections: readonly string[] }) {
  const { t, tl } = useLettersText();
  const visible = maySeeLetters(roles, sections);
  const query = useLetters(caseId, visible);
  if (!visible) return null;
  const data = query.data;
  return (
    <Section title={tl('title')} id="brieven">
      <Paragraph>{tl('intro')}</Paragraph>
      <ApiErrorAlert error={query.error} />
      {query.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {data && data.letters.length === 0 && <Paragraph>{tl('none')}</Paragraph>}
      {data && data.letters.length > 0 && (
        <Table>
          <TableCaption>{tl('title')}</TableCaption>
          <TableHeader>
            <TableRow>
              {(['letter', 'addressee', 'date', 'objectionDeadline', 'status', 'actions'] as const).map((c) => (
                <TableHeaderCell key={c} scope="col">
                  {tl(`columns.${c}`)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.letters.map((l) => (
              <LetterRow key={l.letterId} caseId={caseId} letter={l} />
            ))}
          </TableBody>
        </Table>
      )}
      {data?.mayDraft && <DraftLetterForm caseId={caseId} />}
    </Section>
  );
}

import { Alert, Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { LetterView } from '@hoeder/contracts';
import { mayOnLetters, type Role } from '@hoeder/domain';
import { letterPdfUrl, useApproveLetter, useLetters } from '../../api/letters';
import { enumLabel } from '../../i18n/enums';
import { useLettersText } from '../../i18n/letters-text';
import { formatDate } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { Section } from '../CaseSections/Section';
import { DraftLetterForm } from './DraftLetterForm';
import { LocalAuthorityForm } from './LocalAuthorityForm';

export const maySeeLetters = (roles: readonly Role[], sections: readonly string[]) => mayOnLetters(roles, 'read') && sections.includes('decision');

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
      {data?.mayDraft && <LocalAuthorityForm />}
    </Section>
  );
}

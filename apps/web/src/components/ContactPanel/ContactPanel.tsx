import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { PERSON_ROLES_BY_ACTION, type Role } from '@hoeder/domain';
import type { CaseView, ContactView } from '@hoeder/contracts';
import { useContactLog } from '../../api/persons';
import { untyped } from '../../i18n/enums';
import { formatDate, formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { Section } from '../CaseSections/Section';
import { measureLabel } from '../PolicyPackage/labels';
import { RouterLink } from '../RouterLink/RouterLink';
import { CaseAddresses } from './CaseAddresses';
import { ContactForm } from './ContactForm';

export const mayReadContactLog = (roles: readonly Role[]) => roles.some((r) => PERSON_ROLES_BY_ACTION.readContactLog.includes(r));

/**
 * The single line of contact (issue 12 item 2) on the case page: the persons' files, the decision
 * in force, what the person has been told (as of the moment the page shows), the contact log, and
 * for the liaison on the case the form to log a contact.
 */
export function ContactPanel({ view, roles, asOf }: { view: CaseView; roles: readonly Role[]; asOf: string | null }) {
  return (
    <>
      {!asOf && <CaseAddresses caseId={view.caseId} roles={roles} />}
      <ContactSection view={view} roles={roles} asOf={asOf} />
    </>
  );
}

function ContactSection({ view, roles, asOf }: { view: CaseView; roles: readonly Role[]; asOf: string | null }) {
  const { t } = useTranslation();
  const tp = untyped(t);
  const visible = mayReadContactLog(roles) && view.sections.includes('persons') && view.sections.includes('decision');
  const query = useContactLog(view.caseId, asOf, visible);
  if (!visible) return null;
  const contact = query.data;
  return (
    <Section title={tp('contact.title')} id="contact">
      <ApiErrorAlert error={query.error} />
      {query.isPending && <Paragraph role="status">{t('app.loading')}</Paragraph>}
      {contact && (
        <>
          <PersonLinks contact={contact} />
          <DecisionInForce contact={contact} />
          <ToldTimeline contact={contact} />
          <ContactLog caseId={view.caseId} contact={contact} />
        </>
      )}
    </Section>
  );
}

function PersonLinks({ contact }: { contact: ContactView }) {
  const { t } = useTranslation();
  const tp = untyped(t);
  return (
    <>
      <Paragraph>
        <strong>{tp('contact.persons')}</strong>
      </Paragraph>
      <UnorderedList>
        {contact.persons.map((p) => (
          <UnorderedListItem key={p.personId}>
            <RouterLink to={`/personen/${p.personId}`}>{p.fullName}</RouterLink> ({tp(`enums.personRole.${p.role}`)})
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}

function DecisionInForce({ contact }: { contact: ContactView }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  const d = contact.decisionInForce;
  if (!d) return <Paragraph>{tp('contact.noDecision')}</Paragraph>;
  return (
    <Paragraph>
      {tp('contact.decisionInForce', { level: d.resistanceLevel, review: formatDate(d.reviewDate, i18n.language) })} {d.measures.map((m) => measureLabel(t, m)).join(', ')}.
    </Paragraph>
  );
}

export function ToldTimeline({ contact }: { contact: ContactView }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  return (
    <>
      <Paragraph>
        <strong>{contact.asOf ? tp('contact.toldAsOf', { moment: formatDateTime(contact.asOf, i18n.language) }) : tp('contact.told')}</strong>
      </Paragraph>
      {contact.told.length === 0 ? (
        <Paragraph>{tp('contact.toldNone')}</Paragraph>
      ) : (
        <ol className="hoeder-told" aria-label={tp('contact.told')}>
          {contact.told.map((item, i) => (
            <li key={`${item.kind}-${item.decisionId ?? item.entryId ?? i}`}>
              <strong>{formatDate(item.at.slice(0, 10), i18n.language)}</strong> · {tp(`contact.kind.${item.kind}`)}
              {item.resistanceLevel && ` · ${item.resistanceLevel}`}
              {item.reviewDate && ` · ${tp('contact.review', { date: formatDate(item.reviewDate, i18n.language) })}`}
              {item.measures && item.measures.length > 0 && `: ${item.measures.map((m) => measureLabel(t, m)).join(', ')}`}
              {item.message && `: ${item.message}`}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

type Entry = ContactView['entries'][number];

/** The form (a new contact, or the correction of an entry chosen in the log) and the log itself. */
function ContactLog({ caseId, contact }: { caseId: string; contact: ContactView }) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState<Entry | undefined>();
  const [corrected, setCorrected] = useState(false);
  const startCorrection = (e: Entry) => {
    setCorrected(false);
    setCorrecting(e);
  };
  return (
    <>
      {contact.mayWrite && !correcting && <ContactForm caseId={caseId} contact={contact} />}
      {contact.mayWrite && correcting && (
        <ContactForm
          key={correcting.entryId}
          caseId={caseId}
          contact={contact}
          correcting={correcting}
          onClose={(saved) => {
            setCorrected(saved);
            setCorrecting(undefined);
          }}
        />
      )}
      <div aria-live="polite">{corrected && !correcting && <Alert type="ok">{untyped(t)('personCentral.correction.saved')}</Alert>}</div>
      <ContactLogTable contact={contact} onCorrect={contact.mayWrite ? startCorrection : undefined} />
    </>
  );
}

/** How an entry relates to corrections: what it corrects, and who corrected it, when and why. */
function CorrectionNotes({ entry, contact }: { entry: Entry; contact: ContactView }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  const original = entry.correctsEntryId ? contact.entries.find((e) => e.entryId === entry.correctsEntryId) : undefined;
  const by = entry.correctedBy;
  return (
    <>
      {entry.correctsEntryId && (
        <>
          <br />
          <strong>{tp('personCentral.correction.corrects', { date: original ? formatDate(original.contactDate, i18n.language) : '–', reason: entry.correctionReason ?? '' })}</strong>
        </>
      )}
      {by && (
        <>
          <br />
          <strong>{tp('personCentral.correction.correctedBy', { who: by.recordedBy.displayName, when: formatDateTime(by.recordedAt, i18n.language), reason: by.reason ?? '' })}</strong>
        </>
      )}
    </>
  );
}

function ContactLogTable({ contact, onCorrect }: { contact: ContactView; onCorrect: ((entry: Entry) => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  if (contact.entries.length === 0) return <Paragraph>{tp('contact.logEmpty')}</Paragraph>;
  return (
    <Table>
      <TableCaption>{tp('contact.log')}</TableCaption>
      <TableHeader>
        <TableRow>
          {(['date', 'channel', 'spokeWith', 'discussed', 'personAsked', 'promised', 'recordedBy'] as const).map((c) => (
            <TableHeaderCell key={c} scope="col">
              {tp(`contact.field.${c}`)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {contact.entries.map((e) => (
          <TableRow key={e.entryId} className={e.correctedBy ? 'hoeder-contact--corrected' : undefined}>
            <TableCell>{formatDate(e.contactDate, i18n.language)}</TableCell>
            <TableCell>{tp(`contact.channel.${e.channel}`)}</TableCell>
            <TableCell>{e.spokeWith}</TableCell>
            <TableCell>
              {e.discussed}
              {e.informationGiven && (
                <>
                  <br />
                  {tp('contact.toldMessage')}: {e.message}
                </>
              )}
              {e.acknowledgedContradictions && (
                <>
                  <br />
                  <strong>{tp('contact.acknowledged', { n: e.contradictions.length })}</strong>
                </>
              )}
              <CorrectionNotes entry={e} contact={contact} />
            </TableCell>
            <TableCell>{e.personAsked}</TableCell>
            <TableCell>{e.promised}</TableCell>
            <TableCell>
              {e.recordedBy.displayName}, {formatDateTime(e.recordedAt, i18n.language)}
              {onCorrect && !e.correctedBy && (
                <>
                  <br />
                  <Button type="button" appearance="secondary-action-button" onClick={() => onCorrect(e)}>
                    {tp('personCentral.correction.start', { date: formatDate(e.contactDate, i18n.language), seq: e.seq })}
                  </Button>
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, Paragraph, UnorderedList, UnorderedListItem } from '@rijkshuisstijl-community/components-react';
import { ContactEntryRequest, type ContactView } from '@hoeder/contracts';
import { useLogContact } from '../../api/persons';
import { untyped } from '../../i18n/enums';
import { formatDate } from '../../lib/format';
import { serverFieldErrors, validate, type FieldErrors } from '../../lib/validation';
import { ApiErrorAlert } from '../ApiErrorAlert/ApiErrorAlert';
import { CheckboxField, SelectField, TextareaField, TextField } from '../FormFields/FormFields';
import { measureLabel } from '../PolicyPackage/labels';

const CHANNELS = ['in_person', 'phone', 'video', 'letter', 'email', 'secure_message'] as const;
const TOPICS = ['threat_background', 'package_offer', 'package_change', 'refusal', 'other'] as const;
const today = () => new Date().toISOString().slice(0, 10);
const EMPTY = { contactDate: '', channel: 'in_person', personId: '', spokeWith: '', discussed: '', personAsked: '', promised: '', informationGiven: false, toldTopic: 'other', message: '' };

interface Contradiction {
  code: string;
  mentioned: string;
  inForce: string | null;
}

/** The contradictions the server refused the entry for (422), to show and acknowledge. */
const contradictionsOf = (error: unknown): Contradiction[] => {
  const details = (error as { code?: string; details?: { contradictions?: Contradiction[] } } | null)?.details;
  return (error as { code?: string } | null)?.code === 'RULE_VIOLATION' ? (details?.contradictions ?? []) : [];
};

type Entry = ContactView['entries'][number];

/** The form filled with the entry being corrected (the liaison changes what was wrong). */
const filledWith = (e: Entry) => ({
  contactDate: e.contactDate,
  channel: e.channel,
  personId: e.personId ?? '',
  spokeWith: e.spokeWith,
  discussed: e.discussed,
  personAsked: e.personAsked,
  promised: e.promised,
  informationGiven: e.informationGiven,
  toldTopic: e.toldTopic ?? 'other',
  message: e.message,
});

/**
 * Logging a contact; a message that contradicts the decision in force must be acknowledged first.
 * With `correcting`, the form logs a correction of that entry: a new entry with its reason (the
 * log is append-only; the original stays visible, marked as corrected).
 */
export function ContactForm({ caseId, contact, correcting, onClose }: { caseId: string; contact: ContactView; correcting?: Entry | undefined; onClose?: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const tp = untyped(t);
  const log = useLogContact(caseId);
  const [form, setForm] = useState<typeof EMPTY>(correcting ? filledWith(correcting) : { ...EMPTY, contactDate: today() });
  const [reason, setReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  // A correction opens with the focus on its reason, so keyboard and screen-reader users land in it.
  useEffect(() => {
    if (correcting) formRef.current?.querySelector<HTMLTextAreaElement>('textarea[name="correctionReason"]')?.focus();
  }, [correcting]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [acknowledged, setAcknowledged] = useState(false);
  const [done, setDone] = useState(false);
  const set = (patch: Partial<typeof EMPTY>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDone(false);
    if (patch.message !== undefined || patch.promised !== undefined) setAcknowledged(false);
  };
  const error = (field: string) => (errors[field] ? tp(errors[field].key, errors[field].values) : undefined);
  const contradictions = contradictionsOf(log.error);
  const describe = (c: Contradiction) => {
    const mentioned = c.code === 'measure_not_in_package' || c.code === 'no_decision_in_force' ? c.mentioned.split(', ').map((m) => tp(`contact.topic.${m}`, { defaultValue: m })).join(', ') : c.code === 'review_date_differs' ? formatDate(c.mentioned, i18n.language) : c.mentioned;
    const inForce = c.inForce && c.code === 'review_date_differs' ? formatDate(c.inForce, i18n.language) : (c.inForce ?? '');
    return tp(`contact.contradiction.${c.code}`, { mentioned, inForce });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      expectedSeq: contact.seq,
      ...(form.personId ? { personId: form.personId } : {}),
      contactDate: form.contactDate,
      channel: form.channel,
      spokeWith: form.spokeWith,
      discussed: form.discussed,
      personAsked: form.personAsked,
      promised: form.promised,
      informationGiven: form.informationGiven,
      ...(form.informationGiven ? { toldTopic: form.toldTopic } : {}),
      message: form.message,
      acknowledgeContradictions: acknowledged,
      ...(correcting ? { correctsEntryId: correcting.entryId, correctionReason: reason } : {}),
    };
    const parsed = validate(ContactEntryRequest, body);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    log.mutate(parsed.value, {
      onSuccess: () => {
        setForm({ ...EMPTY, contactDate: today() });
        setAcknowledged(false);
        setDone(true);
        if (correcting) onClose?.(true);
      },
      onError: (e) => setErrors(serverFieldErrors(e)),
    });
  };

  const options = (group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: tp(`contact.${group}.${v}`) }));
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="hoeder-form">
      <Fieldset legend={correcting ? tp('personCentral.correction.legend', { date: formatDate(correcting.contactDate, i18n.language) }) : tp('contact.form.legend')}>
        {correcting && <TextareaField name="correctionReason" label={tp('personCentral.correction.reason')} description={tp('personCentral.correction.reasonHint')} rows={2} value={reason} onChange={setReason} error={error('correctionReason')} />}
        <TextField type="date" name="contactDate" label={tp('contact.field.date')} value={form.contactDate} onChange={(contactDate) => set({ contactDate })} error={error('contactDate')} />
        <SelectField name="channel" label={tp('contact.field.channel')} value={form.channel} onChange={(channel) => set({ channel })} options={options('channel', CHANNELS)} />
        <SelectField name="personId" label={tp('contact.field.person')} value={form.personId} onChange={(personId) => set({ personId })} placeholder={tp('contact.form.noPerson')} options={contact.persons.map((p) => ({ value: p.personId, label: p.fullName }))} />
        <TextField name="spokeWith" label={tp('contact.field.spokeWith')} description={tp('contact.form.spokeWithHint')} value={form.spokeWith} onChange={(spokeWith) => set({ spokeWith })} error={error('spokeWith')} />
        <TextareaField name="discussed" label={tp('contact.field.discussed')} rows={3} value={form.discussed} onChange={(discussed) => set({ discussed })} error={error('discussed')} />
        <TextareaField name="personAsked" label={tp('contact.field.personAsked')} rows={2} value={form.personAsked} onChange={(personAsked) => set({ personAsked })} error={error('personAsked')} />
        <TextareaField name="promised" label={tp('contact.field.promised')} rows={2} value={form.promised} onChange={(promised) => set({ promised })} error={error('promised')} />
        <CheckboxField name="informationGiven" label={tp('contact.field.informationGiven')} checked={form.informationGiven} onChange={(informationGiven) => set({ informationGiven })} />
        {form.informationGiven && (
          <>
            <SelectField name="toldTopic" label={tp('contact.field.toldTopic')} value={form.toldTopic} onChange={(toldTopic) => set({ toldTopic })} options={options('kind', TOPICS)} />
            <TextareaField name="message" label={tp('contact.field.message')} description={tp('contact.form.messageHint')} rows={4} value={form.message} onChange={(message) => set({ message })} error={error('message')} />
          </>
        )}
      </Fieldset>
      {contradictions.length > 0 && (
        <Alert type="warning">
          <Paragraph>
            <strong>{tp('contact.contradiction.title')}</strong>
          </Paragraph>
          <UnorderedList>
            {contradictions.map((c) => (
              <UnorderedListItem key={`${c.code}-${c.mentioned}`}>{describe(c)}</UnorderedListItem>
            ))}
          </UnorderedList>
          {contact.decisionInForce && <Paragraph>{tp('contact.contradiction.package', { measures: contact.decisionInForce.measures.map((m) => measureLabel(t, m)).join(', ') })}</Paragraph>}
          <CheckboxField name="acknowledgeContradictions" label={tp('contact.contradiction.acknowledge')} checked={acknowledged} onChange={setAcknowledged} />
        </Alert>
      )}
      {contradictions.length === 0 && <ApiErrorAlert error={log.error} />}
      <div aria-live="polite">{done && <Alert type="ok">{tp('contact.form.saved')}</Alert>}</div>
      <Button type="submit" appearance="primary-action-button" busy={log.isPending} disabled={log.isPending}>
        {log.isPending ? t('forms.submitting') : correcting ? tp('personCentral.correction.submit') : tp('contact.form.submit')}
      </Button>
      {correcting && (
        <Button type="button" appearance="secondary-action-button" onClick={() => onClose?.(false)}>
          {tp('personCentral.correction.cancel')}
        </Button>
      )}
    </form>
  );
}

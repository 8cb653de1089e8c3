import { useState } from 'react';
import { Alert } from '@rijkshuisstijl-community/components-react';
import { DraftLetterRequest } from '@hoeder/contracts';
import { ADDRESSEE_SOURCE_OF, LETTER_KINDS, type LetterKind } from '@hoeder/domain';
import { useArrangements } from '../../api/arrangements';
import { useDraftLetter, useLocalAuthorities } from '../../api/letters';
import { usePerson } from '../../api/persons';
import { untyped } from '../../i18n/enums';
import { useLettersText } from '../../i18n/letters-text';
import { serverFieldErrors, validate } from '../../lib/validation';
import { ActionPanel } from '../CaseActions/ActionPanel';
import { SelectField } from '../FormFields/FormFields';
import { useFormErrors } from '../FormFields/useFormErrors';

/** The records a letter of this kind can be addressed from, as options (issue 12 item 4). */
function useAddresseeOptions(caseId: string, kind: LetterKind, recordId: string) {
  const source = ADDRESSEE_SOURCE_OF[kind];
  const arrangements = useArrangements(caseId, source !== 'local_authority');
  const authorities = useLocalAuthorities(source === 'local_authority');
  const person = usePerson(recordId, source === 'person' && recordId !== '');
  const records =
    source === 'person'
      ? (arrangements.data?.persons ?? []).map((p) => ({ value: p.personId, label: p.fullName }))
      : source === 'employer'
        ? (arrangements.data?.employers ?? []).map((e) => ({ value: e.employerId, label: e.name }))
        : (authorities.data?.addressees ?? []).map((a) => ({ value: a.addresseeId, label: `${a.name}, ${a.office}` }));
  const addresses = source === 'person' ? (person.data?.details?.addresses ?? []).map((a) => ({ value: a.addressId, label: `${a.label}: ${a.street}, ${a.postcode} ${a.city}` })) : [];
  return { source, records, addresses };
}

/**
 * Drafting a letter: the addressee is picked from the person file, the employer record or a stored
 * local authority, never typed; a person's address only from those the drafter may see.
 */
export function DraftLetterForm({ caseId }: { caseId: string }) {
  const { t, tl } = useLettersText();
  const ut = untyped(t);
  const [kind, setKind] = useState<LetterKind>('decision_letter');
  const [recordId, setRecordId] = useState('');
  const [addressId, setAddressId] = useState('');
  const { source, records, addresses } = useAddresseeOptions(caseId, kind, recordId);
  const draft = useDraftLetter(caseId);
  const labelFor = (field: string) => (field === 'addressId' ? ut('recordLinks.letters.address') : field.startsWith('addressedFrom') ? ut(`recordLinks.letters.from.${source}`) : tl('form.kind'));
  const errors = useFormErrors(labelFor);
  const chooseKind = (value: string) => {
    setKind(value as LetterKind);
    setRecordId('');
    setAddressId('');
  };
  const submit = () => {
    const input = { kind, addressedFrom: { kind: source, id: recordId }, ...(addressId ? { addressId } : {}) };
    const parsed = validate(DraftLetterRequest, input);
    errors.report(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) draft.mutate(parsed.value, { onError: (e) => errors.report(serverFieldErrors(e)) });
  };
  return (
    <ActionPanel title={tl('form.legend')} submitLabel={tl('form.submit')} onSubmit={submit} pending={draft.isPending} error={draft.error} onReload={() => draft.reset()} errors={errors}>
      {draft.isSuccess && <Alert type="ok">{tl('drafted')}</Alert>}
      <SelectField name="letter-kind" label={tl('form.kind')} value={kind} onChange={chooseKind} options={LETTER_KINDS.map((k) => ({ value: k, label: tl(`kind.${k}`) }))} />
      <SelectField
        name="letter-addressee"
        label={ut(`recordLinks.letters.from.${source}`)}
        description={records.length === 0 ? ut(`recordLinks.letters.none.${source}`) : undefined}
        value={recordId}
        onChange={(v) => {
          setRecordId(v);
          setAddressId('');
        }}
        options={records}
        placeholder={t('forms.choose')}
        error={errors.message('addressedFrom.id') ?? errors.message('addressedFrom.kind')}
      />
      {source === 'person' && recordId !== '' && (
        <SelectField
          name="letter-address"
          label={ut('recordLinks.letters.address')}
          description={ut(addresses.length === 0 ? 'recordLinks.letters.noAddress' : 'recordLinks.letters.addressHint')}
          value={addressId}
          onChange={setAddressId}
          options={addresses}
          placeholder={ut('recordLinks.letters.byName')}
          error={errors.message('addressId')}
        />
      )}
    </ActionPanel>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset } from '@rijkshuisstijl-community/components-react';
import { SavePersonDetailsRequest, type PersonView } from '@hoeder/contracts';
import { useSavePersonDetails } from '../../api/persons';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { SelectField, TextField } from '../../components/FormFields/FormFields';
import { untyped } from '../../i18n/enums';
import { serverFieldErrors, validate, type FieldErrors } from '../../lib/validation';

const DOMAINS = ['home', 'work', 'transport', 'private'] as const;
type AddressDraft = { addressId?: string; domain: string; label: string; street: string; postcode: string; city: string };
const EMPTY_ADDRESS: AddressDraft = { domain: 'home', label: '', street: '', postcode: '', city: '' };

/** The liaison records a new version of the contact details: the whole set, never an edit in place. */
export function PersonDetailsForm({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const tp = untyped(t);
  const save = useSavePersonDetails(person.personId);
  const current = person.details;
  const [phone, setPhone] = useState(current?.phone ?? '');
  const [email, setEmail] = useState(current?.email ?? '');
  const [addresses, setAddresses] = useState<AddressDraft[]>(current?.addresses.length ? current.addresses : [EMPTY_ADDRESS]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const error = (field: string) => (errors[field] ? tp(errors[field].key, errors[field].values) : undefined);
  const update = (i: number, patch: Partial<AddressDraft>) => setAddresses((list) => list.map((a, j) => (i === j ? { ...a, ...patch } : a)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = addresses.filter((a) => a.street.trim() || a.label.trim() || a.postcode.trim() || a.city.trim());
    const parsed = validate(SavePersonDetailsRequest, { expectedVersion: current?.version ?? 0, phone: phone.trim() || null, email: email.trim() || null, addresses: filled });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.mutate(parsed.value, { onSuccess: () => setSaved(true), onError: (e) => setErrors(serverFieldErrors(e)) });
  };

  return (
    <form onSubmit={submit} noValidate className="hoeder-form">
      <Fieldset legend={tp('persons.form.legend')}>
        <TextField name="phone" label={tp('persons.field.phone')} value={phone} onChange={setPhone} error={error('phone')} />
        <TextField name="email" label={tp('persons.field.email')} value={email} onChange={setEmail} error={error('email')} />
        {addresses.map((a, i) => (
          <Fieldset key={a.addressId ?? `new-${i}`} legend={tp('persons.form.address', { number: i + 1 })}>
            <TextField name={`address-${i}-label`} label={tp('persons.field.label')} description={tp('persons.form.labelHint')} value={a.label} onChange={(label) => update(i, { label })} error={error(`addresses.${i}.label`)} />
            <SelectField name={`address-${i}-domain`} label={tp('persons.field.domain')} description={tp('persons.form.domainHint')} value={a.domain} onChange={(domain) => update(i, { domain })} options={DOMAINS.map((d) => ({ value: d, label: tp(`persons.domain.${d}`) }))} />
            <TextField name={`address-${i}-street`} label={tp('persons.field.street')} value={a.street} onChange={(street) => update(i, { street })} error={error(`addresses.${i}.street`)} />
            <TextField name={`address-${i}-postcode`} label={tp('persons.field.postcode')} value={a.postcode} onChange={(postcode) => update(i, { postcode })} error={error(`addresses.${i}.postcode`)} />
            <TextField name={`address-${i}-city`} label={tp('persons.field.city')} value={a.city} onChange={(city) => update(i, { city })} error={error(`addresses.${i}.city`)} />
          </Fieldset>
        ))}
        <Button type="button" appearance="secondary-action-button" onClick={() => setAddresses((list) => [...list, EMPTY_ADDRESS])}>
          {tp('persons.form.addAddress')}
        </Button>
      </Fieldset>
      <ApiErrorAlert error={save.error} />
      <div aria-live="polite">{saved && !save.isPending && <Alert type="ok">{tp('persons.form.saved')}</Alert>}</div>
      <Button type="submit" appearance="primary-action-button" busy={save.isPending} disabled={save.isPending}>
        {save.isPending ? t('forms.submitting') : tp('persons.form.submit')}
      </Button>
    </form>
  );
}

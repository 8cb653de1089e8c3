import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, FormFieldErrorMessage } from '@rijkshuisstijl-community/components-react';
import { AgendaActivityInput } from '@hoeder/contracts';
import { CheckboxField, RadioField, SelectField, TextField } from '../../components/FormFields/FormFields';
import { untyped } from '../../i18n/enums';
import { validate, type FieldErrors } from '../../lib/validation';
import { DOMAINS, PLACES, PRIORITIES, WEEKDAYS } from './agendaLabels';

const EMPTY = { label: '', domain: 'work', placeCategory: 'workplace', priority: 'normal', start: '', end: '', kind: 'weekly', weekdays: [] as number[], date: '', from: '', until: '' };

/** A new activity: checked against the shared contract before it joins the draft agenda. */
export function ActivityForm({ onAdd }: { onAdd: (activity: AgendaActivityInput) => void }) {
  const { t } = useTranslation();
  const tt = untyped(t);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  const error = (field: string) => {
    const e = errors[field];
    return e ? tt(e.key, e.values) : undefined;
  };
  const recurrence = form.kind === 'once' ? { kind: 'once', date: form.date } : form.kind === 'range' ? { kind: 'range', from: form.from, until: form.until, weekdays: form.weekdays } : { kind: 'weekly', weekdays: form.weekdays };
  const add = () => {
    const outcome = validate(AgendaActivityInput, { label: form.label, domain: form.domain, placeCategory: form.placeCategory, priority: form.priority, start: form.start, end: form.end, recurrence });
    if (!outcome.ok) return setErrors(outcome.errors);
    setErrors({});
    setForm(EMPTY);
    onAdd(outcome.value);
  };
  const options = (group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: tt(`agenda.${group}.${v}`) }));
  return (
    <Fieldset legend={untyped(t)('agenda.add.legend')}>
      <TextField name="label" label={untyped(t)('agenda.field.label')} description={untyped(t)('agenda.add.labelHint')} value={form.label} onChange={(label) => set({ label })} error={error('label')} />
      <SelectField name="domain" label={untyped(t)('agenda.field.domain')} value={form.domain} onChange={(domain) => set({ domain })} options={options('domain', DOMAINS)} />
      <SelectField name="placeCategory" label={untyped(t)('agenda.field.placeCategory')} description={untyped(t)('agenda.add.placeHint')} value={form.placeCategory} onChange={(placeCategory) => set({ placeCategory })} options={options('place', PLACES)} />
      <SelectField name="priority" label={untyped(t)('agenda.field.priority')} value={form.priority} onChange={(priority) => set({ priority })} options={options('priority', PRIORITIES)} />
      <TextField name="start" label={untyped(t)('agenda.field.start')} description={untyped(t)('agenda.add.timeHint')} value={form.start} onChange={(start) => set({ start })} error={error('start')} />
      <TextField name="end" label={untyped(t)('agenda.field.end')} description={untyped(t)('agenda.add.timeHint')} value={form.end} onChange={(end) => set({ end })} error={error('end')} />
      <RadioField legend={untyped(t)('agenda.field.recurrence')} name="kind" value={form.kind} onChange={(kind) => set({ kind })} options={options('recurrence', ['weekly', 'once', 'range'])} />
      {form.kind === 'once' && <TextField type="date" name="date" label={untyped(t)('agenda.add.date')} value={form.date} onChange={(date) => set({ date })} error={error('recurrence.date')} />}
      {form.kind === 'range' && (
        <>
          <TextField type="date" name="from" label={untyped(t)('agenda.add.from')} value={form.from} onChange={(from) => set({ from })} error={error('recurrence.from')} />
          <TextField type="date" name="until" label={untyped(t)('agenda.add.until')} value={form.until} onChange={(until) => set({ until })} error={error('recurrence.until')} />
        </>
      )}
      {form.kind !== 'once' && (
        <Fieldset legend={untyped(t)('agenda.add.weekdays')} invalid={Boolean(error('recurrence.weekdays'))}>
          {error('recurrence.weekdays') && <FormFieldErrorMessage>{error('recurrence.weekdays')}</FormFieldErrorMessage>}
          {WEEKDAYS.map((d) => (
            <CheckboxField key={d} name={`weekday-${d}`} label={tt(`agenda.weekday.${d}`)} checked={form.weekdays.includes(d)} onChange={(on) => set({ weekdays: on ? [...form.weekdays, d].sort() : form.weekdays.filter((x) => x !== d) })} />
          ))}
        </Fieldset>
      )}
      <Button type="button" appearance="secondary-action-button" onClick={add}>
        {untyped(t)('agenda.add.submit')}
      </Button>
    </Fieldset>
  );
}

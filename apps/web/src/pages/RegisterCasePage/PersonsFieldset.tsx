import { useTranslation } from 'react-i18next';
import { Button, Fieldset, FormFieldErrorMessage, Paragraph } from '@rijkshuisstijl-community/components-react';
import { HOUSEHOLD_RELATIONS, PERSON_ROLES } from '@hoeder/domain';
import { SelectField, TextField } from '../../components/FormFields/FormFields';
import { enumLabel, untyped } from '../../i18n/enums';
import type { PersonDraft } from './registerDraft';

interface Props {
  persons: PersonDraft[];
  onChange: (persons: PersonDraft[]) => void;
  onAdd: () => void;
  error: (field: string) => string | undefined;
}

/** One fieldset per person, so "Full name" is announced with "Person 2" around it. */
export function PersonsFieldset({ persons, onChange, onAdd, error }: Props) {
  const { t } = useTranslation();
  const ut = untyped(t);
  const update = (index: number, patch: Partial<PersonDraft>) => onChange(persons.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const remove = (index: number) => onChange(persons.filter((_, i) => i !== index));
  const roleOptions = PERSON_ROLES.map((role) => ({ value: role, label: enumLabel(t, 'personRole', role) }));
  const listError = error('persons');

  return (
    <Fieldset legend={t('register.personsLegend')}>
      <Paragraph>{t('register.personsHelp')}</Paragraph>
      {listError && <FormFieldErrorMessage role="alert">{listError}</FormFieldErrorMessage>}
      {persons.map((person, index) => {
        const number = index + 1;
        const at = (field: string) => error(`persons.${index}.${field}`);
        return (
          <Fieldset key={person.key} legend={t('register.person', { number })} className="hoeder-person">
            <SelectField
              name={`person-${person.key}-role`}
              label={t('register.personRole')}
              value={person.role}
              onChange={(role) => update(index, { role })}
              options={roleOptions}
              error={at('role')}
            />
            <TextField name={`person-${person.key}-name`} label={t('register.fullName')} value={person.fullName} onChange={(fullName) => update(index, { fullName })} error={at('fullName')} />
            <TextField
              name={`person-${person.key}-dob`}
              type="date"
              label={t('register.dateOfBirth')}
              value={person.dateOfBirth}
              onChange={(dateOfBirth) => update(index, { dateOfBirth })}
              error={at('dateOfBirth')}
            />
            {person.role === 'household_member' && (
              <SelectField
                name={`person-${person.key}-relationCode`}
                label={ut('recordLinks.relation.label')}
                value={person.relationCode}
                onChange={(relationCode) => update(index, { relationCode })}
                options={HOUSEHOLD_RELATIONS.map((code) => ({ value: code, label: ut(`recordLinks.relation.codes.${code}`) }))}
                placeholder={t('forms.choose')}
                error={at('relationCode')}
              />
            )}
            <TextField name={`person-${person.key}-relation`} label={ut('recordLinks.relation.note')} value={person.relation} onChange={(relation) => update(index, { relation })} error={at('relation')} />
            {persons.length > 1 && (
              <Button appearance="subtle-button" onClick={() => remove(index)}>
                {t('register.removePerson', { number })}
              </Button>
            )}
          </Fieldset>
        );
      })}
      <Button appearance="secondary-action-button" onClick={onAdd}>
        {t('register.addPerson')}
      </Button>
    </Fieldset>
  );
}

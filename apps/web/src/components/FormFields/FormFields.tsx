import { useId, type ReactNode } from 'react';
import {
  Fieldset,
  FormFieldCheckboxOption,
  FormFieldErrorMessage,
  FormFieldRadio,
  FormFieldSelect,
  FormFieldTextarea,
  FormFieldTextInput,
  Paragraph,
  SelectOption,
} from '@rijkshuisstijl-community/components-react';

/**
 * Thin wrappers around the Rijkshuisstijl form fields so every form uses them the same way:
 * a visible label, an optional description, and an error that is rendered next to the field and
 * linked to it with aria-describedby (the components do the linking when `invalid` is set).
 */
interface FieldBase {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  name: string;
}

export interface Option {
  value: string;
  label: string;
  description?: string | undefined;
}

export function TextField(props: FieldBase & { value: string; onChange: (value: string) => void; type?: 'text' | 'date' | 'datetime-local'; autoComplete?: string; step?: number }) {
  const { label, description, error, name, value, onChange, type = 'text', autoComplete, step } = props;
  return (
    <FormFieldTextInput
      label={label}
      description={description}
      errorMessage={error}
      invalid={Boolean(error)}
      name={name}
      type={type}
      value={value}
      step={step}
      autoComplete={autoComplete ?? 'off'}
      onChange={(event) => onChange((event.target as HTMLInputElement).value)}
    />
  );
}

export function TextareaField(props: FieldBase & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { label, description, error, name, value, onChange, rows = 5 } = props;
  return (
    <FormFieldTextarea
      label={label}
      description={description}
      errorMessage={error}
      invalid={Boolean(error)}
      name={name}
      rows={rows}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export function SelectField(props: FieldBase & { value: string; onChange: (value: string) => void; options: readonly Option[]; placeholder?: string }) {
  const { label, description, error, name, value, onChange, options, placeholder } = props;
  return (
    <FormFieldSelect
      label={label}
      description={typeof description === 'string' ? description : undefined}
      errorMessage={error}
      invalid={Boolean(error)}
      name={name}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
      {options.map((option) => (
        <SelectOption key={option.value} value={option.value}>
          {option.label}
        </SelectOption>
      ))}
    </FormFieldSelect>
  );
}

/** A radio group is a fieldset: the legend names the group, each option has its own label. */
export function RadioField(props: {
  legend: ReactNode;
  description?: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  error?: string | undefined;
}) {
  const { legend, description, name, value, onChange, options, error } = props;
  const errorId = useId();
  const descriptionId = useId();
  const describedBy = [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset legend={legend} invalid={Boolean(error)} aria-describedby={describedBy}>
      {description && (
        <Paragraph id={descriptionId} className="utrecht-form-field-description">
          {description}
        </Paragraph>
      )}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      {options.map((option) => (
        <FormFieldRadio
          key={option.value}
          label={option.label}
          description={option.description}
          name={name}
          value={option.value}
          checked={value === option.value}
          inputInvalid={Boolean(error)}
          onChange={() => onChange(option.value)}
        />
      ))}
    </Fieldset>
  );
}

export function CheckboxField(props: { label: ReactNode; name: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { label, name, checked, onChange } = props;
  return <FormFieldCheckboxOption label={label} name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} />;
}

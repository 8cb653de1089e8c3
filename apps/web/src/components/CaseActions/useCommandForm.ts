import { useReloadCase, useCaseCommand } from '../../api/queries';
import { serverFieldErrors, validate, type FieldErrors, type SafeParser } from '../../lib/validation';
import { useFormErrors } from '../FormFields/useFormErrors';

export interface CommandFormOptions<TBody> {
  caseId: string;
  /** Path below /api/cases/:caseId, e.g. "triage". */
  path: string;
  schema: SafeParser<TBody>;
  labelFor: (field: string) => string;
  onSaved: (version: number) => void;
}

/**
 * One case command behind a form: validate with the contract schema (plus the form's own checks),
 * send, and turn refusals into field errors or an explained alert. The form's state lives in the
 * form component, so a refused or conflicting submit never loses what the user typed.
 */
export function useCommandForm<TBody>({ caseId, path, schema, labelFor, onSaved }: CommandFormOptions<TBody>) {
  const command = useCaseCommand<TBody>(caseId, path, (accepted) => onSaved(accepted.version));
  const reloadCase = useReloadCase(caseId);
  const errors = useFormErrors(labelFor);

  const submit = (input: unknown, extraChecks: (errors: FieldErrors) => FieldErrors = (e) => e) => {
    const parsed = validate(schema, input);
    const fieldErrors = extraChecks(parsed.ok ? {} : parsed.errors);
    errors.report(fieldErrors);
    if (!parsed.ok || Object.keys(fieldErrors).length > 0) return;
    command.mutate(parsed.value, { onError: (error) => errors.report(serverFieldErrors(error)) });
  };

  const reload = () => {
    command.reset();
    void reloadCase();
  };

  return { submit, errors, error: command.error, pending: command.isPending, reload };
}

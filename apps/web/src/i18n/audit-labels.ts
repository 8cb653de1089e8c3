import en from './en.json';
import nl from './nl.json';

/**
 * Dutch (or English) names for the audit log's codes: operations, purposes (processing
 * activities) and object types. i18next nests keys at dots, so a code's dots are slashes in the
 * resource (`case/view` for `case.view`). audit-labels.test.ts checks that every code the
 * server writes has a name in both languages.
 */
type Codes = typeof nl.auditCodes;
const codesOf = (language: string): Codes => (language === 'en' ? en.auditCodes : nl.auditCodes);
const keyOf = (code: string) => code.replaceAll('.', '/');
const codeOf = (key: string) => key.replaceAll('/', '.');
const lookup = (table: Record<string, string>, code: string): string | undefined => (Object.hasOwn(table, keyOf(code)) ? table[keyOf(code)] : undefined);

/** Work-queue operations carry the queue id (`work.queue.<id>`); refused requests the route (`http.<method>.<route>`). */
export function auditOperationLabel(language: string, code: string, queueTitle: (id: string) => string | undefined = () => undefined): string {
  const codes = codesOf(language);
  const exact = lookup(codes.operation, code);
  if (exact) return exact;
  if (code.startsWith('http.')) return codes.httpRefused;
  const queue = /^work\.queue\.(.+)$/.exec(code)?.[1];
  const title = queue ? queueTitle(queue) : undefined;
  if (title) return codes.workQueue.replace('{{queue}}', title);
  return codes.otherOperation;
}

export const auditPurposeLabel = (language: string, code: string): string => lookup(codesOf(language).purpose, code) ?? codesOf(language).otherPurpose;

export const auditObjectLabel = (language: string, code: string): string => lookup(codesOf(language).objectType, code) ?? codesOf(language).otherObject;

/** The operations and purposes to choose from when searching, by their names. */
export const knownOperations = (language: string): { value: string; label: string }[] =>
  Object.entries(codesOf(language).operation)
    .map(([key, label]) => ({ value: codeOf(key), label }))
    .sort((a, b) => a.label.localeCompare(b.label, language));

export const knownPurposes = (language: string): { value: string; label: string }[] =>
  Object.entries(codesOf(language).purpose)
    .map(([key, label]) => ({ value: codeOf(key), label }))
    .sort((a, b) => a.label.localeCompare(b.label, language));

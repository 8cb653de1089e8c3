import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseAddressesView, ContactEntryRequest, ContactView, DuplicateCheckResponse, PersonView, SavePersonDetailsRequest } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

/** The person's file, intake's duplicate warning and the contact log (issue 12 items 1 and 2). */
export const personKeys = {
  person: (personId: string) => ['person', personId] as const,
  contact: (caseId: string, asOf: string | null) => ['contact', caseId, asOf ?? 'now'] as const,
  duplicates: (persons: readonly { fullName: string; dateOfBirth?: string | undefined }[]) => ['person-duplicates', persons] as const,
};

export const usePerson = (personId: string, enabled = true) => useQuery<PersonView, ApiError>({ queryKey: personKeys.person(personId), queryFn: () => apiGet(`/api/persons/${personId}`), enabled });

export function useSavePersonDetails(personId: string) {
  const queryClient = useQueryClient();
  return useMutation<PersonView, ApiError, SavePersonDetailsRequest>({
    mutationFn: (body) => apiPost(`/api/persons/${personId}/details`, body),
    onSuccess: (view) => queryClient.setQueryData(personKeys.person(personId), view),
  });
}

/** The warning on the registration form: asked again when the names or dates of birth change. */
export const useDuplicateCheck = (persons: readonly { fullName: string; dateOfBirth?: string | undefined }[]) =>
  useQuery<DuplicateCheckResponse, ApiError>({
    queryKey: personKeys.duplicates(persons),
    queryFn: () => apiPost('/api/persons/duplicates', { persons }),
    enabled: persons.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const useContactLog = (caseId: string, asOf: string | null, enabled = true) =>
  useQuery<ContactView, ApiError>({ queryKey: personKeys.contact(caseId, asOf), queryFn: () => apiGet(`/api/cases/${caseId}/contact${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`), enabled });

export function useLogContact(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation<ContactView, ApiError, ContactEntryRequest>({
    mutationFn: (body) => apiPost(`/api/cases/${caseId}/contact`, body),
    onSuccess: (view) => queryClient.setQueryData(personKeys.contact(caseId, null), view),
  });
}

export const useCaseAddresses = (caseId: string, enabled: boolean) =>
  useQuery<CaseAddressesView, ApiError>({ queryKey: ['case-addresses', caseId], queryFn: () => apiGet(`/api/cases/${caseId}/addresses`), enabled, retry: false });

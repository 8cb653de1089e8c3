import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LettersView, LetterView, LocalAuthoritiesView, ObjectionsView, ObjectionView, RecordLocalAuthorityRequest } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

/** Letters and objections of a case (issue 12 items 3 and 8). */
export const letterKeys = {
  letters: (caseId: string) => ['case', caseId, 'letters'] as const,
  objections: (caseId: string) => ['case', caseId, 'objections'] as const,
};

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const letterPdfUrl = (caseId: string, letterId: string) => `${base(caseId)}/letters/${encodeURIComponent(letterId)}/pdf`;

export const useLetters = (caseId: string, enabled: boolean) => useQuery<LettersView, ApiError>({ queryKey: letterKeys.letters(caseId), queryFn: () => apiGet(`${base(caseId)}/letters`), enabled });
export const useObjections = (caseId: string, enabled: boolean) => useQuery<ObjectionsView, ApiError>({ queryKey: letterKeys.objections(caseId), queryFn: () => apiGet(`${base(caseId)}/objections`), enabled });

/** A write on the case's letters or objections; both lists (and "Voor mij") are fetched again. */
function useCaseWrite<TBody, TResult>(caseId: string, path: (body: TBody) => string) {
  const client = useQueryClient();
  return useMutation<TResult, ApiError, TBody>({
    mutationFn: (body) => apiPost(`${base(caseId)}${path(body)}`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: letterKeys.letters(caseId) });
      void client.invalidateQueries({ queryKey: letterKeys.objections(caseId) });
      void client.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

export const useDraftLetter = (caseId: string) => useCaseWrite<unknown, LetterView>(caseId, () => '/letters');
export const useApproveLetter = (caseId: string) => useCaseWrite<{ letterId: string }, LetterView>(caseId, (b) => `/letters/${encodeURIComponent(b.letterId)}/approve`);
export const useLodgeObjection = (caseId: string) => useCaseWrite<unknown, ObjectionView>(caseId, () => '/objections');
export const useObjectionStep = (caseId: string, objectionId: string) => useCaseWrite<unknown, ObjectionView>(caseId, () => `/objections/${encodeURIComponent(objectionId)}/steps`);

/** Issue 12 item 4: the stored mayors and chief prosecutors a notice is addressed from. */
const localAuthorityKey = ['letters', 'local-authorities'] as const;
export const useLocalAuthorities = (enabled: boolean) => useQuery<LocalAuthoritiesView, ApiError>({ queryKey: localAuthorityKey, queryFn: () => apiGet('/api/letters/local-authorities'), enabled });
export function useRecordLocalAuthority() {
  const client = useQueryClient();
  return useMutation<{ addresseeId: string }, ApiError, RecordLocalAuthorityRequest>({
    mutationFn: (body) => apiPost('/api/letters/local-authorities', body),
    onSuccess: () => client.invalidateQueries({ queryKey: localAuthorityKey }),
  });
}

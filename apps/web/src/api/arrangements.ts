import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArrangementStepRequest, ArrangementsView, ArrangementView, PolicyFactsView, RecordAgreementRequest, RecordCareReferralRequest, RecordEmployerRequest } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

/** Agreements, care referrals and the employer (issue 12 items 4–7). */
export const arrangementKeys = {
  view: (caseId: string, asOf: string | null = null) => ['arrangements', caseId, asOf ?? 'now'] as const,
  facts: (caseId: string) => ['policy-facts', caseId] as const,
};

/** Now, or as they stood at `asOf` (the case page's as-of mode; ADR 0031). */
export const useArrangements = (caseId: string, enabled: boolean, asOf: string | null = null) =>
  useQuery<ArrangementsView, ApiError>({
    queryKey: arrangementKeys.view(caseId, asOf),
    queryFn: () => apiGet(`/api/cases/${caseId}/arrangements${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`),
    enabled,
    retry: false,
  });

function useRecord<B>(caseId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, B>({
    mutationFn: (body) => apiPost(`/api/cases/${caseId}/${path}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['arrangements', caseId] }),
  });
}

export const useRecordAgreement = (caseId: string) => useRecord<RecordAgreementRequest>(caseId, 'agreements');
export const useRecordCare = (caseId: string) => useRecord<RecordCareReferralRequest>(caseId, 'care-referrals');
export const useRecordEmployer = (caseId: string) => useRecord<RecordEmployerRequest>(caseId, 'employers');

export function useArrangementStep(caseId: string, arrangementId: string) {
  const queryClient = useQueryClient();
  return useMutation<ArrangementView, ApiError, ArrangementStepRequest>({
    mutationFn: (body) => apiPost(`/api/cases/${caseId}/arrangements/${arrangementId}/steps`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['arrangements', caseId] }),
  });
}

export const usePolicyFacts = (caseId: string) =>
  useQuery<PolicyFactsView, ApiError>({ queryKey: arrangementKeys.facts(caseId), queryFn: () => apiGet(`/api/cases/${caseId}/policy-facts`), retry: false });

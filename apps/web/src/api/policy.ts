import { useMutation, useQuery } from '@tanstack/react-query';
import type { CaseFacts } from '@hoeder/domain';
import type { PolicyPrefill, PolicyProposal } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

/** The policy version in effect and what the case already says (phenomenon, threat level). */
export function usePolicyPrefill(caseId: string) {
  return useQuery<PolicyPrefill, ApiError>({ queryKey: ['case', caseId, 'policy'], queryFn: () => apiGet(`/api/cases/${encodeURIComponent(caseId)}/policy`) });
}

/** Asks the server what the policy in effect proposes for these facts (read-only, audited). */
export function usePolicyProposal(caseId: string) {
  return useMutation<PolicyProposal, ApiError, CaseFacts>({
    mutationFn: (facts) => apiPost(`/api/cases/${encodeURIComponent(caseId)}/policy/proposal`, { facts }),
  });
}

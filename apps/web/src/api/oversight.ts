import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntriesResponse, AuditProofResponse, BreakGlassGrant, StatisticsResponse } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

export function useBreakGlassGrants() {
  return useQuery<BreakGlassGrant[], ApiError>({ queryKey: ['oversight', 'break-glass'], queryFn: () => apiGet('/api/oversight/break-glass-grants') });
}

export function useReviewBreakGlass(grantId: string) {
  const client = useQueryClient();
  return useMutation<BreakGlassGrant, ApiError, { finding: string }>({
    mutationFn: (body) => apiPost(`/api/oversight/break-glass-grants/${encodeURIComponent(grantId)}/review`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['oversight', 'break-glass'] }),
  });
}

/** A page of the audit log; `query` is the URL query string of the search. */
export function useAuditEntries(query: string) {
  return useQuery<AuditEntriesResponse, ApiError>({ queryKey: ['audit', 'entries', query], queryFn: () => apiGet(`/api/audit/entries?${query}`), placeholderData: keepPreviousData });
}

export function useAuditProof(seq: number | undefined) {
  return useQuery<AuditProofResponse, ApiError>({ queryKey: ['audit', 'proof', seq], queryFn: () => apiGet(`/api/audit/entries/${seq}/proof`), enabled: seq !== undefined, retry: false });
}

export function useStatistics() {
  return useQuery<StatisticsResponse, ApiError>({ queryKey: ['statistics'], queryFn: () => apiGet('/api/statistics') });
}

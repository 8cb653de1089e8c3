import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoordinationCaseList, CoordinationView } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

export const coordinationKeys = {
  cases: ['coordination', 'cases'] as const,
  record: (caseId: string, asOf: string | null) => ['coordination', caseId, asOf ?? 'now'] as const,
};

/** The coordination record of a case (issue 14); a 404 means the reader's role does not reach it. */
export const useCoordination = (caseId: string, asOf: string | null, enabled: boolean) =>
  useQuery<CoordinationView, ApiError>({
    queryKey: coordinationKeys.record(caseId, asOf),
    queryFn: () => apiGet(`/api/cases/${caseId}/coordination${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`),
    enabled,
    retry: false,
  });

export const useCoordinationCases = () => useQuery<CoordinationCaseList, ApiError>({ queryKey: coordinationKeys.cases, queryFn: () => apiGet('/api/coordination/cases') });

export type CoordinationPath = 'crown-witness' | 'crown-witness/inventory' | 'crown-witness/deal-public' | 'coordination/consultations' | 'coordination/weighings' | `coordination/weighings/${string}/review`;

/** One write on the record; the answer is the new record, so the view updates without a reload. */
export function useCoordinationCommand(caseId: string, path: CoordinationPath) {
  const queryClient = useQueryClient();
  return useMutation<CoordinationView, ApiError, Record<string, unknown>>({
    mutationFn: (body) => apiPost(`/api/cases/${caseId}/${path}`, body),
    onSuccess: (view) => {
      queryClient.setQueryData(coordinationKeys.record(caseId, null), view);
      void queryClient.invalidateQueries({ queryKey: coordinationKeys.cases });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: coordinationKeys.record(caseId, null) }),
  });
}

import { useQuery } from '@tanstack/react-query';
import type { ObjectionsView } from '@hoeder/contracts';
import { apiGet, type ApiError } from './client';

/** The case's objections as they stood at a past moment (read-only; ADR 0031). */
export const useObjectionsAsOf = (caseId: string, asOf: string, enabled: boolean) =>
  useQuery<ObjectionsView, ApiError>({
    queryKey: ['case', caseId, 'objections', asOf],
    queryFn: () => apiGet(`/api/cases/${caseId}/objections?asOf=${encodeURIComponent(asOf)}`),
    enabled,
    retry: false,
  });

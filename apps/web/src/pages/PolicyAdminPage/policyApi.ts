import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PolicyImpactReport, PolicyValidationResult, PolicyVersionDetail, PolicyVersionSummary } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from '../../api/client';

const keys = { versions: ['policy', 'versions'] as const, version: (v: string) => ['policy', 'versions', v] as const };
const path = (version: string, action = '') => `/api/policy/versions/${encodeURIComponent(version)}${action ? `/${action}` : ''}`;

export const usePolicyVersions = () => useQuery<PolicyVersionSummary[], ApiError>({ queryKey: keys.versions, queryFn: () => apiGet('/api/policy/versions') });

export const usePolicyVersion = (version: string) =>
  useQuery<PolicyVersionDetail, ApiError>({ queryKey: keys.version(version), queryFn: () => apiGet(path(version)), staleTime: Infinity });

/** A write on a version; afterwards the list and the version are fetched again. */
function usePolicyWrite<TBody, TResult>(version: string, action: string) {
  const client = useQueryClient();
  return useMutation<TResult, ApiError, TBody>({
    mutationFn: (body) => apiPost(path(version, action), body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['policy'] }),
  });
}

export const useSaveDraft = (version: string) => usePolicyWrite<{ expectedRevision: number; effectiveFrom: string; summary: string; xml: string }, PolicyVersionSummary>(version, 'draft');
export const useTransition = (version: string, action: 'submit' | 'publish' | 'return') =>
  usePolicyWrite<{ expectedRevision: number; note?: string }, PolicyVersionSummary>(version, action);

export const useValidate = (version: string) =>
  useMutation<PolicyValidationResult, ApiError, string>({ mutationFn: (xml) => apiPost(path(version, 'validate'), { xml }) });

export const useImpact = (version: string) =>
  useMutation<PolicyImpactReport, ApiError, void>({ mutationFn: () => apiPost(path(version, 'impact'), {}) });

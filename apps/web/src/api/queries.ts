import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseListItem, CaseView, CommandAccepted, Me, TimelineEntry, UserSummary } from '@hoeder/contracts';
import { apiGet, apiPost, setCsrfToken, type ApiError } from './client';

export const queryKeys = {
  me: ['me'] as const,
  cases: ['cases'] as const,
  caseView: (caseId: string, asOf: string | null) => ['case', caseId, 'view', asOf] as const,
  timeline: (caseId: string) => ['case', caseId, 'timeline'] as const,
  users: ['users'] as const,
};

export function useMe() {
  return useQuery<Me, ApiError>({
    queryKey: queryKeys.me,
    queryFn: async () => {
      const me = await apiGet<Me>('/api/me');
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: Infinity,
  });
}

export function useCases(enabled = true) {
  return useQuery<CaseListItem[], ApiError>({ queryKey: queryKeys.cases, queryFn: () => apiGet('/api/cases'), enabled });
}

export function useCaseView(caseId: string, asOf: string | null, enabled = true) {
  const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  return useQuery<CaseView, ApiError>({
    queryKey: queryKeys.caseView(caseId, asOf),
    queryFn: () => apiGet(`/api/cases/${encodeURIComponent(caseId)}${query}`),
    enabled,
  });
}

export function useTimeline(caseId: string, enabled: boolean) {
  return useQuery<TimelineEntry[], ApiError>({
    queryKey: queryKeys.timeline(caseId),
    queryFn: () => apiGet(`/api/cases/${encodeURIComponent(caseId)}/timeline`),
    enabled,
  });
}

export function useUsers(enabled: boolean) {
  return useQuery<UserSummary[], ApiError>({ queryKey: queryKeys.users, queryFn: () => apiGet('/api/users'), enabled, staleTime: 60_000 });
}

export function useRegisterCase() {
  const client = useQueryClient();
  return useMutation<CommandAccepted, ApiError, unknown>({
    mutationFn: (body) => apiPost('/api/cases', body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.cases }),
  });
}

/**
 * A command on one case (path relative to the case). On success everything derived from the case
 * is refetched, so the page shows the new version and the actions of the new phase. `onAccepted`
 * is a hook-level callback on purpose: the form that sent the command may unmount when the phase
 * moves on, and callbacks given to `mutate` would then never run.
 */
export function useCaseCommand<TBody>(caseId: string, path: string, onAccepted?: (accepted: CommandAccepted) => void) {
  const client = useQueryClient();
  return useMutation<CommandAccepted, ApiError, TBody>({
    mutationFn: (body) => apiPost(`/api/cases/${encodeURIComponent(caseId)}/${path}`, body),
    onSuccess: async (accepted) => {
      onAccepted?.(accepted);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['case', caseId] }),
        client.invalidateQueries({ queryKey: queryKeys.cases }),
        // The work queues ("Voor mij", issue 13) change with the case.
        client.invalidateQueries({ queryKey: ['work'] }),
      ]);
    },
  });
}

/** After a version conflict: fetch the current case so the user can look again. */
export function useReloadCase(caseId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['case', caseId] });
}

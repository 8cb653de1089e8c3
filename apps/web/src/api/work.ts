import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseSearchResponse, NotificationView, WorkQueuesResponse } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

export const workKeys = {
  queues: ['work', 'queues'] as const,
  search: (query: string) => ['cases', 'search', query] as const,
};

/** The work waiting for the user ("Voor mij"); the navigation shows its total. */
export function useWorkQueues(enabled = true) {
  return useQuery<WorkQueuesResponse, ApiError>({ queryKey: workKeys.queues, queryFn: () => apiGet('/api/work/queues'), enabled, staleTime: 30_000 });
}

export interface CaseSearchParams {
  q?: string | undefined;
  phase?: string | undefined;
  phenomenon?: string | undefined;
  sort?: string | undefined;
  page: number;
  pageSize: number;
}

export const searchQueryString = (p: CaseSearchParams): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(p)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
};

/** A page of the overview, searched, filtered and sorted by the server; the last page stays shown while the next loads. */
export function useCaseSearch(p: CaseSearchParams) {
  const query = searchQueryString(p);
  return useQuery<CaseSearchResponse, ApiError>({ queryKey: workKeys.search(query), queryFn: () => apiGet(`/api/cases/search?${query}`), placeholderData: keepPreviousData });
}

/** Notifications of new work that is still waiting. */
export function useNotifications() {
  return useQuery<NotificationView[], ApiError>({ queryKey: ['work', 'notifications'], queryFn: () => apiGet('/api/notifications') });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation<{ notificationId: string }, ApiError, string>({
    mutationFn: (id) => apiPost(`/api/notifications/${encodeURIComponent(id)}/read`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['work', 'notifications'] }),
  });
}

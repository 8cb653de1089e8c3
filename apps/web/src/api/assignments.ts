import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignmentCommandAccepted, AssignmentDetail, AssignmentInbox, AssignmentListItem, AssignmentUnitDto, OperationalExtract } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

/** Security assignments (issue 11): the LCC inbox, one assignment, a unit's list and extract. */
export const assignmentKeys = {
  all: ['assignments'] as const,
  inbox: ['assignments', 'inbox'] as const,
  mine: ['assignments', 'mine'] as const,
  units: ['assignments', 'units'] as const,
  one: (id: string) => ['assignments', id] as const,
  extract: (id: string) => ['assignments', id, 'extract'] as const,
  ofCase: (caseId: string) => ['case', caseId, 'assignment'] as const,
};

const at = (id: string) => `/api/assignments/${encodeURIComponent(id)}`;

export const useAssignmentInbox = () => useQuery<AssignmentInbox, ApiError>({ queryKey: assignmentKeys.inbox, queryFn: () => apiGet('/api/assignments') });
export const useMyAssignments = () => useQuery<AssignmentListItem[], ApiError>({ queryKey: assignmentKeys.mine, queryFn: () => apiGet('/api/assignments/mine') });
export const useAssignment = (id: string, enabled = true) => useQuery<AssignmentDetail, ApiError>({ queryKey: assignmentKeys.one(id), queryFn: () => apiGet(at(id)), enabled });
export const useAssignmentExtract = (id: string, enabled = true) =>
  useQuery<OperationalExtract, ApiError>({ queryKey: assignmentKeys.extract(id), queryFn: () => apiGet(`${at(id)}/extract`), enabled });
export const useTaskableUnits = (enabled: boolean) =>
  useQuery<AssignmentUnitDto[], ApiError>({ queryKey: assignmentKeys.units, queryFn: () => apiGet('/api/assignments/taskable-units'), enabled, staleTime: 300_000 });
export const useCaseAssignment = (caseId: string, enabled: boolean) =>
  useQuery<AssignmentDetail | null, ApiError>({ queryKey: assignmentKeys.ofCase(caseId), queryFn: () => apiGet(`/api/cases/${encodeURIComponent(caseId)}/assignment`), enabled });

/** A step on one assignment; everything about assignments is fetched again afterwards. */
export function useAssignmentCommand<TBody>(id: string, path: 'accept' | 'units' | 'concepts' | 'acknowledge') {
  const client = useQueryClient();
  return useMutation<AssignmentCommandAccepted, ApiError, TBody>({
    mutationFn: (body) => apiPost(`${at(id)}/${path}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: assignmentKeys.all }),
  });
}

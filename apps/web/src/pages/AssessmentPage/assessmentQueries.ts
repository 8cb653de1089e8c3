import { useQuery } from '@tanstack/react-query';
import type { AssessmentView, ReassessmentDueList, VersionComparisonView } from '@hoeder/contracts';
import type { assessment } from '@hoeder/domain';
import { apiGet, type ApiError } from '../../api/client';

/** Below the case key, so every case command (DAF commands included) refreshes it. */
export const dafKey = (caseId: string) => ['case', caseId, 'assessment'] as const;
const path = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/assessment`;

export function useAssessment(caseId: string, enabled: boolean) {
  return useQuery<AssessmentView, ApiError>({ queryKey: dafKey(caseId), queryFn: () => apiGet(path(caseId)), enabled, retry: false });
}

export function useTemplates(enabled: boolean) {
  return useQuery<assessment.MethodTemplate[], ApiError>({ queryKey: ['assessment-templates'], queryFn: () => apiGet('/api/assessment-templates'), enabled, staleTime: Infinity });
}

export function useCompare(caseId: string, from: number, to: number, enabled: boolean) {
  return useQuery<VersionComparisonView, ApiError>({
    queryKey: [...dafKey(caseId), 'compare', from, to],
    queryFn: () => apiGet(`${path(caseId)}/compare?from=${from}&to=${to}`),
    enabled,
  });
}

/** The cases on the reader's list whose assessment needs re-assessment (server clock). */
export function useReassessmentDue(enabled = true) {
  return useQuery<ReassessmentDueList, ApiError>({ queryKey: ['cases', 'reassessment-due'], queryFn: () => apiGet('/api/assessments/reassessment-due'), enabled });
}

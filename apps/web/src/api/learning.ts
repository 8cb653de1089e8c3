import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseLearningView, LessonView, OpenEvaluationRequest, PolicyDraftFromLesson, RecordIncidentRequest, SharedLessonView } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

/** Incidents, evaluations and lessons (issue 14). */
export const learningKeys = {
  caseLearning: (caseId: string, asOf: string | null) => ['learning', caseId, asOf ?? 'now'] as const,
  lessons: ['lessons'] as const,
  policyLessons: (version: string) => ['policy-lessons', version] as const,
};

export const useCaseLearning = (caseId: string, asOf: string | null, enabled: boolean) =>
  useQuery<CaseLearningView, ApiError>({
    queryKey: learningKeys.caseLearning(caseId, asOf),
    queryFn: () => apiGet(`/api/cases/${caseId}/learning${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`),
    enabled,
  });

/** After any write: the case's view, the queues and the re-assessment list may all have moved. */
function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['learning', caseId] }), queryClient.invalidateQueries({ queryKey: learningKeys.lessons }), queryClient.invalidateQueries({ queryKey: ['work'] })]);
}

export function useRecordIncident(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation<{ incidentId: string }, ApiError, RecordIncidentRequest>({ mutationFn: (body) => apiPost(`/api/cases/${caseId}/incidents`, body), onSuccess: () => refresh() });
}

export function useOpenEvaluation(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation<{ evaluationId: string }, ApiError, OpenEvaluationRequest>({ mutationFn: (body) => apiPost(`/api/cases/${caseId}/evaluations`, body), onSuccess: () => refresh() });
}

export type EvaluationStepPath = 'contributions' | 'person-experience' | 'lessons' | 'close';

export function useEvaluationStep(caseId: string, evaluationId: string, path: EvaluationStepPath) {
  const refresh = useRefresh(caseId);
  return useMutation<{ version: number; lessonId?: string }, ApiError, Record<string, unknown>>({
    mutationFn: (body) => apiPost(`/api/cases/${caseId}/evaluations/${evaluationId}/${path}`, body),
    onSuccess: () => refresh(),
  });
}

export const useLessons = () => useQuery<SharedLessonView[], ApiError>({ queryKey: learningKeys.lessons, queryFn: () => apiGet('/api/lessons') });

export const usePolicyLessons = (version: string, enabled: boolean) =>
  useQuery<SharedLessonView[], ApiError>({ queryKey: learningKeys.policyLessons(version), queryFn: () => apiGet(`/api/policy/versions/${encodeURIComponent(version)}/lessons`), enabled });

export function useOpenPolicyDraft() {
  const queryClient = useQueryClient();
  return useMutation<PolicyDraftFromLesson, ApiError, string>({
    mutationFn: (lessonId) => apiPost(`/api/lessons/${lessonId}/policy-draft`, {}),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: learningKeys.lessons }), queryClient.invalidateQueries({ queryKey: ['policy'] })]),
  });
}

// ADR 0030: the lessons page with follow-up, release and the method-template link.
export const useLessonViews = () => useQuery<LessonView[], ApiError>({ queryKey: learningKeys.lessons, queryFn: () => apiGet('/api/lessons') });

export const useMethodTemplates = (enabled: boolean) =>
  useQuery<{ templateId: string; version: number; title: string }[], ApiError>({ queryKey: ['assessment-templates'], queryFn: () => apiGet('/api/assessment-templates'), enabled });

export type LessonActionPath = 'status' | 'release' | 'method-template';

export function useLessonAction(lessonId: string, path: LessonActionPath) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, Record<string, unknown>>({
    mutationFn: (body) => apiPost(`/api/lessons/${lessonId}/${path}`, body),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: learningKeys.lessons }), queryClient.invalidateQueries({ queryKey: ['work'] })]),
  });
}

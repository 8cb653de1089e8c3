import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgendaPostsView, AgendaView, OfficerImportResult, OfficerView, SaveAgendaRequest, UnitView } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

/** Master data and the person's agenda (issue 11). */
export const executionKeys = {
  units: ['units'] as const,
  officers: (unitId: string) => ['officers', unitId] as const,
  agenda: (caseId: string, asOf: string | null) => ['agenda', caseId, asOf ?? 'now'] as const,
};

export const useUnits = () => useQuery<UnitView[], ApiError>({ queryKey: executionKeys.units, queryFn: () => apiGet('/api/units') });

export const useOfficers = (unitId: string) =>
  useQuery<OfficerView[], ApiError>({ queryKey: executionKeys.officers(unitId), queryFn: () => apiGet(`/api/officers${unitId ? `?unitId=${encodeURIComponent(unitId)}` : ''}`) });

/** CSV files from spreadsheets end lines with CR LF; the API takes LF (no control characters). */
export const normaliseCsv = (csv: string) => csv.replace(/\r\n?/g, '\n');

export function useOfficerImport() {
  const queryClient = useQueryClient();
  return useMutation<OfficerImportResult, ApiError, { csv: string; dryRun: boolean }>({
    mutationFn: (body) => apiPost('/api/officers/import', { ...body, csv: normaliseCsv(body.csv) }),
    onSuccess: (result) => {
      if (result.applied) void queryClient.invalidateQueries({ queryKey: ['officers'] }).then(() => queryClient.invalidateQueries({ queryKey: executionKeys.units }));
    },
  });
}

export const useAgenda = (caseId: string, asOf: string | null) =>
  useQuery<AgendaView, ApiError>({ queryKey: executionKeys.agenda(caseId, asOf), queryFn: () => apiGet(`/api/cases/${caseId}/agenda${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`) });

export function useSaveAgenda(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation<AgendaView, ApiError, SaveAgendaRequest>({
    mutationFn: (body) => apiPost(`/api/cases/${caseId}/agenda`, body),
    onSuccess: (view) => queryClient.setQueryData(executionKeys.agenda(caseId, null), view),
  });
}

export const useAgendaPosts = (caseId: string, version: number) =>
  useQuery<AgendaPostsView, ApiError>({ queryKey: ['agenda-posts', caseId, version], queryFn: () => apiGet(`/api/cases/${caseId}/agenda/posts`) });

export function useRecordAbsence() {
  const queryClient = useQueryClient();
  return useMutation<OfficerView, ApiError, { officerId: string; from: string; until: string; reason: string }>({
    mutationFn: ({ officerId, ...body }) => apiPost(`/api/officers/${encodeURIComponent(officerId)}/absences`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['officers'] }),
  });
}

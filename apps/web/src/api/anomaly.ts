import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnomalyAlertsResponse, AnomalyAlertView, QualityMonitorResponse } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

/** Access anomaly alerts (issue 13, ADR 0026). */
export function useAnomalyAlerts() {
  return useQuery<AnomalyAlertsResponse, ApiError>({ queryKey: ['anomaly', 'alerts'], queryFn: () => apiGet('/api/oversight/alerts?status=all&limit=200') });
}

export function useCloseAlert(alertId: string) {
  const client = useQueryClient();
  return useMutation<AnomalyAlertView, ApiError, { finding: string }>({
    mutationFn: (body) => apiPost(`/api/oversight/alerts/${encodeURIComponent(alertId)}/close`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['anomaly', 'alerts'] });
      await client.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

export function useQualityMonitor() {
  return useQuery<QualityMonitorResponse, ApiError>({ queryKey: ['quality-monitor'], queryFn: () => apiGet('/api/quality-monitor?quarters=4') });
}

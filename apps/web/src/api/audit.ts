import { useQuery } from '@tanstack/react-query';
import type { AuditCheckpointsResponse } from '@hoeder/contracts';
import { apiGet, type ApiError } from './client';

/** The witness file as `audit:verify --witness` reads it, with the keys that signed it. */
export type WitnessDownload = Omit<AuditCheckpointsResponse, 'nextFromSize'>;

/** Every signed checkpoint, page by page (the server pages by tree size). */
async function fetchAllCheckpoints(): Promise<WitnessDownload> {
  let page = await apiGet<AuditCheckpointsResponse>('/api/audit/checkpoints');
  const checkpoints = [...page.checkpoints];
  while (page.nextFromSize !== null) {
    page = await apiGet<AuditCheckpointsResponse>(`/api/audit/checkpoints?fromSize=${page.nextFromSize}`);
    checkpoints.push(...page.checkpoints);
  }
  return { origin: page.origin, exportedAt: page.exportedAt, checkpoints, publicKeys: page.publicKeys };
}

export function useAuditCheckpoints() {
  return useQuery<WitnessDownload, ApiError>({ queryKey: ['audit', 'checkpoints'], queryFn: fetchAllCheckpoints });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DisruptionRequest, StartPlanningRunRequest } from '@hoeder/contracts';
import { apiGet, apiPost, type ApiError } from './client';

export type Domain = 'home' | 'transport' | 'work' | 'private';

export interface Quality {
  totalPosts: number;
  coveredPosts: number;
  shortfalls: number;
  scoreSoft: number;
  scoreHard: number;
}

export interface PlanningRun {
  runId: string;
  startDate: string;
  days: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  phase: string | null;
  progress: number;
  quality: Quality | null;
  cancelRequested: boolean;
  failure: string | null;
  versionId: string | null;
  requestedAt: string;
  /** A full plan, or a replan after a disruption (ADR 0027). */
  kind?: 'plan' | 'replan';
  parentVersionId?: string | null;
}

export interface RosterVersion {
  versionId: string;
  versionNo: number;
  startDate: string;
  days: number;
  origin: 'plan' | 'replan';
  parentVersionId: string | null;
  failure: string | null;
  quality: Quality;
  createdAt: string;
  publishedAt: string | null;
}

export interface PostLine {
  postId: string;
  caseId: string | null;
  caseReference: string | null;
  label: string;
  domain: Domain;
  day: number;
  date: string;
  shiftTypeId: string;
}

export interface OfficerLine {
  officerId: string;
  displayName: string;
  unitId: string;
  unitName: string;
}

export interface Move {
  officerId: string;
  displayName: string;
  unitId: string;
  date: string;
  from: { label: string; caseReference: string | null } | null;
  to: { label: string; caseReference: string | null } | null;
}

export interface Diff {
  changedCells: number;
  changedShare: number;
  moves: Move[];
}

export interface Shortfall extends PostLine {
  qualification: string | null;
  missing: number;
  reason: string;
  count: number | null;
  explanation: string;
}

interface Versioned<T> {
  version: RosterVersion & { change: DisruptionRequest | null; diff: Diff | null };
  view: T;
}

export type RosterOverview = Versioned<{
  cases: { caseId: string; caseReference: string | null; posts: number; assignments: number }[];
  units: { unitId: string; unitName: string; officers: number; assignments: number }[];
  shortfalls: Shortfall[];
  domains: { rows: { domain: Domain; posts: number; unstaffed: number }[]; privateGivesWayFirst: boolean } | null;
  visibleAssignments: number;
}>;

export type Cell = ({ kind: 'post' } & PostLine) | { kind: 'leave' | 'free' };

export type UnitRoster = Versioned<{ unitId: string; unitName: string; days: { day: number; date: string }[]; officers: (OfficerLine & { cells: Cell[] })[] }>;

export type CaseRoster = Versioned<{
  caseId: string;
  caseReference: string | null;
  posts: (PostLine & { needs: { qualification: string | null; count: number; officers: OfficerLine[]; shortfall: string | null }[] })[];
}>;

export type OfficerRoster = Versioned<OfficerLine & { cells: Cell[]; qualifications: string[]; days: { day: number; date: string }[] }>;

const enc = encodeURIComponent;

export function usePlanningRuns(enabled: boolean) {
  return useQuery<{ runs: PlanningRun[] }, ApiError>({
    queryKey: ['planning', 'runs'],
    queryFn: () => apiGet('/api/planning/runs'),
    enabled,
    // Polling is the progress bar's feed while a run is active.
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false),
  });
}

export function useRosterVersions() {
  return useQuery<{ versions: RosterVersion[]; scope: { kind: 'all' } | { kind: 'unit'; unitId: string } }, ApiError>({ queryKey: ['roster', 'versions'], queryFn: () => apiGet('/api/roster/versions') });
}

export const useRosterOverview = (versionId: string) =>
  useQuery<RosterOverview, ApiError>({ queryKey: ['roster', versionId], queryFn: () => apiGet(`/api/roster/versions/${enc(versionId)}`) });

export const useUnitRoster = (versionId: string, unitId: string) =>
  useQuery<UnitRoster, ApiError>({ queryKey: ['roster', versionId, 'unit', unitId], queryFn: () => apiGet(`/api/roster/versions/${enc(versionId)}/units/${enc(unitId)}`) });

export const useCaseRoster = (versionId: string, caseId: string) =>
  useQuery<CaseRoster, ApiError>({ queryKey: ['roster', versionId, 'case', caseId], queryFn: () => apiGet(`/api/roster/versions/${enc(versionId)}/cases/${enc(caseId)}`) });

export const useOfficerRoster = (versionId: string, officerId: string) =>
  useQuery<OfficerRoster, ApiError>({ queryKey: ['roster', versionId, 'officer', officerId], queryFn: () => apiGet(`/api/roster/versions/${enc(versionId)}/officers/${enc(officerId)}`) });

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation<PlanningRun, ApiError, StartPlanningRunRequest>({
    mutationFn: (body) => apiPost('/api/planning/runs', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['planning', 'runs'] }),
  });
}

export function useCancelRun() {
  const qc = useQueryClient();
  return useMutation<PlanningRun, ApiError, string>({
    mutationFn: (runId) => apiPost(`/api/planning/runs/${enc(runId)}/cancel`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['planning', 'runs'] }),
  });
}

export function usePublish() {
  const qc = useQueryClient();
  return useMutation<RosterVersion, ApiError, string>({
    mutationFn: (versionId) => apiPost(`/api/roster/versions/${enc(versionId)}/publish`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['roster'] }),
  });
}

/** Reports a disruption: the answer is the replan run on the queue (ADR 0027), to follow with `usePlanningRun`. */
export function useDisruption(versionId: string) {
  return useMutation<PlanningRun, ApiError, DisruptionRequest>({
    mutationFn: (body) => apiPost(`/api/roster/versions/${enc(versionId)}/disruptions`, body),
  });
}

const active = (run: PlanningRun | undefined) => !run || run.status === 'queued' || run.status === 'running';

/** One run, polled quickly while it is active: a replan's progress bar (it takes about a second). */
export function usePlanningRun(runId: string | null) {
  const qc = useQueryClient();
  return useQuery<PlanningRun, ApiError>({
    queryKey: ['planning', 'run', runId],
    queryFn: async () => {
      const run = await apiGet<PlanningRun>(`/api/planning/runs/${enc(runId ?? '')}`);
      if (!active(run)) void qc.invalidateQueries({ queryKey: ['roster'] });
      return run;
    },
    enabled: runId !== null,
    refetchInterval: (q) => (active(q.state.data) ? 250 : false),
  });
}

export interface CapacityWeek {
  startDate: string;
  groups: { group: 'police' | 'kmar' | 'private' | 'any'; demandHours: number; availableHours: number; utilisation: number; bottleneck: boolean; cases: { caseId: string | null; caseReference: string | null; hours: number; posts: number }[] }[];
}

export const useCapacity = () => useQuery<{ startDate: string; weeks: CapacityWeek[] }, ApiError>({ queryKey: ['capacity'], queryFn: () => apiGet('/api/capacity') });

export interface Scenario {
  scenarioId: string;
  kind: 'unit-loses-officers' | 'case-escalates' | 'new-cases';
  params: { kind: string; unitId?: string; count?: number; caseId?: string; factor?: number };
  createdAt: string;
  result: {
    coverage: { before: number; after: number; totalBefore: number; totalAfter: number };
    domains: { domain: Domain; before: number; after: number }[];
    privateFirst: boolean;
    newlyUnstaffed: { postId: string; caseReference: string | null; label: string; domain: Domain; date: string; shiftTypeId: string }[];
    newlyUnstaffedCount: number;
    unitsOver: { unitId: string; before: number; after: number }[];
  };
}

export const useScenarios = (versionId: string, enabled: boolean) =>
  useQuery<{ scenarios: Scenario[] }, ApiError>({ queryKey: ['roster', versionId, 'scenarios'], queryFn: () => apiGet(`/api/roster/versions/${enc(versionId)}/scenarios`), enabled });

export function useRunScenario(versionId: string) {
  const qc = useQueryClient();
  return useMutation<Scenario, ApiError, Record<string, unknown>>({
    mutationFn: (body) => apiPost(`/api/roster/versions/${enc(versionId)}/scenarios`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['roster', versionId, 'scenarios'] }),
  });
}

// Shared by the scale diagnostics (probe.ts, ab.ts): the routes they measure and CPU time from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import type { RouteSpec } from './measure';

/** The benchmark's routes by id; `case` and `reference` only where a case and a reference are given. */
export function diagnosticRoutes(o: { besluit: string; name: string; typical?: string; reference?: string }): Record<string, RouteSpec> {
  const month = new Date(Date.now() - 90 * 86_400_000);
  const from = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1)).toISOString();
  const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1) - 1).toISOString();
  const q = (p: Record<string, string>) => new URLSearchParams(p).toString();
  return {
    overview: { id: 'overview', label: 'overview', user: 'besluit', path: '/api/cases/search', goalMs: 100 },
    ...(o.reference ? { reference: { id: 'reference', label: 'reference', user: 'besluit', path: `/api/cases/search?${q({ q: o.reference.slice(-8) })}`, goalMs: 100 } } : {}),
    name: { id: 'name', label: 'name', user: 'besluit', path: `/api/cases/search?${q({ q: o.name })}`, goalMs: 100 },
    ...(o.typical ? { case: { id: 'case', label: 'audit case', user: 'inspectie', path: `/api/audit/entries?${q({ caseId: o.typical })}`, goalMs: 200 } } : {}),
    actor: { id: 'actor', label: 'audit actor', user: 'inspectie', path: `/api/audit/entries?${q({ actorId: o.besluit })}`, goalMs: 200 },
    period: { id: 'period', label: 'audit period', user: 'inspectie', path: `/api/audit/entries?${q({ from, to })}`, goalMs: 200 },
    operation: { id: 'operation', label: 'audit operation', user: 'inspectie', path: `/api/audit/entries?${q({ operation: 'case.view' })}`, goalMs: 200 },
  };
}

/** utime+stime (+ reaped children's) of a process, and of its live children when asked, in seconds. */
export function procCpuSeconds(pid: number, withChildren: boolean): number {
  const stat = (p: number) => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
    } catch {
      return null;
    }
  };
  let ticks = stat(pid)?.ticks ?? 0;
  if (withChildren) for (const d of readdirSync('/proc')) if (/^\d+$/.test(d) && stat(Number(d))?.ppid === pid) ticks += stat(Number(d))!.ticks;
  return ticks / 100;
}

import { DOMAIN_PRIORITY, explainShortfall, qualificationLabel, shortfallCount, type ActivityClass } from '@hoeder/domain';
import type { RosterReadGrant } from '@hoeder/db';
import type { Post } from '@hoeder/planner';
import type { PlanningInput } from './planning-input';
import { dateOf, type RosterPlan } from './roster-document';

/** A roster version opened for viewing: its input, plan and the reader's scope. */
export interface OpenRoster {
  input: PlanningInput;
  plan: RosterPlan;
  scope: RosterReadGrant['scope'];
  unitNames: ReadonlyMap<string, string>;
}

const inScope = (r: OpenRoster, officerId: string) => r.scope.kind === 'all' || r.input.officers[officerId]?.unitId === r.scope.unitId;

/** The assignments the reader may see: all for the LCC, their unit's officers' for a unit lead. */
export const visibleAssignments = (r: OpenRoster) => r.plan.assignments.filter((a) => inScope(r, a.officerId));

const postById = (r: OpenRoster) => new Map(r.input.problem.posts.map((p) => [p.id, p]));

function postLine(r: OpenRoster, post: Post) {
  const meta = r.input.posts[post.id];
  return {
    postId: post.id,
    caseId: meta?.caseId ?? null,
    caseReference: meta?.caseReference ?? null,
    label: meta?.label ?? post.activity,
    domain: (meta?.domain ?? post.priority) as ActivityClass,
    day: post.day,
    date: dateOf(r.input.period.startDate, post.day),
    shiftTypeId: post.shiftTypeId,
  };
}

const officerLine = (r: OpenRoster, officerId: string) => {
  const meta = r.input.officers[officerId];
  const unitId = meta?.unitId ?? '';
  return { officerId, displayName: meta?.displayName ?? officerId, unitId, unitName: r.unitNames.get(unitId) ?? unitId };
};

/** Every shortfall with its Dutch explanation; private activities first: they give way first (DOMAIN §5). */
export function explainedShortfalls(r: OpenRoster) {
  if (r.scope.kind !== 'all') return [];
  const posts = postById(r);
  const order = (d: ActivityClass) => (d === 'private' ? 0 : 1 + DOMAIN_PRIORITY.indexOf(d));
  return r.plan.shortfalls
    .map((s) => ({ ...postLine(r, posts.get(s.postId)!), needIndex: s.needIndex, qualification: s.qualification, qualificationLabel: qualificationLabel(s.qualification), missing: s.missing, reason: s.reason, count: shortfallCount(s.detail), explanation: explainShortfall(s) }))
    .sort((a, b) => order(a.domain) - order(b.domain) || a.day - b.day || a.postId.localeCompare(b.postId));
}

/** Posts and shortfalls per activity domain: the evidence that work went before private. */
export function domainBalance(r: OpenRoster) {
  const short = new Set(r.plan.shortfalls.map((s) => s.postId));
  const rows = DOMAIN_PRIORITY.map((domain) => {
    const posts = r.input.problem.posts.filter((p) => (r.input.posts[p.id]?.domain ?? p.priority) === domain);
    return { domain, posts: posts.length, unstaffed: posts.filter((p) => short.has(p.id)).length };
  });
  const privateRow = rows.find((x) => x.domain === 'private')!;
  const workRow = rows.find((x) => x.domain === 'work')!;
  const share = (x: { posts: number; unstaffed: number }) => (x.posts === 0 ? 0 : x.unstaffed / x.posts);
  return { rows, privateGivesWayFirst: privateRow.unstaffed > 0 && share(privateRow) >= share(workRow) };
}

/** The overview: per case and per unit what the reader may see, and (LCC) every shortfall explained. */
export function rosterOverview(r: OpenRoster) {
  const posts = postById(r);
  const visible = visibleAssignments(r);
  const cases = new Map<string, { caseId: string; caseReference: string | null; posts: Set<string>; assignments: number }>();
  const units = new Map<string, { unitId: string; unitName: string; officers: Set<string>; assignments: number }>();
  for (const a of visible) {
    const line = postLine(r, posts.get(a.postId)!);
    if (line.caseId) {
      const c = cases.get(line.caseId) ?? { caseId: line.caseId, caseReference: line.caseReference, posts: new Set(), assignments: 0 };
      c.posts.add(a.postId);
      c.assignments += 1;
      cases.set(line.caseId, c);
    }
    const o = officerLine(r, a.officerId);
    const u = units.get(o.unitId) ?? { unitId: o.unitId, unitName: o.unitName, officers: new Set(), assignments: 0 };
    u.officers.add(a.officerId);
    u.assignments += 1;
    units.set(o.unitId, u);
  }
  if (r.scope.kind === 'all') {
    for (const unit of r.input.problem.units) if (!units.has(unit.id)) units.set(unit.id, { unitId: unit.id, unitName: r.unitNames.get(unit.id) ?? unit.name, officers: new Set(), assignments: 0 });
  }
  return {
    cases: [...cases.values()].map((c) => ({ caseId: c.caseId, caseReference: c.caseReference, posts: c.posts.size, assignments: c.assignments })).sort((a, b) => (a.caseReference ?? '').localeCompare(b.caseReference ?? '')),
    units: [...units.values()].map((u) => ({ unitId: u.unitId, unitName: u.unitName, officers: u.officers.size, assignments: u.assignments })).sort((a, b) => a.unitId.localeCompare(b.unitId)),
    shortfalls: explainedShortfalls(r),
    domains: r.scope.kind === 'all' ? domainBalance(r) : null,
  };
}

/** Who covers which post of one case when; undefined when the reader sees nothing of it. */
export function caseRoster(r: OpenRoster, caseId: string) {
  const visible = visibleAssignments(r);
  const casePosts = r.input.problem.posts.filter((p) => r.input.posts[p.id]?.caseId === caseId);
  const shown = r.scope.kind === 'all' ? casePosts : casePosts.filter((p) => visible.some((a) => a.postId === p.id));
  if (shown.length === 0) return undefined;
  const shortfalls = explainedShortfalls(r);
  const rows = shown
    .sort((a, b) => a.day - b.day || a.shiftTypeId.localeCompare(b.shiftTypeId))
    .map((p) => ({
      ...postLine(r, p),
      needs: p.needs.map((n, i) => ({
        qualification: n.qualification,
        qualificationLabel: qualificationLabel(n.qualification),
        count: n.count,
        officers: visible.filter((a) => a.postId === p.id && a.needIndex === i).map((a) => officerLine(r, a.officerId)),
        shortfall: shortfalls.find((s) => s.postId === p.id && s.needIndex === i)?.explanation ?? null,
      })),
    }));
  return { caseId, caseReference: r.input.posts[shown[0]!.id]?.caseReference ?? null, posts: rows };
}

/** One unit's officers over the period's days (a timeline): undefined outside the reader's scope. */
export function unitRoster(r: OpenRoster, unitId: string) {
  if (r.scope.kind === 'unit' && r.scope.unitId !== unitId) return undefined;
  const unit = r.input.problem.units.find((u) => u.id === unitId);
  if (!unit) return undefined;
  const posts = postById(r);
  const officers = r.input.problem.officers.filter((o) => o.unitId === unitId);
  const byCell = new Map(r.plan.assignments.map((a) => [`${a.officerId}|${a.day}`, a]));
  const days = Array.from({ length: r.input.period.days }, (_, d) => ({ day: d, date: dateOf(r.input.period.startDate, d) }));
  return {
    unitId,
    unitName: r.unitNames.get(unitId) ?? unit.name,
    days,
    officers: officers.map((o) => ({
      ...officerLine(r, o.id),
      cells: days.map(({ day }) => {
        const a = byCell.get(`${o.id}|${day}`);
        if (a) return { kind: 'post' as const, ...postLine(r, posts.get(a.postId)!) };
        return { kind: o.leaveDays.includes(day) ? ('leave' as const) : ('free' as const) };
      }),
    })),
  };
}

/** One officer's days; undefined outside the reader's scope. */
export function officerRoster(r: OpenRoster, officerId: string) {
  const officer = r.input.problem.officers.find((o) => o.id === officerId);
  if (!officer || !inScope(r, officerId)) return undefined;
  const unit = unitRoster({ ...r, scope: { kind: 'all' } }, officer.unitId)!;
  const row = unit.officers.find((o) => o.officerId === officerId)!;
  return { ...row, qualifications: officer.qualifications.map(qualificationLabel), days: unit.days };
}

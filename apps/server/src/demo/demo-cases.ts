import type { RegisterCaseRequest } from '@hoeder/contracts';
import { classificationRank, type CaseCommand, type CaseFacts, type CasePhase, type Classification, type ThreatLevel, type ThreatPhenomenon } from '@hoeder/domain';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { syntheticName, type SeededRandom } from './demo-random';

const accountOf = (username: string) => {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account;
};

/** The plan's threat assessment: the seed carries it out through the DAF, which records it in the case. */
export interface DafAssessmentPlan {
  type: 'AssessThroughDaf';
  threatLevel: ThreatLevel;
  validUntil: string;
}

export interface DemoStep {
  as: string;
  command: CaseCommand | DafAssessmentPlan;
}

export interface DemoCasePlan {
  target: CasePhase;
  registration: RegisterCaseRequest;
  steps: DemoStep[];
}

/** How many demo cases end in each phase: a realistic spread, most of them with active measures. */
const PHASE_MIX: readonly [CasePhase, number][] = [
  ['registered', 8],
  ['handed_off', 8],
  ['closed_advice', 6],
  ['in_assessment', 10],
  ['assessed', 8],
  ['decision_pending_approval', 8],
  ['measures_active', 24],
  ['ended', 8],
];

const NATIONAL: readonly ThreatPhenomenon[] = ['organised_crime', 'organised_crime', 'organised_crime', 'state_actor', 'state_actor', 'terrorism', 'radicalised_loner'];
// The LCC and the executing units are never case members: they reach a case through its security
// assignment (issue 11), which the seed issues and tasks through the real commands.
const TEAM = ['analist', 'analist2', 'besluit', 'besluit2', 'liaison'];
const POLICY_PHENOMENA = ['organised_crime', 'terrorism', 'state_actor', 'radicalised_loner'] as const;

const SYNTHETIC = '[SYNTHETISCHE DEMODATA]';

export function registration(r: SeededRandom, phenomenon: ThreatPhenomenon): RegisterCaseRequest {
  const household = r.int(0, 3);
  return {
    referralSource: r.pick(['public_prosecutor_transfer', 'police_unit', 'mayor', 'other'] as const),
    referrerDescription: `${SYNTHETIC} Eenheid ${r.pick(['Amsterdam', 'Rotterdam', 'Den Haag', 'Midden-Nederland', 'Oost-Brabant', 'Noord-Nederland'])}`,
    reportedPhenomenon: phenomenon,
    firstInformation: `${SYNTHETIC} Signalen van dreiging richting de betrokkene; nadere duiding volgt.`,
    classification: r.pick(['dep_confidential', 'dep_confidential', 'stg_confidential'] as const),
    persons: [
      { role: 'threatened_person', fullName: syntheticName(r), dateOfBirth: `19${r.int(55, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}` },
      ...Array.from({ length: household }, (_, i) => ({ role: 'household_member' as const, fullName: syntheticName(r), relation: i === 0 ? 'partner' : 'kind', relationCode: i === 0 ? ('partner' as const) : ('child' as const) })),
    ],
  };
}

const date = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

function triage(target: CasePhase, phenomenon: ThreatPhenomenon): DemoStep {
  const facts = { phenomenon, onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: target === 'closed_advice' };
  if (target === 'handed_off') {
    return { as: 'triage', command: { type: 'CompleteTriage', facts, outcome: 'local_domain', motivation: 'Dreiging past in het lokale domein; overgedragen.', handOffTo: 'mayor', handOffNote: 'Overgedragen aan de burgemeester (driehoek).' } };
  }
  const outcome = target === 'closed_advice' ? 'not_eligible' : 'national';
  return { as: 'triage', command: { type: 'CompleteTriage', facts, outcome, motivation: 'Beoordeeld aan de hand van de triagecriteria; zie aanmelding.' } };
}

/** Steps after registration, cut off where the case's target phase is reached. */
function stepsFor(r: SeededRandom, target: CasePhase, phenomenon: ThreatPhenomenon, classification: Classification): DemoStep[] {
  const local = target === 'handed_off' ? ['stalking', 'relational_violence'] as const : undefined;
  const cleared = (u: string) => classificationRank(accountOf(u).clearance) >= classificationRank(classification);
  const steps: DemoStep[] = TEAM.filter(cleared).map((u) => ({ as: 'triage', command: { type: 'AssignMember', userId: accountOf(u).userId } }));
  if (target === 'registered') return steps.slice(0, 2);
  steps.push(triage(target, local ? r.pick(local) : phenomenon));
  if (['handed_off', 'closed_advice', 'in_assessment'].includes(target)) return steps;
  // The seed carries this out through the DAF (items, draft, challenge, final): see assessThroughDaf.
  steps.push({ as: 'analist', command: { type: 'AssessThroughDaf', threatLevel: r.pick(['medium', 'high', 'very_high'] as const), validUntil: date(r.int(60, 200)) } });
  if (target === 'assessed') return steps;
  steps.push(decisionStep(r, phenomenon));
  if (target === 'decision_pending_approval') return steps;
  steps.push({ as: 'besluit2', command: { type: 'ApproveDecision', decisionId: '', note: 'Akkoord (vier ogen).' } });
  if (target === 'ended') steps.push({ as: 'besluit', command: { type: 'EndCase', reason: 'Dreiging weggenomen na herijking.' } });
  return steps;
}

/**
 * The decision maker states the policy facts; the seed fills in the threat level of the latest
 * assessment when it proposes (see demo-seed). About one in six decisions deviates from the
 * policy's proposal, with a motivation, so the deviation report has content.
 */
function decisionStep(r: SeededRandom, phenomenon: ThreatPhenomenon): DemoStep {
  const facts: CaseFacts = {
    phenomenon: (POLICY_PHENOMENA as readonly string[]).includes(phenomenon) ? (phenomenon as CaseFacts['phenomenon']) : 'organised_crime',
    threatLevel: r.pick(['medium', 'high', 'very_high'] as const),
    ownResistance: r.pick(['partial', 'insufficient'] as const),
    threatDuration: r.pick(['short', 'long'] as const),
    activityDomains: r.pick([['home', 'work', 'transport', 'private'], ['home', 'work', 'transport'], ['home', 'private']] as const).slice(),
    cooperation: r.int(0, 9) > 0,
    integrityRisk: r.int(0, 7) === 0,
    employerMeasures: r.pick(['adequate', 'partial', 'none', 'not_applicable'] as const),
    hasPartner: r.int(0, 1) === 1,
    hasChildren: r.int(0, 2) === 0,
  };
  const deviate = r.int(0, 5) === 0;
  return {
    as: 'besluit',
    command: {
      type: 'ProposeDecision',
      decisionId: crypto.randomUUID(),
      facts,
      // Issue 12 item 3: every proposal states its overrides; the seed takes sourced facts as they are.
      factOverrides: [],
      ...(deviate ? { deviationMotivation: 'Recent incident bij de woning rechtvaardigt tijdelijk zwaardere beveiliging (synthetisch).' } : {}),
      motivation: 'Pakket volgens het beleid; benodigde weerstand volgt uit de dreigingsinschatting.',
      reviewDate: date(r.int(-20, 120)),
    },
  };
}

export function demoCasePlans(r: SeededRandom): DemoCasePlan[] {
  return PHASE_MIX.flatMap(([target, count]) =>
    Array.from({ length: count }, () => {
      const phenomenon = r.pick(NATIONAL);
      const reg = registration(r, phenomenon);
      return { target, registration: reg, steps: stepsFor(r, target, phenomenon, reg.classification) };
    }),
  );
}

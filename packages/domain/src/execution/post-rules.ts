import type { ActivityDomain } from '../policy/measures';
import type { ResistanceLevel } from '../shared/vocabulary';
import type { Qualification } from './officers';
import type { UnitKind } from './units';

/**
 * Which measure, on which activities of the person's day, needs how many officers with which
 * qualification in which shifts, and which kinds of unit may staff it (issue 11 item 4). Versioned
 * data with a Dutch explanation per rule, like the triage rules and the package policy: a new
 * version is added with its effective date; old versions stay so past rosters stay explainable.
 * The figures are synthetic: operational details of security concepts are never public (DOMAIN §6).
 */
export interface PostNeedRule {
  qualification: Qualification;
  count: number;
  /** Extra officers at a heavier resistance level. */
  extra?: Partial<Record<ResistanceLevel, number>>;
}

export interface PostRule {
  id: string;
  /** Measure codes this rule serves (policy codes and the legacy catalogue's). */
  measures: string[];
  /** Activities of these domains are covered. */
  domains: ActivityDomain[];
  /**
   * `activity`: the shifts covering each activity's time window; `shifts`: the listed shifts on
   * every day the person has such an activity (a home guard through the night, for instance).
   */
  coverage: { kind: 'activity' } | { kind: 'shifts'; shifts: string[] };
  needs: PostNeedRule[];
  allowedUnitKinds: UnitKind[];
  /** Not applied when one of these measures is active too (a heavier concept covers it). */
  supersededBy?: string[];
  explanationNl: string;
}

export interface PostRuleset {
  version: string;
  effectiveFrom: string;
  rules: PostRule[];
  /** Measures that never need officers on a post, with why (advice, technique, follow-up). */
  withoutPosts: Record<string, string>;
}

const CLOSE: UnitKind[] = ['dkdb', 'be', 'bb', 'bsb', 'hrb', 'contingent'];
const GUARD: UnitKind[] = ['be', 'bb', 'bsb', 'hrb', 'contingent'];
const WATCH: UnitKind[] = ['camera', 'bb', 'private-support'];

export const POST_RULESETS: readonly PostRuleset[] = [
  {
    version: 'posts-2026.1',
    effectiveFrom: '2026-01-01',
    rules: [
      {
        id: 'PR-HOME-STATIC-GUARD',
        measures: ['static_guard_home'],
        domains: ['home'],
        coverage: { kind: 'shifts', shifts: ['early', 'late', 'night'] },
        needs: [{ qualification: 'armed', count: 1, extra: { R4: 1 } }],
        allowedUnitKinds: GUARD,
        explanationNl: 'Bewaking van de woning: dag en nacht één bewapende beveiliger in drie diensten (vroeg, laat, nacht) op elke dag dat de persoon thuis verblijft; bij R4 twee.',
      },
      {
        id: 'PR-HOME-CAMERA',
        measures: ['camera_surveillance_home', 'camera_surveillance'],
        domains: ['home'],
        coverage: { kind: 'shifts', shifts: ['night'] },
        needs: [{ qualification: 'surveillance', count: 1 }],
        allowedUnitKinds: WATCH,
        supersededBy: ['static_guard_home'],
        explanationNl: 'Cameratoezicht bij de woning: één medewerker toezicht in de nachtdienst op dagen dat de persoon thuis is; vervalt als de woning al fysiek bewaakt wordt.',
      },
      {
        id: 'PR-WORK-GUARD',
        measures: ['guard_workplace', 'close_protection_work'],
        domains: ['work'],
        coverage: { kind: 'activity' },
        needs: [{ qualification: 'close-protection', count: 1, extra: { R3: 1, R4: 1 } }, { qualification: 'team-lead', count: 0, extra: { R4: 1 } }],
        allowedUnitKinds: CLOSE,
        explanationNl: 'Bewaking op de werkplek: persoonsbeveiligers zolang de persoon werkt (één; twee bij R3 en R4, met een teamleider bij R4). Werk gaat voor privé.',
      },
      {
        id: 'PR-WORK-CAMERA',
        measures: ['camera_surveillance_work'],
        domains: ['work'],
        coverage: { kind: 'activity' },
        needs: [{ qualification: 'surveillance', count: 1 }],
        allowedUnitKinds: WATCH,
        supersededBy: ['guard_workplace', 'close_protection_work'],
        explanationNl: 'Cameratoezicht op de werkplek: één medewerker toezicht zolang de persoon werkt, tenzij de werkplek al bewaakt wordt.',
      },
      {
        id: 'PR-TRANSPORT-PROTECTED',
        measures: ['protected_transport', 'armoured_transport'],
        domains: ['transport'],
        coverage: { kind: 'activity' },
        needs: [{ qualification: 'driver', count: 1 }, { qualification: 'close-protection', count: 1, extra: { R4: 1 } }],
        allowedUnitKinds: ['dkdb', 'be', 'bsb', 'hrb'],
        explanationNl: 'Beveiligd vervoer: een beveiligingschauffeur en een persoonsbeveiliger bij elke reisbeweging (twee beveiligers bij R4); alleen landelijke eenheden.',
      },
      {
        id: 'PR-TRANSPORT-ESCORT',
        measures: ['escort_work_travel'],
        domains: ['transport', 'work'],
        coverage: { kind: 'activity' },
        needs: [{ qualification: 'close-protection', count: 1 }],
        allowedUnitKinds: CLOSE,
        supersededBy: ['protected_transport', 'armoured_transport', 'guard_workplace', 'close_protection_work'],
        explanationNl: 'Begeleiding bij woon-werkverkeer en werkafspraken: één persoonsbeveiliger bij reizen en werk, tenzij beveiligd vervoer of bewaking op het werk dat al dekt.',
      },
      {
        id: 'PR-PRIVATE-ESCORT',
        measures: ['escort_private_activities', 'close_protection_private'],
        domains: ['private'],
        coverage: { kind: 'activity' },
        needs: [{ qualification: 'close-protection', count: 1, extra: { R4: 1 } }],
        allowedUnitKinds: CLOSE,
        explanationNl: 'Begeleiding bij geplande privéactiviteiten: één persoonsbeveiliger (twee bij R4). Bij krapte vallen privéactiviteiten als eerste af: werk gaat voor privé.',
      },
    ],
    withoutPosts: {
      inform_and_advise: 'Informeren en adviseren gebeurt door het gezag en de liaison, niet op een post.',
      protection_under_conditions: 'Een voorwaarde bij de beveiliging, geen inzet op straat.',
      counter_intelligence_advice: 'Advies, geen inzet op straat.',
      security_advice_home: 'Advies, geen inzet op straat.',
      alarm_follow_up_home: 'Alarmopvolging door de regionale eenheid bij een melding, niet vooraf ingeroosterd.',
      technical_measures_home: 'Bouwkundige en technische maatregelen, geen inzet van personen.',
      employer_advice: 'Advies aan de werkgever, geen inzet op straat.',
      alarm_follow_up_work: 'Alarmopvolging bij een melding, niet vooraf ingeroosterd.',
      travel_advice: 'Advies, geen inzet op straat.',
      private_activity_advice: 'Advies, geen inzet op straat.',
      private_activity_restrictions: 'Een beperking van privéactiviteiten, geen inzet op straat.',
      security_advice: 'Advies, geen inzet op straat.',
      employer_security_plan: 'Maatregel van de werkgever.',
    },
  },
];

/** The ruleset in effect on a date (the newest one that has started). */
export function postRulesetInEffect(on: string, rulesets: readonly PostRuleset[] = POST_RULESETS): PostRuleset | undefined {
  return [...rulesets].filter((r) => r.effectiveFrom <= on).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? rulesets[0];
}

/**
 * Penalty per missing officer: the planner's weights per domain, scaled by the activity's
 * priority. Work before private (DOMAIN §5): the lowest work weight (80) stays above the highest
 * private weight (48), so no priority can put a private activity before work.
 */
export const DOMAIN_UNDER_WEIGHT: Record<ActivityDomain, number> = { home: 150, transport: 130, work: 100, private: 40 };
export const PRIORITY_FACTOR = { high: 1.2, normal: 1, low: 0.8 } as const;

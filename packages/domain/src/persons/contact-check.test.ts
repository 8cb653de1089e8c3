import { describe, expect, it } from 'vitest';
import type { ActiveDecision } from '../cases/case-state';
import { checkAgainstDecision, datesIn } from './contact-check';

const chosen = {
  resistanceLevel: 'R3' as const,
  measures: { general: ['inform_and_advise'], home: ['camera_surveillance_home', 'alarm_follow_up_home'], work: [], transport: ['travel_advice'], private: [] },
  careModules: ['care_person'],
  reviewPeriodMonths: 6,
};
// Only the parts of a decision the check reads; the rest of the policy record plays no part.
const decision = {
  decisionId: 'd1',
  resistanceLevel: 'R3',
  reviewDate: '2027-03-01',
  motivation: 'm',
  basedOnAssessmentId: 'a1',
  proposedBy: 'u1',
  policy: { chosen },
} as unknown as ActiveDecision;

describe('the contradiction check against the decision in force', () => {
  it('finds nothing in a message that agrees with the package', () => {
    expect(checkAgainstDecision('Wij hebben het cameratoezicht bij uw woning besproken; R3 blijft van kracht tot de herbeoordeling op 1 maart 2027.', decision)).toEqual([]);
  });

  it('warns when the message mentions a measure that is not in the active package', () => {
    expect(checkAgainstDecision('Vanaf maandag krijgt u bewaking bij uw woning en een chauffeur.', decision)).toEqual([
      { code: 'measure_not_in_package', mentioned: 'guard', inForce: null },
      { code: 'measure_not_in_package', mentioned: 'transport', inForce: null },
    ]);
  });

  it('does not warn when the measure is mentioned as not given', () => {
    expect(checkAgainstDecision('U krijgt geen bewaking; dat past niet bij de dreiging.', decision)).toEqual([]);
  });

  it('warns for a different resistance level', () => {
    expect(checkAgainstDecision('Uw beveiliging is vastgesteld op niveau R4.', decision)).toEqual([{ code: 'resistance_level_differs', mentioned: 'R4', inForce: 'R3' }]);
  });

  it('warns for a different review date, written in any of the usual ways', () => {
    expect(checkAgainstDecision('De herbeoordeling is op 15-03-2027.', decision)).toEqual([{ code: 'review_date_differs', mentioned: '2027-03-15', inForce: '2027-03-01' }]);
    expect(checkAgainstDecision('De herbeoordeling is op 2027-03-01.', decision)).toEqual([]);
  });

  it('ignores dates that are not about the review', () => {
    expect(checkAgainstDecision('Ons volgende gesprek is op 15-03-2027.', decision)).toEqual([]);
  });

  it('warns when measures are promised while no decision is in force', () => {
    expect(checkAgainstDecision('U krijgt cameratoezicht.', undefined)).toEqual([{ code: 'no_decision_in_force', mentioned: 'camera', inForce: null }]);
    expect(checkAgainstDecision('We spraken over uw werk.', undefined)).toEqual([]);
  });

  it('reads the legacy catalogue package of older decisions', () => {
    const legacy = { ...decision, policy: undefined, packageCode: 'P2-SURVEILLANCE' } as ActiveDecision;
    expect(checkAgainstDecision('Het cameratoezicht blijft.', legacy)).toEqual([]);
    expect(checkAgainstDecision('U krijgt persoonsbeveiliging.', legacy)).toEqual([{ code: 'measure_not_in_package', mentioned: 'escort', inForce: null }]);
  });

  it('reads ISO, numeric and written Dutch dates', () => {
    expect(datesIn('op 2027-03-01, 1-3-2027, 01/03/2027 en 1 maart 2027')).toEqual(['2027-03-01', '2027-03-01', '2027-03-01', '2027-03-01']);
  });
});

import { describe, expect, it } from 'vitest';
import { dafView } from '../access/daf-access';
import type { AccessSubject } from '../access/need-to-know';
import { currentFinal } from './assessment-state';
import { redactAssessment } from './redaction';
import { finalised, product, softItem, stream } from './test-fixtures';

function record() {
  const s = stream();
  s.exec({ type: 'RegisterItem', item: product('p-aivd', { originator: 'AIVD', releaseCondition: 'daf_only', content: 'Source says X.' }) });
  const state = finalised(s, ['p-1', 'p-aivd']);
  return { version: currentFinal(state)!, items: state.items };
}

const view = (s: AccessSubject, items: ReturnType<typeof record>['items']) => dafView(s, 'case-daf', 'stg_confidential', items, new Set(['case-daf']));

describe('redactAssessment', () => {
  it('gives the analyst everything', () => {
    const { version, items } = record();
    const analyst: AccessSubject = { userId: 'a', roles: ['threat_analyst'], organisation: 'NCTV_DAF', clearance: 'stg_secret' };
    const out = redactAssessment(version, items, view(analyst, items));
    expect(out.version?.content).toEqual(version.content);
    expect(out.version?.challenges).toEqual(version.challenges);
    expect(out.items).toEqual(items.map((i) => ({ ...i, released: true })));
  });

  it('gives the decision maker judgement, scenarios, challenge and gradings; no ratings, no unreleased content', () => {
    const { version, items } = record();
    const dm: AccessSubject = { userId: 'd', roles: ['decision_maker'], organisation: 'NCTV', clearance: 'stg_secret' };
    const out = redactAssessment(version, items, view(dm, items));
    expect(out.version?.content.judgement).toEqual(version.content.judgement);
    expect(out.version?.content.scenarios).toEqual(version.content.scenarios);
    expect(out.version?.challenges).toEqual(version.challenges);
    expect(out.version?.content.ratings).toBeUndefined();
    const aivd = out.items.find((i) => i.itemId === 'p-aivd')!;
    expect(aivd).toMatchObject({ released: false, originator: 'AIVD', grading: { reliability: 'B', credibility: 2 }, legalBasis: { framework: 'Wpg' } });
    for (const hidden of ['content', 'title', 'partnerReference']) expect(aivd).not.toHaveProperty(hidden);
    expect(out.items.find((i) => i.itemId === 'p-1')).toMatchObject({ released: true, content: 'Network X discussed the person.' });
  });

  it('hides who gave soft information from a grading-only reader', () => {
    const s = stream();
    s.exec({ type: 'RegisterItem', item: softItem('soft-1', { releaseCondition: 'daf_only' }) });
    const state = finalised(s, ['p-1', 'soft-1']);
    const dm: AccessSubject = { userId: 'd', roles: ['decision_maker'], organisation: 'NCTV', clearance: 'stg_secret' };
    const soft = redactAssessment(currentFinal(state)!, state.items, view(dm, state.items)).items.find((i) => i.itemId === 'soft-1')!;
    expect(soft).toMatchObject({ released: false, kind: 'soft_information', grading: { reliability: 'F', credibility: 3 } });
    expect(soft).not.toHaveProperty('sourceDescription');
  });

  it('gives an executing unit nothing at all', () => {
    const { version, items } = record();
    const unit: AccessSubject = { userId: 'p', roles: ['police_team_lead'], organisation: 'POLICE', clearance: 'stg_top_secret' };
    expect(redactAssessment(version, items, view(unit, items))).toEqual({ version: undefined, items: [] });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { recordDeviation, type OfferedPackage } from './deviation';
import { proposePackage, type PackageProposal } from './propose';
import { baseFacts, bundledPolicy } from './test-fixtures';

let proposal: PackageProposal;
beforeAll(async () => {
  const result = proposePackage(await bundledPolicy('2026.1'), baseFacts());
  if (!result.ok) throw new Error(result.error.message);
  proposal = result.value;
});

const asProposed = (): OfferedPackage => ({
  measures: structuredClone(proposal.measures),
  careModules: [...proposal.careModules],
  reviewPeriodMonths: proposal.reviewPeriodMonths,
});

describe('deviation from the proposal', () => {
  it('an offer equal to the proposal needs no motivation', () => {
    const result = recordDeviation(proposal, asProposed(), undefined);
    expect(result.ok && result.value).toMatchObject({ policyVersion: '2026.1', deviates: false, motivation: null });
  });

  it.each([undefined, null, '', '   \n'])('a deviation without written motivation (%j) is refused', (motivation) => {
    const offered = asProposed();
    offered.measures.home = offered.measures.home.filter((m) => m !== 'camera_surveillance_home');
    const result = recordDeviation(proposal, offered, motivation);
    expect(result.ok ? null : result.error.code).toBe('DEVIATION_MOTIVATION_REQUIRED');
  });

  it('a motivated deviation records what was added and dropped, and the motivation', () => {
    const offered = asProposed();
    offered.measures.home = [...offered.measures.home.filter((m) => m !== 'camera_surveillance_home'), 'static_guard_home'];
    offered.careModules = offered.careModules.filter((m) => m !== 'peer_support');
    offered.reviewPeriodMonths = 3;
    const result = recordDeviation(proposal, offered, '  Woning ligt afgelegen; camerabeelden niet bruikbaar.  ');
    expect(result.ok && result.value).toEqual({
      policyVersion: '2026.1',
      deviates: true,
      addedMeasures: [{ domain: 'home', measure: 'static_guard_home' }],
      droppedMeasures: [{ domain: 'home', measure: 'camera_surveillance_home' }],
      addedCareModules: [],
      droppedCareModules: ['peer_support'],
      reviewPeriodMonths: { proposed: 6, offered: 3 },
      motivation: 'Woning ligt afgelegen; camerabeelden niet bruikbaar.',
    });
  });

  it('moving a measure to another domain is a deviation', () => {
    const offered = asProposed();
    offered.measures.work = [...offered.measures.work, 'escort_work_travel'];
    offered.measures.transport = [];
    const result = recordDeviation(proposal, offered, '');
    expect(result.ok).toBe(false);
  });
});

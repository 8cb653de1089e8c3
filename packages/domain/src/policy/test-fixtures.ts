import { loadBundledPolicy } from './models/bundled';
import type { CaseFacts } from './propose';
import type { PackagePolicy } from './versions';

/** Loads a bundled policy version for tests; a load failure fails the test with its reason. */
export async function bundledPolicy(version: string): Promise<PackagePolicy> {
  const loaded = await loadBundledPolicy(version);
  if (!loaded.ok) throw new Error(`${loaded.error.code}: ${loaded.error.message}`);
  return loaded.value;
}

/** Facts of a typical R3 case (organised crime, high threat, long); tests override what they vary. */
export const baseFacts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  phenomenon: 'organised_crime',
  threatLevel: 'high',
  ownResistance: 'insufficient',
  threatDuration: 'long',
  activityDomains: ['home', 'work', 'transport', 'private'],
  cooperation: true,
  integrityRisk: false,
  employerMeasures: 'partial',
  hasPartner: true,
  hasChildren: true,
  ...overrides,
});

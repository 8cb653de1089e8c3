import type { PolicyResult } from '../result';
import { findPolicyVersion, loadPolicy, selectPolicyVersion, type PackagePolicy } from '../versions';
import { PACKAGE_POLICY_MANIFEST, type PolicyVersionEntry } from './manifest';

/**
 * Reads the policy files shipped in this folder. The only file access in the policy module:
 * it reads the package's own static, versioned artefacts (like importing a JSON file), never
 * case data. A server that stores edited policies elsewhere calls `loadPolicy` with the XML.
 * Node modules are imported lazily so a browser bundle of the domain package never loads them.
 */
async function readBundled(entry: PolicyVersionEntry): Promise<PolicyResult<PackagePolicy>> {
  return loadPolicy(entry, await readBundledXml(entry));
}

/** The DMN XML of a shipped version, e.g. for a server that keeps policy versions in its database. */
export async function readBundledXml(entry: PolicyVersionEntry): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  return readFile(fileURLToPath(new URL(entry.file, import.meta.url)), 'utf8');
}

export async function loadBundledPolicy(version: string): Promise<PolicyResult<PackagePolicy>> {
  const entry = findPolicyVersion(PACKAGE_POLICY_MANIFEST, version);
  return entry.ok ? readBundled(entry.value) : entry;
}

/** The bundled policy version in effect on `onDate` (an ISO date from the injected clock). */
export async function loadBundledPolicyInEffect(onDate: string): Promise<PolicyResult<PackagePolicy>> {
  const entry = selectPolicyVersion(PACKAGE_POLICY_MANIFEST, onDate);
  return entry.ok ? readBundled(entry.value) : entry;
}

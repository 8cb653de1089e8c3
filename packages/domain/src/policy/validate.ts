import type { PolicyVersionEntry } from './models/manifest';
import data from './policy-cases.json';
import { proposePackage, type CaseFacts } from './propose';
import { loadPolicy, type PackagePolicy } from './versions';

export interface PolicyValidationMessage {
  /** `parse`, `decisions` or the id of the reference case that failed. */
  subject: string;
  code: string;
  message: string;
}

export interface PolicyValidation {
  valid: boolean;
  messages: PolicyValidationMessage[];
  /** How many reference cases were evaluated (all of them when the model loads). */
  casesEvaluated: number;
  policy?: PackagePolicy | undefined;
}

/** The realistic reference cases (policy-cases.json): every version must evaluate them without error. */
export const REFERENCE_CASES: readonly { id: string; facts: CaseFacts }[] = (data.cases as { id: string; facts: CaseFacts }[]).map((c) => ({
  id: c.id,
  facts: c.facts,
}));

/**
 * Checks a draft before it may be saved or published: the XML parses as DMN 1.3, every decision
 * a package proposal reads exists, and every reference case evaluates without error. Content
 * (which measures) is for the impact simulation and the second administrator to judge.
 */
export async function validatePolicyXml(entry: PolicyVersionEntry, xml: string): Promise<PolicyValidation> {
  const loaded = await loadPolicy(entry, xml);
  if (!loaded.ok) {
    const subject = loaded.error.code === 'POLICY_MODEL_INCOMPLETE' ? 'decisions' : 'parse';
    return { valid: false, messages: [{ subject, code: loaded.error.code, message: loaded.error.message }], casesEvaluated: 0 };
  }
  const messages: PolicyValidationMessage[] = [];
  for (const c of REFERENCE_CASES) {
    const result = proposePackage(loaded.value, c.facts);
    if (!result.ok) messages.push({ subject: c.id, code: result.error.code, message: result.error.message });
  }
  return { valid: messages.length === 0, messages, casesEvaluated: REFERENCE_CASES.length, policy: loaded.value };
}

import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA: the level Dutch government sites must meet (EN 301 549). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolationLike {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl?: string;
  nodes: { target: unknown }[];
}

/** One readable block per violation, so a CI log says what to fix and where. */
export function formatViolations(label: string, violations: readonly AxeViolationLike[]): string {
  const lines = [`${label}: ${violations.length} accessibility violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'unknown impact'}] ${v.help}${v.helpUrl ? ` (${v.helpUrl})` : ''}`);
    for (const n of v.nodes) lines.push(`    at ${JSON.stringify(n.target)}`);
  }
  return lines.join('\n');
}

/** Runs axe on the current page and throws with the list of violations, if any. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length > 0) throw new Error(formatViolations(label, results.violations));
}

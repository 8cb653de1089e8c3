import { describe, expect, it } from 'vitest';
import {
  CASE_PHASES,
  CASE_SECTIONS,
  CLASSIFICATIONS,
  LOCAL_AUTHORITIES,
  ORGANISATIONS,
  PACKAGE_CATALOGUE,
  PERSON_ROLES,
  REFERRAL_SOURCES,
  RESISTANCE_LEVELS,
  ROLES,
  THREAT_LEVELS,
  THREAT_PHENOMENA,
  TRIAGE_OUTCOMES,
  TRIAGE_RULESETS,
} from '@hoeder/domain';
import en from './en.json';
import nl from './nl.json';

type Tree = { [key: string]: string | Tree };

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));

const EVENT_TYPES = ['CaseRegistered', 'MemberAssigned', 'TriageCompleted', 'AssessmentRecorded', 'DecisionProposed', 'DecisionApproved', 'DecisionRejected', 'CaseEnded'];

/** Every closed list the API can return, with the translation group that names its values. */
const ENUMS: Record<keyof typeof nl.enums, readonly string[]> = {
  phase: CASE_PHASES,
  phenomenon: THREAT_PHENOMENA,
  referralSource: REFERRAL_SOURCES,
  triageOutcome: TRIAGE_OUTCOMES,
  handOffTo: [...LOCAL_AUTHORITIES, 'witness_protection_team'],
  threatLevel: THREAT_LEVELS,
  resistanceLevel: RESISTANCE_LEVELS,
  classification: CLASSIFICATIONS,
  personRole: PERSON_ROLES,
  role: ROLES,
  organisation: ORGANISATIONS,
  section: CASE_SECTIONS,
  measureDomain: [...new Set(PACKAGE_CATALOGUE.flatMap((p) => p.measures.map((m) => m.domain)))],
  measure: [...new Set(PACKAGE_CATALOGUE.flatMap((p) => p.measures.map((m) => m.measure)))],
  package: PACKAGE_CATALOGUE.map((p) => p.code),
  eventType: EVENT_TYPES,
  triageRule: TRIAGE_RULESETS.flatMap((r) => r.rules.map((rule) => rule.id)),
};

describe('translations', () => {
  it('has the same keys in Dutch and English', () => {
    expect(keysOf(en as Tree).sort()).toEqual(keysOf(nl as Tree).sort());
  });

  it('has no empty texts', () => {
    for (const [name, tree] of [['nl', nl], ['en', en]] as const) {
      const flat = keysOf(tree as Tree);
      expect(flat.length).toBeGreaterThan(100);
      for (const key of flat) {
        const value = key.split('.').reduce<unknown>((node, k) => (node as Tree)[k], tree);
        expect(String(value).trim(), `${name}:${key}`).not.toBe('');
      }
    }
  });

  it('translates every value of every closed list, and nothing else', () => {
    for (const [group, values] of Object.entries(ENUMS) as [keyof typeof nl.enums, readonly string[]][]) {
      expect(Object.keys(nl.enums[group]).sort(), group).toEqual([...values].sort());
      expect(Object.keys(en.enums[group]).sort(), group).toEqual([...values].sort());
    }
  });
});

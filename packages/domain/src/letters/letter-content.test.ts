import { describe, expect, it } from 'vitest';
import type { ActiveDecision } from '../cases/case-state';
import { dateNl, letterFacts, renderLetter, sendableOn } from './letter-content';
import { LETTER_TEMPLATES, templateInEffect, templateVersion, type LetterTemplate } from './letter-templates';
import { mayApproveAsSecond, mayOnLetters, mayOnObjections } from './letter-access';

const measures = { general: ['inform_and_advise'], home: ['camera_surveillance_home'], work: ['guard_workplace'], transport: [], private: [] };
const decision = (integrityRisk: boolean, approved = true): ActiveDecision => ({
  decisionId: 'd-1',
  resistanceLevel: 'R3',
  motivation: 'Zware weerstand nodig.',
  reviewDate: '2026-06-01',
  basedOnAssessmentId: 'a-1',
  proposedBy: 'u-1',
  ...(approved ? { approvedBy: 'u-2', approvedAt: '2026-03-02T10:00:00.000Z' } : {}),
  policy: {
    policyVersion: '2026.1',
    effectiveFrom: '2026-01-01',
    facts: { phenomenon: 'terrorism', threatLevel: 'high', ownResistance: 'insufficient', threatDuration: 'long', activityDomains: ['home', 'work'], cooperation: true, integrityRisk, employerMeasures: 'partial', hasPartner: true, hasChildren: false },
    proposal: { resistanceLevel: 'R3', measures, careModules: ['care_person'], reviewPeriodMonths: 6 },
    explanation: { policyVersion: '2026.1', effectiveFrom: '2026-01-01', model: { id: 'm', name: 'm', namespace: 'n' }, inputData: {}, decisions: [] },
    chosen: { resistanceLevel: 'R3', measures, careModules: ['care_person', 'care_partner'], reviewPeriodMonths: 6 },
    deviation: null,
  },
});
const input = (kind: 'decision_letter' | 'employer_letter' | 'authority_notice', integrityRisk = false) => ({
  kind,
  reference: 'BB-2026-0001',
  decision: decision(integrityRisk),
  letterDate: '2026-03-02T12:00:00.000Z',
  addressee: { name: 'mevrouw J. Jansen', lines: ['Postbus 1', '1000 AA Amsterdam'] },
  ...(kind === 'authority_notice' ? { authority: 'mayor' as const } : {}),
});
const textOf = (c: { subject: string; blocks: ({ text: string } | { items: string[] })[] }) => [c.subject, ...c.blocks.flatMap((b) => ('text' in b ? [b.text] : b.items))].join('\n');

describe('letter content from the decision', () => {
  it('derives package, review date and objection term from the decision in force', () => {
    const facts = letterFacts(input('decision_letter'));
    expect(facts.ok && facts.value).toMatchObject({ resistanceLevel: 'R3', reviewDate: '2026-06-01', objectionDeadline: '2026-04-13', measures: ['inform_and_advise', 'camera_surveillance_home', 'guard_workplace'], workMeasures: ['guard_workplace'], careModules: ['care_person', 'care_partner'] });
  });

  it('writes the decision letter in Dutch with package, not negotiable, review date and how to object', () => {
    const facts = letterFacts(input('decision_letter'));
    if (!facts.ok) throw new Error(facts.error.message);
    const content = renderLetter(templateInEffect('decision_letter', '2026-03-02')!, facts.value);
    if (!content.ok) throw new Error(content.error.message);
    const text = textOf(content.value);
    expect(text).toContain('cameratoezicht bij uw woning');
    expect(text).toContain('psychosociale zorg voor uw partner');
    expect(text).toContain('niet onderhandelen');
    expect(text).toContain('1 juni 2026');
    expect(text).toContain('uiterlijk op 13 april 2026');
    expect(text).not.toMatch(/\{\{|guard_workplace/);
    expect(text).not.toContain('extra afspraken');
    expect(content.value.date).toBe('Den Haag, 2 maart 2026');
  });

  it('asks for restrictions only where there is an integrity risk', () => {
    const facts = letterFacts(input('decision_letter', true));
    if (!facts.ok) throw new Error(facts.error.message);
    const content = renderLetter(templateVersion('decision_letter', 1)!, facts.value);
    expect(content.ok && textOf(content.value)).toContain('extra afspraken');
  });

  it('tells the employer only the work measures and its duties', () => {
    const facts = letterFacts(input('employer_letter'));
    if (!facts.ok) throw new Error(facts.error.message);
    const content = renderLetter(templateVersion('employer_letter', 1)!, facts.value);
    const text = content.ok ? textOf(content.value) : '';
    expect(text).toContain('bewaking op uw werkplek');
    expect(text).not.toContain('cameratoezicht bij uw woning');
    expect(text).toContain('Wees alert');
  });

  it('informs the mayor of the decision and names the area', () => {
    const facts = letterFacts(input('authority_notice'));
    if (!facts.ok) throw new Error(facts.error.message);
    const content = renderLetter(templateVersion('authority_notice', 1)!, facts.value);
    expect(content.ok && textOf(content.value)).toContain('uw gemeente');
    expect(letterFacts({ ...input('authority_notice'), authority: undefined })).toMatchObject({ ok: false, error: { details: { field: 'authority' } } });
  });

  it('refuses a letter about a decision that is not in force', () => {
    expect(letterFacts({ ...input('decision_letter'), decision: decision(false, false) })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(letterFacts({ ...input('decision_letter'), decision: undefined })).toMatchObject({ ok: false });
  });

  it('refuses a template with an unknown placeholder, and one of another kind', () => {
    const facts = letterFacts(input('decision_letter'));
    if (!facts.ok) throw new Error(facts.error.message);
    const broken: LetterTemplate = { ...LETTER_TEMPLATES[0]!, subject: 'Besluit {{nope}}' };
    expect(renderLetter(broken, facts.value)).toMatchObject({ ok: false, error: { details: { field: 'template' } } });
    expect(renderLetter(templateVersion('employer_letter', 1)!, facts.value)).toMatchObject({ ok: false });
  });

  it('picks the template version in effect on the letter date', () => {
    const v2: LetterTemplate = { ...LETTER_TEMPLATES[0]!, version: 2, effectiveFrom: '2026-07-01' };
    expect(templateInEffect('decision_letter', '2026-06-30', [...LETTER_TEMPLATES, v2])?.version).toBe(1);
    expect(templateInEffect('decision_letter', '2026-07-01', [...LETTER_TEMPLATES, v2])?.version).toBe(2);
    expect(templateInEffect('decision_letter', '2025-12-31')).toBeUndefined();
  });

  it('is sent only on its own date, so the printed objection term is the statutory one', () => {
    expect(sendableOn('2026-03-02', '2026-03-02T23:59:00.000Z')).toBe(true);
    expect(sendableOn('2026-03-02', '2026-03-03T00:00:00.000Z')).toBe(false);
  });

  it('writes dates out in Dutch', () => {
    expect(dateNl('2026-12-09')).toBe('9 december 2026');
  });
});

describe('letter and objection roles', () => {
  it('lets the liaison draft, a decision maker approve, the inspectorate only read', () => {
    expect(mayOnLetters(['liaison'], 'draft')).toBe(true);
    expect(mayOnLetters(['liaison'], 'approve')).toBe(false);
    expect(mayOnLetters(['decision_maker'], 'approve')).toBe(true);
    expect(mayOnLetters(['inspector'], 'read')).toBe(true);
    expect(mayOnLetters(['inspector'], 'draft')).toBe(false);
    expect(mayOnLetters(['threat_analyst'], 'read')).toBe(false);
    expect(mayOnObjections(['liaison'], 'lodge')).toBe(true);
    expect(mayOnObjections(['liaison'], 'handle')).toBe(false);
  });

  it('never lets the drafter approve their own letter (four eyes)', () => {
    expect(mayApproveAsSecond('u-1', 'u-1')).toBe(false);
    expect(mayApproveAsSecond('u-2', 'u-1')).toBe(true);
  });
});

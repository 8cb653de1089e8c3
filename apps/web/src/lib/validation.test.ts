import { describe, expect, it } from 'vitest';
import { ProposeDecisionRequest, RegisterCaseRequest, TriageRequest } from '@hoeder/contracts';
import { ApiError } from '../api/client';
import { issueMessage, requireWrittenText, serverFieldErrors, validate } from './validation';

describe('validate with the contract schemas', () => {
  it('maps missing and malformed fields to translated messages by field path', () => {
    const result = validate(RegisterCaseRequest, {
      referralSource: '',
      referrerDescription: '  ',
      reportedPhenomenon: 'organised_crime',
      firstInformation: 'x',
      classification: 'stg_confidential',
      persons: [{ role: 'threatened_person', fullName: '', dateOfBirth: '12-04-1980' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.referralSource).toEqual({ key: 'validation.choose' });
    expect(result.errors.referrerDescription).toEqual({ key: 'validation.required' });
    expect(result.errors['persons.0.fullName']).toEqual({ key: 'validation.required' });
    expect(result.errors['persons.0.dateOfBirth']).toEqual({ key: 'validation.date' });
    expect(result.errors.firstInformation).toBeUndefined();
  });

  it('explains a control character (e.g. from a pasted document) with its own message', () => {
    const result = validate(RegisterCaseRequest, {
      referralSource: 'mayor',
      referrerDescription: 'Burgemeester\u000bAmsterdam',
      reportedPhenomenon: 'organised_crime',
      firstInformation: 'Regel een\r\nregel twee',
      classification: 'stg_confidential',
      persons: [{ role: 'threatened_person', fullName: 'Jan\u0000' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.referrerDescription).toEqual({ key: 'validation.controlCharacter' });
    expect(result.errors['persons.0.fullName']).toEqual({ key: 'validation.controlCharacter' });
    expect(result.errors.firstInformation).toBeUndefined();
  });

  it('passes a complete request through unchanged', () => {
    const facts = { phenomenon: 'organised_crime', threatLevel: 'high', ownResistance: 'insufficient', threatDuration: 'long', activityDomains: ['home', 'work'], cooperation: true, integrityRisk: false, employerMeasures: 'partial', hasPartner: true, hasChildren: false };
    const body = { expectedVersion: 3, facts, factOverrides: [], deviationMotivation: 'Incident bij de woning.', motivation: 'Hoge dreiging, beperkte weerstand.', reviewDate: '2030-01-31' };
    expect(validate(ProposeDecisionRequest, body)).toEqual({ ok: true, value: body });
  });

  it('reports a nested fact by its path', () => {
    const result = validate(TriageRequest, { expectedVersion: 1, facts: { phenomenon: 'nope', onLimitedList: false, inWitnessProtectionTrack: false, ownResistanceSufficient: false }, outcome: 'national', motivation: 'x' });
    expect(result.ok ? {} : result.errors).toHaveProperty(['facts.phenomenon']);
  });
});

describe('issueMessage', () => {
  it('distinguishes lengths and list sizes', () => {
    expect(issueMessage({ code: 'too_big', path: [], origin: 'string', maximum: 200 })).toEqual({ key: 'validation.maxLength', values: { count: 200 } });
    expect(issueMessage({ code: 'too_small', path: [], origin: 'array', minimum: 1 })).toEqual({ key: 'validation.minItems', values: { count: 1 } });
    expect(issueMessage({ code: 'custom', path: [] })).toEqual({ key: 'validation.invalid' });
  });
});

describe('requireWrittenText', () => {
  it('asks for a written motivation, not a word', () => {
    expect(requireWrittenText({}, 'motivation', 'ok')).toEqual({ motivation: { key: 'validation.minLength', values: { count: 10 } } });
    expect(requireWrittenText({}, 'motivation', 'Een volledige zin.')).toEqual({});
  });

  it('keeps the schema error when there is one', () => {
    const required = { motivation: { key: 'validation.required' } };
    expect(requireWrittenText(required, 'motivation', '')).toBe(required);
  });
});

describe('serverFieldErrors', () => {
  it('uses the field the server names, or its issue list', () => {
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION_FAILED', 'm', { field: 'reviewDate' }, 'r'))).toEqual({ reviewDate: { key: 'validation.invalid' } });
    const issues = [{ code: 'too_small', path: ['motivation'], origin: 'string', minimum: 1 }];
    expect(serverFieldErrors(new ApiError(400, 'VALIDATION_FAILED', 'm', { issues }, 'r'))).toEqual({ motivation: { key: 'validation.required' } });
  });

  it('ignores other errors', () => {
    expect(serverFieldErrors(new ApiError(409, 'VERSION_CONFLICT', 'm', undefined, 'r'))).toEqual({});
  });
});

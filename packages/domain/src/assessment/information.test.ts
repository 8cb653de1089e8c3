import { describe, expect, it } from 'vitest';
import { gradingCode, parseGrading, validateGrading, validateItem, type InformationItem } from './information';
import { product, softItem } from './test-fixtures';

const TODAY = '2026-03-02';

describe('Admiralty grading', () => {
  const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
  const digits = [1, 2, 3, 4, 5, 6];

  it('accepts every reliability A–F with every credibility 1–6 and round-trips the code', () => {
    for (const l of letters) {
      for (const d of digits) {
        const parsed = parseGrading(`${l}${d}`);
        expect(parsed).toEqual({ ok: true, value: { reliability: l, credibility: d } });
        if (parsed.ok) expect(gradingCode(parsed.value)).toBe(`${l}${d}`);
      }
    }
  });

  it.each(['G1', 'A0', 'A7', 'b2', '2B', 'AA', 'A', '', 'A12', 'A 1'])('refuses %j', (code) => {
    const r = parseGrading(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'grading' } });
  });

  it('validates gradings that arrive as data', () => {
    expect(validateGrading({ reliability: 'C', credibility: 4 }).ok).toBe(true);
    expect(validateGrading({ reliability: 'C', credibility: '4' }).ok).toBe(false);
    expect(validateGrading({ reliability: 'G', credibility: 4 }).ok).toBe(false);
    expect(validateGrading({ reliability: 'C', credibility: 0 }).ok).toBe(false);
    expect(validateGrading({ reliability: undefined, credibility: undefined }).ok).toBe(false);
  });
});

describe('information items', () => {
  it('accepts a product and a soft information item', () => {
    expect(validateItem(product('p-1'), TODAY).ok).toBe(true);
    expect(validateItem(softItem('s-1'), TODAY).ok).toBe(true);
  });

  it('grades soft information too', () => {
    const r = validateItem(softItem('s-1', { grading: { reliability: 'Z' as never, credibility: 3 } }), TODAY);
    expect(r.ok).toBe(false);
  });

  const refused: [string, InformationItem, string][] = [
    ['no id', product(' '), 'itemId'],
    ['no content', product('p', { content: ' ' }), 'content'],
    ['received in the future', product('p', { receivedOn: '2026-03-03' }), 'receivedOn'],
    ['received date not a date', product('p', { receivedOn: '1 March' }), 'receivedOn'],
    ['validity before receipt', product('p', { validUntil: '2026-02-01' }), 'validUntil'],
    ['unknown release condition', product('p', { releaseCondition: 'everyone' as never }), 'releaseCondition'],
    ['unknown partner', product('p', { originator: 'NCTV' as never }), 'originator'],
    ['no legal article', product('p', { legalBasis: { framework: 'Wiv2017', article: '' } }), 'legalBasis'],
    ['no partner reference', product('p', { partnerReference: '' }), 'partnerReference'],
    ['soft information without a source', softItem('s', { sourceDescription: ' ' }), 'sourceDescription'],
  ];

  it.each(refused)('refuses an item with %s', (_name, item, field) => {
    const r = validateItem(item, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
  });

  it('allows an open-ended product (no validity) received today', () => {
    expect(validateItem(product('p', { validUntil: undefined, receivedOn: TODAY }), TODAY).ok).toBe(true);
  });
});

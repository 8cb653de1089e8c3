import { describe, expect, it } from 'vitest';
import { METHOD_PHENOMENA, UNKNOWN, findTemplate, parseMethodTemplate, validateRatings } from './method-templates';
import { SHIPPED_TEMPLATES } from './templates';
import { ORGANISED_CRIME_V1 } from './templates/organised-crime';

describe('shipped method templates', () => {
  it('cover the four phenomena and the limited list, one template each', () => {
    expect(SHIPPED_TEMPLATES.map((t) => t.phenomenon).sort()).toEqual([...METHOD_PHENOMENA].sort());
  });

  it.each(SHIPPED_TEMPLATES.map((t) => [t.templateId, t] as const))('%s loads through the same parser as any other template', (_id, template) => {
    const loaded = parseMethodTemplate(JSON.parse(JSON.stringify(template)));
    expect(loaded).toEqual({ ok: true, value: template });
  });

  it('are found by id and version only', () => {
    expect(findTemplate(SHIPPED_TEMPLATES, { templateId: 'daf-terrorism', version: 1 })?.phenomenon).toBe('terrorism');
    expect(findTemplate(SHIPPED_TEMPLATES, { templateId: 'daf-terrorism', version: 2 })).toBeUndefined();
  });
});

describe('loading other templates', () => {
  const base = { templateId: 'x', version: 2, phenomenon: 'state_actor', title: 'X', items: [{ key: 'k', question: 'Q?', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }] };

  it('accepts a well-formed template', () => {
    expect(parseMethodTemplate(base).ok).toBe(true);
  });

  it.each([
    ['not an object', null],
    ['no id', { ...base, templateId: '' }],
    ['a version that is not a positive integer', { ...base, version: 1.5 }],
    ['an unknown phenomenon', { ...base, phenomenon: 'stalking' }],
    ['no items', { ...base, items: [] }],
    ['duplicate item keys', { ...base, items: [base.items[0], base.items[0]] }],
    ['an item with one option', { ...base, items: [{ key: 'k', question: 'Q?', options: [{ value: 'a', label: 'A' }] }] }],
    ['"unknown" as an explicit option', { ...base, items: [{ key: 'k', question: 'Q?', options: [{ value: 'a', label: 'A' }, { value: UNKNOWN, label: 'U' }] }] }],
    ['duplicate option values', { ...base, items: [{ key: 'k', question: 'Q?', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] }] }],
  ])('refuses %s', (_name, raw) => {
    const r = parseMethodTemplate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('ratings against a template', () => {
  const t = ORGANISED_CRIME_V1;
  const all = t.items.map((i) => ({ itemKey: i.key, value: UNKNOWN, rationale: 'Nothing known yet' }));

  it('accept "unknown" for every item, with a rationale', () => {
    expect(validateRatings(t, all, true).ok).toBe(true);
  });

  it('allow a draft to leave items unrated, but not a submission', () => {
    expect(validateRatings(t, all.slice(1), false).ok).toBe(true);
    const r = validateRatings(t, all.slice(1), true);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toMatchObject({ missing: [t.items[0]!.key] });
  });

  it('refuse a rating without a rationale, with an unknown option, of an unknown item, or twice', () => {
    expect(validateRatings(t, [{ ...all[0]!, rationale: ' ' }], false).ok).toBe(false);
    expect(validateRatings(t, [{ ...all[0]!, value: 'maybe' }], false).ok).toBe(false);
    expect(validateRatings(t, [{ ...all[0]!, itemKey: 'nope' }], false).ok).toBe(false);
    expect(validateRatings(t, [all[0]!, all[0]!], false).ok).toBe(false);
  });
});

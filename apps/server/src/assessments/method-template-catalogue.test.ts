import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessment } from '@hoeder/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMethodTemplates } from './method-template-catalogue';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoeder-templates-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

const fieldInstrument = {
  templateId: 'field-instrument-oc',
  version: 1,
  phenomenon: 'organised_crime',
  title: 'Field instrument (loaded)',
  items: [{ key: 'grievance', question: 'Is there a grievance?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }],
};

describe('loadMethodTemplates', () => {
  it('gives the shipped templates when no folder is configured', () => {
    expect(loadMethodTemplates(undefined)).toBe(assessment.SHIPPED_TEMPLATES);
  });

  it('adds valid templates from the folder after the shipped ones, ignoring other files', () => {
    const catalogue = loadMethodTemplates(folderWith({ 'oc.json': fieldInstrument, 'README.txt': 'not a template' }));
    expect(catalogue).toHaveLength(assessment.SHIPPED_TEMPLATES.length + 1);
    expect(assessment.findTemplate(catalogue, { templateId: 'field-instrument-oc', version: 1 })?.items[0]?.key).toBe('grievance');
  });

  it('refuses to start on an invalid file, naming it', () => {
    const dir = folderWith({ 'broken.json': { ...fieldInstrument, items: [] } });
    expect(() => loadMethodTemplates(dir)).toThrow(/broken\.json: a template has items to rate/);
    expect(() => loadMethodTemplates(folderWith({ 'garbage.json': '{ not json' }))).toThrow(/garbage\.json: not readable JSON/);
  });

  it('never replaces a known template version', () => {
    const shipped = assessment.SHIPPED_TEMPLATES[0]!;
    const dir = folderWith({ 'copy.json': { ...fieldInstrument, templateId: shipped.templateId, version: shipped.version } });
    expect(() => loadMethodTemplates(dir)).toThrow(/already exists; add a new version instead/);
  });

  it('lets an analyst draft on a loaded template', () => {
    const catalogue = loadMethodTemplates(folderWith({ 'oc.json': fieldInstrument }));
    const ctx = { actorId: 'a-1', actorRoles: ['threat_analyst'] as const, now: '2026-11-23T10:00:00.000Z', templates: catalogue };
    const started = assessment.decideAssessment(undefined, { type: 'StartDraft', template: { templateId: 'field-instrument-oc', version: 1 }, classification: 'stg_confidential' }, ctx);
    expect(started.ok).toBe(true);
    const unknown = assessment.decideAssessment(undefined, { type: 'StartDraft', template: { templateId: 'field-instrument-oc', version: 1 }, classification: 'stg_confidential' }, { ...ctx, templates: assessment.SHIPPED_TEMPLATES });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

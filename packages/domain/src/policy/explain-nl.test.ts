import { beforeAll, describe, expect, it } from 'vitest';
import { recordDeviation } from './deviation';
import { explainPackageNl, formatDateNl } from './explain-nl';
import { proposePackage, type CaseFacts } from './propose';
import { baseFacts, bundledPolicy } from './test-fixtures';
import type { PackagePolicy } from './versions';

let policy: PackagePolicy;
beforeAll(async () => {
  policy = await bundledPolicy('2026.1');
});

const proposal = (facts: CaseFacts) => {
  const result = proposePackage(policy, facts);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('Dutch plain-language explanation', () => {
  it('names the version, level, measures per domain, care, reasons and review period', () => {
    const text = explainPackageNl(proposal(baseFacts()));
    expect(text).toContain('beleidsversie 2026.1 (geldig vanaf 1 januari 2026)');
    expect(text).toContain('Benodigde weerstand: R3 (zwaar).');
    expect(text).toContain('- Woning: beveiligingsadvies voor uw woning; alarmopvolging met voorrang bij uw woning;');
    expect(text).toContain('- Vervoer: begeleiding bij woon-werkverkeer en werkafspraken.');
    expect(text).toContain('- Psychosociale zorg: psychosociale zorg voor uzelf; psychosociale zorg voor uw partner;');
    expect(text).toContain('- Hoge dreiging en onvoldoende eigen weerstand.');
    expect(text).toContain('Werk gaat voor privé');
    expect(text).toContain('uiterlijk na 6 maanden opnieuw bekeken');
    expect(text).toContain('niet onderhandelbaar');
    expect(text).not.toMatch(/undefined|null|_/);
  });

  it('explains the non-cooperation minimum', () => {
    const text = explainPackageNl(proposal(baseFacts({ cooperation: false })));
    expect(text).toContain('- Algemeen: informatie over de dreiging en advies over wat u zelf kunt doen.');
    expect(text).not.toContain('- Woning:');
    expect(text).toContain('Zonder medewerking kan beveiliging niet werken');
    expect(text).toContain('Psychosociale zorg: geen module in dit pakket.');
  });

  it('reports a deviation with its motivation', () => {
    const p = proposal(baseFacts());
    const offered = { measures: { ...p.measures, private: ['private_activity_advice'] }, careModules: p.careModules, reviewPeriodMonths: 6 };
    const deviation = recordDeviation(p, offered, 'Begeleiding privé tijdelijk niet mogelijk door verbouwing.');
    if (!deviation.ok) throw new Error(deviation.error.message);
    const text = explainPackageNl(p, deviation.value);
    expect(text).toContain('Afwijking van het voorstel van de beleidsregels:');
    expect(text).toContain('- Vervallen: begeleiding bij geplande privéactiviteiten (privéactiviteiten).');
    expect(text).toContain('Motivering: Begeleiding privé tijdelijk niet mogelijk door verbouwing.');
  });

  it('formats dates in Dutch without a clock or time zone', () => {
    expect(formatDateNl('2026-07-01')).toBe('1 juli 2026');
    expect(formatDateNl('2026-12-31')).toBe('31 december 2026');
  });
});

import { PACKAGE_CATALOGUE, type ResistanceLevel } from '@hoeder/domain';

/** Packages that offer a resistance level; all of them while no level is chosen. */
export const packagesFor = (level: string) => PACKAGE_CATALOGUE.filter((p) => !level || p.suitableFor.includes(level as ResistanceLevel));

/** One scenario per non-empty line. */
export const scenarioLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

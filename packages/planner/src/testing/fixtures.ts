import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCurtois, type CurtoisInstance } from '../curtois/parse';

/** The shared Curtois files, resolved from this file: /work/main/../shared/benchmarks/curtois. */
export const CURTOIS_DIR = fileURLToPath(new URL('../../../../../shared/benchmarks/curtois/', import.meta.url));

export function loadCurtois(n: number): CurtoisInstance {
  const r = parseCurtois(readFileSync(`${CURTOIS_DIR}Instance${n}.txt`, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A one-week instance small enough to check by hand (see evaluate.test.ts). */
export const TINY = [
  'SECTION_HORIZON', '7', '',
  'SECTION_SHIFTS', 'D,480,', 'N,480,D', '',
  'SECTION_STAFF', 'A,D=7|N=7,2400,960,5,1,1,1', 'B,D=7|N=0,2400,960,5,1,1,1', '',
  'SECTION_DAYS_OFF', 'A,6', 'B,0', '',
  'SECTION_SHIFT_ON_REQUESTS', 'A,0,D,2', '',
  'SECTION_SHIFT_OFF_REQUESTS', 'B,3,D,3', '',
  'SECTION_COVER',
  ...[0, 1, 2, 3, 4, 5, 6].map((d) => `${d},D,1,100,1`),
  ...[0, 1, 2, 3, 4, 5, 6].map((d) => `${d},N,${d === 5 ? 1 : 0},100,1`),
].join('\r\n');

export function tiny(): CurtoisInstance {
  const r = parseCurtois(TINY);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

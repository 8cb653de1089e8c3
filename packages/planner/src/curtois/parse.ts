import type { Result } from '../model';

/** A Curtois & Qu instance as published (instances1_24 text format). */
export interface CurtoisInstance {
  horizon: number;
  shifts: { id: string; minutes: number; cannotFollow: string[] }[];
  staff: {
    id: string;
    maxShifts: Record<string, number>;
    maxTotalMinutes: number;
    minTotalMinutes: number;
    maxConsecutiveShifts: number;
    minConsecutiveShifts: number;
    minConsecutiveDaysOff: number;
    maxWeekends: number;
  }[];
  daysOff: { staffId: string; days: number[] }[];
  onRequests: { staffId: string; day: number; shiftId: string; weight: number }[];
  offRequests: { staffId: string; day: number; shiftId: string; weight: number }[];
  cover: { day: number; shiftId: string; requirement: number; underWeight: number; overWeight: number }[];
}

type Section = 'SECTION_HORIZON' | 'SECTION_SHIFTS' | 'SECTION_STAFF' | 'SECTION_DAYS_OFF'
  | 'SECTION_SHIFT_ON_REQUESTS' | 'SECTION_SHIFT_OFF_REQUESTS' | 'SECTION_COVER';

export function parseCurtois(text: string): Result<CurtoisInstance> {
  const inst: CurtoisInstance = { horizon: 0, shifts: [], staff: [], daysOff: [], onRequests: [], offRequests: [], cover: [] };
  let section: Section | null = null;
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      section = line as Section;
      continue;
    }
    const f = line.split(',').map((x) => x.trim());
    const err = parseRow(inst, section, f);
    if (err) return { ok: false, error: { code: 'curtois-parse', message: `line ${i + 1}: ${err}` } };
  }
  if (inst.horizon <= 0) return { ok: false, error: { code: 'curtois-parse', message: 'missing horizon' } };
  return { ok: true, value: inst };
}

function num(s: string | undefined): number {
  const n = Number(s);
  if (s === undefined || s === '' || !Number.isFinite(n)) throw new Error(`not a number: ${s}`);
  return n;
}

function parseRow(inst: CurtoisInstance, section: Section | null, f: string[]): string | null {
  try {
    switch (section) {
      case 'SECTION_HORIZON': inst.horizon = num(f[0]); break;
      case 'SECTION_SHIFTS':
        inst.shifts.push({ id: f[0] ?? '', minutes: num(f[1]), cannotFollow: (f[2] ?? '').split('|').filter((x) => x !== '') });
        break;
      case 'SECTION_STAFF': inst.staff.push(staffRow(f)); break;
      case 'SECTION_DAYS_OFF': inst.daysOff.push({ staffId: f[0] ?? '', days: f.slice(1).filter((x) => x !== '').map(num) }); break;
      case 'SECTION_SHIFT_ON_REQUESTS': inst.onRequests.push(request(f)); break;
      case 'SECTION_SHIFT_OFF_REQUESTS': inst.offRequests.push(request(f)); break;
      case 'SECTION_COVER':
        inst.cover.push({ day: num(f[0]), shiftId: f[1] ?? '', requirement: num(f[2]), underWeight: num(f[3]), overWeight: num(f[4]) });
        break;
      default: return `row outside a known section: ${f.join(',')}`;
    }
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function staffRow(f: string[]): CurtoisInstance['staff'][number] {
  const maxShifts: Record<string, number> = {};
  for (const part of (f[1] ?? '').split('|').filter((x) => x !== '')) {
    const [id, max] = part.split('=');
    maxShifts[id ?? ''] = num(max);
  }
  return {
    id: f[0] ?? '', maxShifts, maxTotalMinutes: num(f[2]), minTotalMinutes: num(f[3]), maxConsecutiveShifts: num(f[4]),
    minConsecutiveShifts: num(f[5]), minConsecutiveDaysOff: num(f[6]), maxWeekends: num(f[7]),
  };
}

function request(f: string[]) {
  return { staffId: f[0] ?? '', day: num(f[1]), shiftId: f[2] ?? '', weight: num(f[3]) };
}

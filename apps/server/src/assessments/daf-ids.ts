import { createHash } from 'node:crypto';

/** The ids the case stream links to a final DAF version: stable, derived from case and version. */
export function dafAssessmentId(caseId: string, versionNumber: number): string {
  const h = createHash('sha256').update(`hoeder:daf:${caseId}:${versionNumber}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

import type { OperationalAgendaItem } from '@hoeder/contracts';
import type { Db } from '@hoeder/db';

/**
 * The hook for the person's agenda in the operational extract (issue 11 §3 and §7). The agenda
 * lives with the master data (another part of issue 11); the composition root wires a source
 * that returns the activities relevant to the posts of `unitId` for this case. Without one the
 * extract has an empty agenda, never the whole agenda.
 */
export type OperationalAgendaSource = (trx: Db, query: { caseId: string; unitId: string | null; measures: readonly string[]; now: Date }) => Promise<OperationalAgendaItem[]>;

export const noAgenda: OperationalAgendaSource = async () => [];

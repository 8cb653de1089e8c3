import { mayAdministerOfficers, maySeeUnits, officerScope } from '@hoeder/domain';
import type { Db, OfficerGrant, OfficerWriteGrant } from '@hoeder/db';
import { mintOfficerRead, mintOfficerWrite } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { forbidden, type Checked } from './guard';

const PURPOSE = 'protection.execution_master_data';

/**
 * Reading officers (issue 11): the LCC every unit, a unit lead their own unit (asking for another
 * unit is a 403, not an empty list), with leave and contracts; nobody else. `unitId` narrows the read.
 */
export const officerRead =
  (unitId?: string) =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<OfficerGrant>> => {
    const scope = officerScope(actor);
    if (!scope) return forbidden('officers are visible to the LCC and to the lead of their own unit', PURPOSE);
    if (scope.units === 'all') return { ok: true, grant: mintOfficerRead('all', true), purpose: PURPOSE };
    if (unitId && unitId !== scope.unitId) return forbidden('you see the officers of your own unit only', PURPOSE);
    return { ok: true, grant: mintOfficerRead(new Set([scope.unitId]), true), purpose: PURPOSE, details: { unitId: scope.unitId } };
  };

/** Importing officers and recording absences: the LCC. */
export const officerWrite =
  () =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<{ write: OfficerWriteGrant; read: OfficerGrant }>> =>
    mayAdministerOfficers(actor)
      ? { ok: true, grant: { write: mintOfficerWrite(), read: mintOfficerRead('all', true) }, purpose: PURPOSE }
      : forbidden('officer master data is kept by the LCC', PURPOSE);

/** The unit directory (no personal data): everyone in execution and its oversight. */
export const unitDirectory =
  () =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<true>> =>
    maySeeUnits(actor) ? { ok: true, grant: true, purpose: PURPOSE } : forbidden('the unit directory is for the LCC, the units and oversight', PURPOSE);

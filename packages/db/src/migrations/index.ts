import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-break-glass';
import * as m0003 from './0003-daf-assessment';
import * as m0004 from './0004-policy-versions';
import * as m0005 from './0005-audit-merkle';
import * as m0006 from './0006-app-login';
import * as m0007 from './0007-login-backoff';
import * as m0008 from './0008-stream-snapshots';
import * as m0009 from './0009-units';
import * as m0010 from './0010-security-assignments';
import * as m0011 from './0011-master-data-agenda';
import * as m0012 from './0012-planning';
import * as m0013 from './0013-oversight-reviews';
import * as m0014 from './0014-persons-contact-log';
import * as m0015 from './0015-letters-objections';
import * as m0016 from './0016-arrangements';
import * as m0017 from './0017-incidents-evaluations';
import * as m0018 from './0018-coordination-record';
import * as m0019 from './0019-anomaly-detection';
import * as m0020 from './0020-replan-runs';
import * as m0021 from './0021-lesson-follow-up';
import * as m0022 from './0022-contact-correction-arrangement-owner';
import * as m0023 from './0023-coded-relations-letter-addressees';
import * as m0024 from './0024-audit-search-indexes';
import * as m0027 from './0027-audit-nodes';
import * as m0029 from './0029-case-attention-rank';
import * as m0030 from './0030-audit-period-order';
import * as m0031 from './0031-case-member-by-user';
import * as m0032 from './0032-audit-entry-inline-details';

/** Migrations are listed statically so they work the same under tsx, Vitest and bundlers. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-break-glass': m0002,
  '0003-daf-assessment': m0003,
  '0004-policy-versions': m0004,
  '0005-audit-merkle': m0005,
  '0006-app-login': m0006,
  '0007-login-backoff': m0007,
  '0008-stream-snapshots': m0008,
  '0009-units': m0009,
  '0010-security-assignments': m0010,
  '0011-master-data-agenda': m0011,
  '0012-planning': m0012,
  '0013-oversight-reviews': m0013,
  '0014-persons-contact-log': m0014,
  '0015-letters-objections': m0015,
  '0016-arrangements': m0016,
  '0017-incidents-evaluations': m0017,
  '0018-coordination-record': m0018,
  '0019-anomaly-detection': m0019,
  '0020-replan-runs': m0020,
  '0021-lesson-follow-up': m0021,
  '0022-contact-correction-arrangement-owner': m0022,
  '0023-coded-relations-letter-addressees': m0023,
  '0024-audit-search-indexes': m0024,
  '0027-audit-nodes': m0027,
  '0029-case-attention-rank': m0029,
  '0030-audit-period-order': m0030,
  '0031-case-member-by-user': m0031,
  '0032-audit-entry-inline-details': m0032,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

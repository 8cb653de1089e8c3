import type { Role } from '@hoeder/domain';
import { ObjectionSection } from '../ObjectionSection/ObjectionSection';
import { LettersSection } from './LettersSection';

/** Letters, then objection and appeal (issue 12 items 3 and 8): one line on the case page. */
export function CaseLettersAndObjections({ caseId, roles, sections }: { caseId: string; roles: readonly Role[]; sections: readonly string[] }) {
  return (
    <>
      <LettersSection caseId={caseId} roles={roles} sections={sections} />
      <ObjectionSection caseId={caseId} roles={roles} sections={sections} />
    </>
  );
}

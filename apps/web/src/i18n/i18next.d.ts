import 'i18next';
import type nl from './nl.json';

// Translation keys are checked at compile time against the Dutch source texts.
//
// Blocks left out of the key type: the full union makes typed `t` calls too deep for tsc. They are
// looked up through `untyped` or a block's own helper (e.g. `useRosterT`, `useAssignmentText`,
// `useLettersText`, `useArrangementText`); translations.test.ts still checks that nl and en have
// the same keys. The DAF's closed-list labels (daf.enum) are looked up by computed key (`dafLabel`).
type UntypedBlocks =
  | 'daf' | 'roster' | 'assignments' | 'agenda' | 'masterData' // issue 11
  | 'policyDemand' | 'executionWork' | 'replan' | 'postEdit' // issue 11's leftovers (ADR 0027)
  | 'work' | 'caseSearch' | 'auditLog' | 'breakGlassReview' | 'statistics' // issue 13
  | 'anomaly' | 'quality' // issue 13: anomaly alerts and the quality monitor (ADR 0026)
  | 'auditCodes' | 'plainDutch' // issue 13: Dutch names of audit codes, plain Dutch texts (ADR 0028)
  | 'letters' | 'objections' | 'arrangements' | 'persons' | 'contact' // issue 12
  | 'learning' | 'crownWitness' // issue 14
  | 'personCentral' // issue 12: contact correction, arrangements and objections as of a moment (ADR 0031)
  | 'auditScale'; // issue 13: the audit search counts up to a limit (ADR 0033)

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Omit<typeof nl, UntypedBlocks> & {
        daf: Omit<(typeof nl)['daf'], 'enum'>;
      };
    };
  }
}

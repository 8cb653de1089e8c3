import 'i18next';
import type nl from './nl.json';

// Translation keys are checked at compile time against the Dutch source texts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The DAF's closed-list labels (daf.enum) are looked up by computed key only (`dafLabel`), so
    // they stay out of the key type: the full union makes typed `t` calls too deep for tsc. The
    // roster pages' texts (roster.*) likewise, through `useRosterT`, and the assignments' texts
    // through `useAssignmentText` (i18n/assignment-text.ts); the blocks of issue 13 (work,
    // caseSearch, auditLog, breakGlassReview, statistics) and of the agenda and master data
    // (agenda, masterData) through `untyped`; letters and objections (issue 12) through
    // `useLettersText` (i18n/letters-text.ts); the audit codes and plain-Dutch labels (auditCodes,
    // plainDutch) through `untyped` or i18n/audit-labels.ts; translations.test.ts still checks that
    // nl and en have the same keys.
    resources: {
      translation: Omit<typeof nl, 'daf' | 'roster' | 'assignments' | 'work' | 'caseSearch' | 'auditLog' | 'breakGlassReview' | 'statistics' | 'agenda' | 'masterData' | 'letters' | 'objections' | 'auditCodes' | 'plainDutch'> & {
        daf: Omit<(typeof nl)['daf'], 'enum'>;
      };
    };
  }
}

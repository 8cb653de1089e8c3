import 'i18next';
import type nl from './nl.json';

// Translation keys are checked at compile time against the Dutch source texts.
/** ADR 0027's blocks, looked up through `untyped` (see below). */
type ExecutionLeftoverBlocks = 'policyDemand' | 'executionWork' | 'replan' | 'postEdit';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The DAF's closed-list labels (daf.enum) are looked up by computed key only (`dafLabel`), so
    // they stay out of the key type: the full union makes typed `t` calls too deep for tsc. The
    // roster pages' texts (roster.*) likewise, through `useRosterT`, and the assignments' texts
    // through `useAssignmentText` (i18n/assignment-text.ts); the blocks of issue 13 (work,
    // caseSearch, auditLog, breakGlassReview, statistics) and of the agenda and master data
    // (agenda, masterData) and the anomaly alerts and quality monitor (anomaly, quality) through `untyped`; letters and objections (issue 12) through
    // `useLettersText` (i18n/letters-text.ts); translations.test.ts still checks that nl and en
    // have the same keys. Issue 14's block (learning) through `untyped`; issue 12's agreements,
    // care and employer texts (arrangements) through `useArrangementText` (i18n/arrangement-text.ts);
    // issue 11's leftovers (policyDemand, executionWork, replan, postEdit) too.
    resources: {
      translation: Omit<typeof nl, 'daf' | 'roster' | 'assignments' | 'work' | 'caseSearch' | 'auditLog' | 'breakGlassReview' | 'statistics' | 'agenda' | 'masterData' | 'letters' | 'objections' | 'learning' | 'arrangements' | ExecutionLeftoverBlocks | 'anomaly' | 'quality'> & {
        daf: Omit<(typeof nl)['daf'], 'enum'>;
      };
    };
  }
}

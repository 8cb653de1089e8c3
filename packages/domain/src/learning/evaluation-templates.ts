/**
 * Evaluation templates as data (issue 14): versioned, so an evaluation names the version it was
 * held on and a later version never changes what an earlier evaluation asked. A new version is one
 * more entry; the newest version of a key is used for a new evaluation.
 */
export interface EvaluationQuestion {
  key: string;
  nl: string;
  en: string;
}

export interface EvaluationTemplate {
  key: string;
  version: number;
  nl: string;
  en: string;
  questions: readonly EvaluationQuestion[];
}

export const EVALUATION_TEMPLATES: readonly EvaluationTemplate[] = [
  {
    key: 'security_situation',
    version: 1,
    nl: 'Evaluatie beveiligingssituatie',
    en: 'Security situation evaluation',
    questions: [
      { key: 'what_happened', nl: 'Wat is er gebeurd, volgens deze partner?', en: 'What happened, according to this partner?' },
      { key: 'what_worked', nl: 'Wat werkte goed?', en: 'What worked well?' },
      { key: 'what_failed', nl: 'Wat werkte niet of te laat?', en: 'What did not work, or too late?' },
      { key: 'information', nl: 'Was de informatie tijdig en volledig bij wie haar nodig had?', en: 'Did the information reach who needed it, in time and complete?' },
    ],
  },
  {
    key: 'security_situation',
    version: 2,
    nl: 'Evaluatie beveiligingssituatie',
    en: 'Security situation evaluation',
    questions: [
      { key: 'what_happened', nl: 'Wat is er gebeurd, volgens deze partner?', en: 'What happened, according to this partner?' },
      { key: 'what_worked', nl: 'Wat werkte goed?', en: 'What worked well?' },
      { key: 'what_failed', nl: 'Wat werkte niet of te laat?', en: 'What did not work, or too late?' },
      { key: 'information', nl: 'Was de informatie tijdig en volledig bij wie haar nodig had?', en: 'Did the information reach who needed it, in time and complete?' },
      { key: 'rules', nl: 'Schoten de regels (pakketbeleid, methode) tekort?', en: 'Did the rules (package policy, method) fall short?' },
    ],
  },
];

/** One version of a template, or undefined. */
export const findTemplate = (key: string, version: number, templates: readonly EvaluationTemplate[] = EVALUATION_TEMPLATES) =>
  templates.find((t) => t.key === key && t.version === version);

/** The newest version of a template key. */
export const latestTemplate = (key: string, templates: readonly EvaluationTemplate[] = EVALUATION_TEMPLATES): EvaluationTemplate | undefined =>
  templates.filter((t) => t.key === key).reduce<EvaluationTemplate | undefined>((best, t) => (!best || t.version > best.version ? t : best), undefined);

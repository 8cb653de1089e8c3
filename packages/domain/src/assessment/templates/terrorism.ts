import type { MethodTemplate } from '../method-templates';
import { EXTENT, PRESENCE } from './scales';

/** Neutral template for terrorist threats. */
export const TERRORISM_V1: MethodTemplate = {
  templateId: 'daf-terrorism',
  version: 1,
  phenomenon: 'terrorism',
  title: 'Terrorisme',
  items: [
    { key: 'target_fit', question: 'Past de persoon in het doelwitprofiel van een actuele ideologie of beweging?', options: PRESENCE },
    { key: 'declared_intent', question: 'Is er intentie tegen de persoon geuit (oproepen, fatwa’s, lijsten)?', options: PRESENCE },
    { key: 'capability', question: 'Welke capaciteit hebben de bekende actoren?', options: EXTENT },
    { key: 'preparation', question: 'Zijn er aanwijzingen voor voorbereidingshandelingen?', options: PRESENCE },
    { key: 'symbolic_value', question: 'Hoe symbolisch zou een aanslag op de persoon zijn?', options: EXTENT },
  ],
};

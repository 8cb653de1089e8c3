import type { MethodTemplate } from '../method-templates';
import { EXTENT, PRESENCE } from './scales';

/** Neutral template for terrorist threats. */
export const TERRORISM_V1: MethodTemplate = {
  templateId: 'daf-terrorism',
  version: 1,
  phenomenon: 'terrorism',
  title: 'Terrorism',
  items: [
    { key: 'target_fit', question: 'Does the person fit the target profile of a current ideology or movement?', options: PRESENCE },
    { key: 'declared_intent', question: 'Has intent against the person been expressed (calls, fatwas, lists)?', options: PRESENCE },
    { key: 'capability', question: 'What capability do identified actors have?', options: EXTENT },
    { key: 'preparation', question: 'Are there signs of preparatory acts?', options: PRESENCE },
    { key: 'symbolic_value', question: 'How symbolic would an attack on the person be?', options: EXTENT },
  ],
};

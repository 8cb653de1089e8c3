import type { MethodTemplate } from '../method-templates';
import { EXTENT, PRESENCE } from './scales';

/** Neutral template for threats from organised subversive crime. */
export const ORGANISED_CRIME_V1: MethodTemplate = {
  templateId: 'daf-organised-crime',
  version: 1,
  phenomenon: 'organised_crime',
  title: 'Organised subversive crime',
  items: [
    { key: 'actor_known', question: 'Is the threatening actor or network identified?', options: [
      { value: 'no', label: 'Not identified' },
      { value: 'partly', label: 'Partly identified' },
      { value: 'yes', label: 'Identified' },
    ] },
    { key: 'interest', question: 'Does the actor have an interest in harming the person (business, retaliation, silencing)?', options: PRESENCE },
    { key: 'violence_history', question: 'Has the actor or network used serious violence before?', options: PRESENCE },
    { key: 'capability', question: 'Can the actor mobilise means or hired perpetrators?', options: EXTENT },
    { key: 'whereabouts', question: "Does the actor know the person's whereabouts and routines?", options: PRESENCE },
    { key: 'escalation', question: 'Are there signs of recent escalation (threats, reconnaissance, incidents)?', options: PRESENCE },
  ],
};

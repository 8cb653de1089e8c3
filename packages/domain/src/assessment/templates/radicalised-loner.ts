import type { MethodTemplate } from '../method-templates';
import { PRESENCE } from './scales';

/** Neutral template for radicalised lone actors: behaviour over affiliation. */
export const RADICALISED_LONER_V1: MethodTemplate = {
  templateId: 'daf-radicalised-loner',
  version: 1,
  phenomenon: 'radicalised_loner',
  title: 'Radicalised lone actors',
  items: [
    { key: 'fixation', question: 'Is the actor fixated on the person or what the person represents?', options: PRESENCE },
    { key: 'identification', question: 'Does the actor identify with earlier attackers or violent movements?', options: PRESENCE },
    { key: 'leakage', question: 'Has the actor leaked intent to others or online?', options: PRESENCE },
    { key: 'personal_crisis', question: 'Is there a personal crisis or loss that may trigger action?', options: PRESENCE },
    { key: 'weapon_access', question: 'Does the actor have access to weapons?', options: PRESENCE },
    { key: 'approach', question: 'Has the actor tried to approach the person or places they frequent?', options: PRESENCE },
  ],
};

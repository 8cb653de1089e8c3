import type { MethodTemplate } from '../method-templates';
import { PRESENCE } from './scales';

/** Neutral template for radicalised lone actors: behaviour over affiliation. */
export const RADICALISED_LONER_V1: MethodTemplate = {
  templateId: 'daf-radicalised-loner',
  version: 1,
  phenomenon: 'radicalised_loner',
  title: 'Geradicaliseerde eenlingen',
  items: [
    { key: 'fixation', question: 'Is de actor gefixeerd op de persoon of op wat de persoon vertegenwoordigt?', options: PRESENCE },
    { key: 'identification', question: 'Identificeert de actor zich met eerdere daders of gewelddadige bewegingen?', options: PRESENCE },
    { key: 'leakage', question: 'Heeft de actor zijn intentie aan anderen of online laten doorschemeren?', options: PRESENCE },
    { key: 'personal_crisis', question: 'Is er een persoonlijke crisis of verlies dat tot handelen kan aanzetten?', options: PRESENCE },
    { key: 'weapon_access', question: 'Heeft de actor toegang tot wapens?', options: PRESENCE },
    { key: 'approach', question: 'Heeft de actor geprobeerd de persoon of diens vaste plekken te benaderen?', options: PRESENCE },
  ],
};

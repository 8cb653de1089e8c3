import type { MethodTemplate } from '../method-templates';
import { EXTENT, PRESENCE } from './scales';

/** Neutral template for persons, objects, services and events on the limited list. */
export const LIMITED_LIST_V1: MethodTemplate = {
  templateId: 'daf-limited-list',
  version: 1,
  phenomenon: 'limited_list',
  title: 'Limitatieve lijst',
  items: [
    { key: 'exposure', question: 'Hoe zichtbaar is de functie of het evenement in het openbaar?', options: EXTENT },
    { key: 'general_threat', question: 'Wijst het algemene dreigingsbeeld naar deze categorie?', options: PRESENCE },
    { key: 'specific_threats', question: 'Zijn er specifieke dreigingen tegen deze persoon, dit object of dit evenement?', options: PRESENCE },
    { key: 'agenda_predictability', question: 'Hoe voorspelbaar is de openbare agenda?', options: EXTENT },
  ],
};

import type { MethodTemplate } from '../method-templates';
import { EXTENT, PRESENCE } from './scales';

/** Neutral template for persons, objects, services and events on the limited list. */
export const LIMITED_LIST_V1: MethodTemplate = {
  templateId: 'daf-limited-list',
  version: 1,
  phenomenon: 'limited_list',
  title: 'Limited list',
  items: [
    { key: 'exposure', question: 'How exposed is the position or event publicly?', options: EXTENT },
    { key: 'general_threat', question: 'Does the general threat picture point at this category?', options: PRESENCE },
    { key: 'specific_threats', question: 'Are there specific threats against this person, object or event?', options: PRESENCE },
    { key: 'agenda_predictability', question: 'How predictable is the public agenda?', options: EXTENT },
  ],
};

import type { MethodTemplate } from '../method-templates';
import { EXTENT, PRESENCE } from './scales';

/** Neutral template for threats from organised subversive crime. */
export const ORGANISED_CRIME_V1: MethodTemplate = {
  templateId: 'daf-organised-crime',
  version: 1,
  phenomenon: 'organised_crime',
  title: 'Georganiseerde ondermijnende criminaliteit',
  items: [
    { key: 'actor_known', question: 'Is de dreigende actor of het netwerk geïdentificeerd?', options: [
      { value: 'no', label: 'Niet geïdentificeerd' },
      { value: 'partly', label: 'Deels geïdentificeerd' },
      { value: 'yes', label: 'Geïdentificeerd' },
    ] },
    { key: 'interest', question: 'Heeft de actor er belang bij de persoon te schaden (zakelijk, vergelding, het zwijgen opleggen)?', options: PRESENCE },
    { key: 'violence_history', question: 'Heeft de actor of het netwerk eerder zwaar geweld gebruikt?', options: PRESENCE },
    { key: 'capability', question: 'Kan de actor middelen of ingehuurde daders inzetten?', options: EXTENT },
    { key: 'whereabouts', question: 'Kent de actor de verblijfplaats en de vaste patronen van de persoon?', options: PRESENCE },
    { key: 'escalation', question: 'Zijn er tekenen van recente escalatie (bedreigingen, verkenning, incidenten)?', options: PRESENCE },
  ],
};

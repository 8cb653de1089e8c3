import type { MethodTemplate } from '../method-templates';
import { EXTENT, PRESENCE } from './scales';

/** Neutral template for threats from state actors. */
export const STATE_ACTOR_V1: MethodTemplate = {
  templateId: 'daf-state-actor',
  version: 1,
  phenomenon: 'state_actor',
  title: 'Statelijke actoren',
  items: [
    { key: 'state_interest', question: 'Heeft een staat er belang bij de persoon het zwijgen op te leggen of te schaden?', options: PRESENCE },
    { key: 'repression_history', question: 'Heeft die staat eerder transnationale repressie of geweld in het buitenland toegepast?', options: PRESENCE },
    { key: 'proxy_capability', question: 'Kan de staat hier via tussenpersonen of criminele netwerken handelen?', options: EXTENT },
    { key: 'surveillance', question: 'Zijn er tekenen dat de persoon of diens naasten worden bespied?', options: PRESENCE },
    { key: 'pressure_on_relatives', question: 'Wordt er druk gezet op familie in het land van herkomst?', options: PRESENCE },
  ],
};

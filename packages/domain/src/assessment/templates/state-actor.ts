import type { MethodTemplate } from '../method-templates';
import { EXTENT, PRESENCE } from './scales';

/** Neutral template for threats from state actors. */
export const STATE_ACTOR_V1: MethodTemplate = {
  templateId: 'daf-state-actor',
  version: 1,
  phenomenon: 'state_actor',
  title: 'State actors',
  items: [
    { key: 'state_interest', question: 'Does a state have an interest in silencing or harming the person?', options: PRESENCE },
    { key: 'repression_history', question: 'Has that state used transnational repression or violence abroad?', options: PRESENCE },
    { key: 'proxy_capability', question: 'Can the state act through proxies or criminal networks here?', options: EXTENT },
    { key: 'surveillance', question: 'Are there signs of surveillance of the person or their relatives?', options: PRESENCE },
    { key: 'pressure_on_relatives', question: 'Is pressure put on relatives in the country of origin?', options: PRESENCE },
  ],
};

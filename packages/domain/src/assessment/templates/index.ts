import type { MethodTemplate } from '../method-templates';
import { LIMITED_LIST_V1 } from './limited-list';
import { ORGANISED_CRIME_V1 } from './organised-crime';
import { RADICALISED_LONER_V1 } from './radicalised-loner';
import { STATE_ACTOR_V1 } from './state-actor';
import { TERRORISM_V1 } from './terrorism';

/** The neutral templates Hoeder ships; others are loaded with `parseMethodTemplate`. */
export const SHIPPED_TEMPLATES: readonly MethodTemplate[] = [ORGANISED_CRIME_V1, TERRORISM_V1, STATE_ACTOR_V1, RADICALISED_LONER_V1, LIMITED_LIST_V1];

import type { ActivityDomain } from '../policy/measures';
import type { ToldTopic } from './told-timeline';
import type { Contradiction } from './contact-check';

/**
 * The person's contact details (issue 12 item 1). An address belongs to one activity domain (home,
 * work, transport, private), which is how an executing unit gets only the addresses its posts need.
 */
export interface PersonAddress {
  addressId: string;
  domain: ActivityDomain;
  /** A short Dutch description: "Woning", "Werk", "Sportschool". */
  label: string;
  street: string;
  postcode: string;
  city: string;
}

export interface PersonDetails {
  phone: string | null;
  email: string | null;
  addresses: PersonAddress[];
}

export const EMPTY_PERSON_DETAILS: PersonDetails = { phone: null, email: null, addresses: [] };

export const CONTACT_CHANNELS = ['in_person', 'phone', 'video', 'letter', 'email', 'secure_message'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** One entry of the liaison's contact log (append-only; a correction names the entry it corrects). */
export interface ContactLogEntry {
  entryId: string;
  caseId: string;
  seq: number;
  personId: string | null;
  contactDate: string;
  channel: ContactChannel;
  /** Who spoke, in a few words ("betrokkene en partner", "liaison L. Liaison"). */
  spokeWith: string;
  discussed: string;
  personAsked: string;
  promised: string;
  /** The entry records information given to the person: it goes on the told-timeline. */
  informationGiven: boolean;
  toldTopic: ToldTopic | null;
  /** What was told or sent, as the person received it (checked against the decision in force). */
  message: string;
  /** The contradictions Hoeder warned about before logging, and that the liaison acknowledged them. */
  contradictions: Contradiction[];
  acknowledgedContradictions: boolean;
  correctsEntryId: string | null;
  /** Why the correction corrects the entry it names (null on an entry that corrects nothing). */
  correctionReason?: string | null;
  recordedBy: string;
  recordedRole: string;
  recordedAt: string;
}

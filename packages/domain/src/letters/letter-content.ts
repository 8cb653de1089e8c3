import type { AddressedFrom } from './letter-addressee';
import type { ActiveDecision } from '../cases/case-state';
import { CARE_MODULE_LABELS_NL, MEASURE_LABELS_NL, listMeasures } from '../policy/measures';
import { fail, ok, type Result } from '../shared/result';
import type { LocalAuthority, ResistanceLevel } from '../shared/vocabulary';
import { objectionDeadline } from './awb-terms';
import type { LetterBlock, LetterKind, LetterListKey, LetterTemplate } from './letter-templates';

/** Who a letter goes to: a name and the address lines (given by the drafter). */
export interface LetterAddressee {
  name: string;
  lines: string[];
}

/**
 * Everything a letter says, derived from the decision: stored with the letter, so the same
 * template version and these facts give the same letter (and the same PDF bytes).
 */
export interface LetterFacts {
  kind: LetterKind;
  reference: string;
  decisionId: string;
  /** The letter's own date (YYYY-MM-DD): the day it is drafted and sent. */
  letterDate: string;
  addressee: LetterAddressee;
  resistanceLevel: ResistanceLevel;
  reviewDate: string;
  /** The last day to object (Awb 6:7 and the Atw), counted from the letter's date. */
  objectionDeadline: string;
  measures: string[];
  workMeasures: string[];
  careModules: string[];
  cooperation: boolean;
  integrityRisk: boolean;
  authority?: LocalAuthority | undefined;
  /**
   * How the PDF is typeset: 'pdf_ua' is the accessible, tagged PDF (issue 12 item 5). Absent on
   * letters made before it, which are regenerated as they were sent (untagged).
   */
  pdfProfile?: 'pdf_ua' | undefined;
  /** The record the addressee was taken from (issue 12 item 4); absent on letters typed by hand before it. */
  addressedFrom?: AddressedFrom | undefined;
}

export interface LetterInput {
  kind: LetterKind;
  reference: string;
  /** The decision in force. */
  decision: ActiveDecision | undefined;
  letterDate: string;
  addressee: LetterAddressee;
  authority?: LocalAuthority | undefined;
  addressedFrom?: AddressedFrom | undefined;
}

/** The facts of a letter from the decision in force; a letter is only about an approved decision. */
export function letterFacts(input: LetterInput): Result<LetterFacts> {
  const { decision } = input;
  if (!decision?.approvedAt) return fail('RULE_VIOLATION', 'a letter is about a decision in force; this case has none');
  const chosen = decision.policy?.chosen;
  if (!chosen) return fail('RULE_VIOLATION', 'a letter needs a decision made under the package policy');
  if (input.kind === 'authority_notice' && !input.authority) return fail('VALIDATION_FAILED', 'a notice to the local authority names the mayor or the chief prosecutor', { field: 'authority' });
  const all = listMeasures(chosen.measures);
  return ok({
    kind: input.kind,
    reference: input.reference,
    decisionId: decision.decisionId,
    letterDate: input.letterDate.slice(0, 10),
    addressee: input.addressee,
    resistanceLevel: chosen.resistanceLevel,
    reviewDate: decision.reviewDate,
    objectionDeadline: objectionDeadline(input.letterDate.slice(0, 10)),
    measures: all.map((m) => m.measure),
    workMeasures: all.filter((m) => m.domain === 'work').map((m) => m.measure),
    careModules: [...chosen.careModules],
    cooperation: decision.policy?.facts.cooperation ?? true,
    integrityRisk: decision.policy?.facts.integrityRisk ?? false,
    ...(input.kind === 'authority_notice' ? { authority: input.authority } : {}),
    pdfProfile: 'pdf_ua',
    ...(input.addressedFrom ? { addressedFrom: input.addressedFrom } : {}),
  });
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "13 april 2026": written out, as a letter does (no locale data, so always the same). */
export function dateNl(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_NL[m - 1]} ${y}`;
}

const ASKED_COOPERATION = [
  'Werk mee aan de maatregelen en volg de aanwijzingen van de beveiligers.',
  'Vertel het uw contactpersoon als uw situatie verandert, bijvoorbeeld als u gaat verhuizen of ander werk krijgt.',
  'Vertel niemand welke maatregelen u krijgt, tenzij dat nodig is.',
];
const ASKED_INTEGRITY = 'Omdat er een risico is voor de integriteit van de beveiliging, gelden voor u extra afspraken. Uw contactpersoon bespreekt deze afspraken met u. Houdt u zich niet aan de afspraken, dan kunnen wij de maatregelen aanpassen.';

const EMPLOYER_DUTIES = [
  'Wees alert op signalen van dreiging rond uw medewerker en meld die direct.',
  'Help uw medewerker om met de dreiging om te gaan, bijvoorbeeld met training of steun.',
  'Richt het werk zo in dat de dreiging kleiner wordt.',
  'Neem de beveiligingsmaatregelen op het werk en onderweg die bij uw organisatie passen.',
  'Denk mee met ons advies en volg het op.',
];

const AUTHORITY_AREA: Record<LocalAuthority, string> = { mayor: 'gemeente', chief_prosecutor: 'arrondissement' };

const label = (labels: Record<string, string>) => (code: string) => labels[code] ?? code;

function listOf(key: LetterListKey, facts: LetterFacts): string[] {
  switch (key) {
    case 'measures':
      return facts.measures.map(label(MEASURE_LABELS_NL));
    case 'workMeasures':
      return facts.workMeasures.map(label(MEASURE_LABELS_NL));
    case 'careModules':
      return facts.careModules.map(label(CARE_MODULE_LABELS_NL));
    case 'askedOfPerson':
      return facts.integrityRisk ? [...ASKED_COOPERATION, ASKED_INTEGRITY] : ASKED_COOPERATION;
    case 'employerDuties':
      return EMPLOYER_DUTIES;
  }
}

function placeholders(facts: LetterFacts): Record<string, string> {
  return {
    reference: facts.reference,
    addresseeName: facts.addressee.name,
    resistanceLevel: facts.resistanceLevel,
    reviewDate: dateNl(facts.reviewDate),
    objectionDeadline: dateNl(facts.objectionDeadline),
    authorityArea: facts.authority ? AUTHORITY_AREA[facts.authority] : '',
  };
}

/** A letter as text, ready to typeset: every placeholder filled, every list written out. */
export interface LetterContent {
  date: string;
  addressee: string[];
  subject: string;
  salutation: string;
  blocks: ({ kind: 'heading' | 'paragraph'; text: string } | { kind: 'list'; items: string[] })[];
  closing: string;
}

/** Fills a template; an unknown placeholder is a template error, never left in a letter. */
export function renderLetter(template: LetterTemplate, facts: LetterFacts): Result<LetterContent> {
  if (template.kind !== facts.kind) return fail('VALIDATION_FAILED', `template ${template.kind} does not fit a ${facts.kind}`, { field: 'kind' });
  const values = placeholders(facts);
  let missing: string | undefined;
  const fill = (text: string) =>
    text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
      const value = values[name];
      if (value === undefined) missing ??= name;
      return value ?? '';
    });
  const blocks = template.blocks.map((b: LetterBlock) => {
    if (b.kind !== 'list') return { kind: b.kind, text: fill(b.text) };
    const items = listOf(b.items, facts);
    return { kind: 'list' as const, items: items.length > 0 ? items : [b.empty ?? '–'] };
  });
  const content = { date: `Den Haag, ${dateNl(facts.letterDate)}`, addressee: [facts.addressee.name, ...facts.addressee.lines], subject: fill(template.subject), salutation: fill(template.salutation), blocks, closing: template.closing };
  return missing ? fail('VALIDATION_FAILED', `template ${template.kind} v${template.version} uses unknown placeholder {{${missing}}}`, { field: 'template' }) : ok(content);
}

/**
 * A letter is sent on its own date: its objection term is counted from that day. Approving (and so
 * sending) it on a later day would print a deadline earlier than the statutory one, so such a
 * draft must be made anew instead.
 */
export const sendableOn = (letterDate: string, today: string): boolean => letterDate.slice(0, 10) === today.slice(0, 10);

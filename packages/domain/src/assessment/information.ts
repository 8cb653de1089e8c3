import { fail, ok, type Result } from '../shared/result';
import type { Classification, Organisation } from '../shared/vocabulary';

/** Partners that deliver information products to the threat analysis function (DOMAIN §4). */
export const PARTNERS = ['POLICE', 'KMAR', 'AIVD', 'MIVD', 'DJI', 'PROBATION', 'OTHER'] as const;
export type Partner = (typeof PARTNERS)[number];

/**
 * Who originates an item. Partners are originators that are not (yet) user organisations of
 * Hoeder (AIVD, MIVD, DJI, probation); the DAF itself originates soft information it collects.
 */
export type Originator = Partner | 'NCTV_DAF';

/** The legal frameworks partners share under (DOMAIN §10); the article is free text. */
export const LEGAL_FRAMEWORKS = ['Wpg', 'Wiv2017', 'Wjsg', 'Pbw', 'Wrra', 'other'] as const;
export type LegalFramework = (typeof LEGAL_FRAMEWORKS)[number];

export interface LegalBasis {
  framework: LegalFramework;
  /** e.g. "art. 19" (Wpg) or "art. 66" (Wiv 2017). */
  article: string;
}

/**
 * Originator release conditions: who may EVER see the content of an item. A closed list rather
 * than free organisation lists, so every condition is named, explained and covered by the access
 * matrix. Executing units never appear: they get the operational extract of a decision, not DAF
 * material (ARCHITECTURE principle 2, condition 4).
 */
export const RELEASE_CONDITIONS = ['daf_only', 'daf_and_authority', 'daf_authority_and_oversight'] as const;
export type ReleaseCondition = (typeof RELEASE_CONDITIONS)[number];

export const RELEASED_TO: Record<ReleaseCondition, readonly Organisation[]> = {
  daf_only: ['NCTV_DAF'],
  daf_and_authority: ['NCTV_DAF', 'NCTV'],
  daf_authority_and_oversight: ['NCTV_DAF', 'NCTV', 'INSPECTORATE'],
};

/** Admiralty (NATO) grading: reliability of the source A–F, credibility of the information 1–6. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export const INFORMATION_CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type InformationCredibility = (typeof INFORMATION_CREDIBILITY)[number];

export interface AdmiraltyGrading {
  reliability: SourceReliability;
  credibility: InformationCredibility;
}

/** What the item says and how it is marked; shared by products and soft information. */
interface InformationItemBase {
  itemId: string;
  originator: Originator;
  classification: Classification;
  releaseCondition: ReleaseCondition;
  /** Date (YYYY-MM-DD) the DAF received it. */
  receivedOn: string;
  /** Last date (YYYY-MM-DD) the originator vouches for it; open-ended when absent. */
  validUntil?: string | undefined;
  grading: AdmiraltyGrading;
  title: string;
  /** The substance; the part release conditions protect. */
  content: string;
}

/** A product delivered by a partner under its own legal framework. */
export interface InformationProduct extends InformationItemBase {
  kind: 'product';
  originator: Partner;
  legalBasis: LegalBasis;
  /** The partner's own reference, so the product can be traced back. */
  partnerReference: string;
}

/** Signals and context from people around the threatened person: first-class and graded too. */
export interface SoftInformationItem extends InformationItemBase {
  kind: 'soft_information';
  /** Who the signal came from, by relation (e.g. "neighbour", "employer's security officer"). */
  sourceDescription: string;
}

export type InformationItem = InformationProduct | SoftInformationItem;

const CODE = /^([A-F])([1-6])$/;
const badGrading = () => fail('VALIDATION_FAILED', 'a grading is a source reliability A–F and a credibility 1–6, e.g. B2', { field: 'grading' });

/** "B2" → grading; anything else is refused with a clear error. */
export function parseGrading(code: string): Result<AdmiraltyGrading> {
  const match = CODE.exec(code.trim());
  if (!match) return badGrading();
  return ok({ reliability: match[1] as SourceReliability, credibility: Number(match[2]) as InformationCredibility });
}

export const gradingCode = (g: AdmiraltyGrading): string => `${g.reliability}${g.credibility}`;

/** Validates a grading that arrives as data (the edge may send anything). */
export function validateGrading(g: { reliability: unknown; credibility: unknown }): Result<AdmiraltyGrading> {
  const reliable = (SOURCE_RELIABILITY as readonly unknown[]).includes(g.reliability);
  const credible = (INFORMATION_CREDIBILITY as readonly unknown[]).includes(g.credibility);
  if (!reliable || !credible) return badGrading();
  return ok({ reliability: g.reliability as SourceReliability, credibility: g.credibility as InformationCredibility });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (s: string | undefined): s is string => !!s && DATE.test(s) && !Number.isNaN(Date.parse(s));

const invalid = (field: string, message: string) => fail('VALIDATION_FAILED', message, { field });

/** Invariants of an item at registration; `today` is injected (YYYY-MM-DD). */
export function validateItem(item: InformationItem, today: string): Result<InformationItem> {
  const grading = validateGrading(item.grading);
  if (!grading.ok) return grading;
  if (!item.itemId.trim()) return invalid('itemId', 'an item needs an id');
  if (!item.title.trim() || !item.content.trim()) return invalid('content', 'an item needs a title and content');
  if (!isDate(item.receivedOn) || item.receivedOn > today) return invalid('receivedOn', 'the received date is a date, not in the future');
  if (item.validUntil !== undefined && (!isDate(item.validUntil) || item.validUntil < item.receivedOn)) {
    return invalid('validUntil', 'validity ends on or after the received date');
  }
  if (!(RELEASE_CONDITIONS as readonly string[]).includes(item.releaseCondition)) return invalid('releaseCondition', 'unknown release condition');
  if (item.kind === 'product') {
    if (!(PARTNERS as readonly string[]).includes(item.originator)) return invalid('originator', 'unknown partner');
    if (!item.legalBasis.article.trim()) return invalid('legalBasis', 'a product names the article it is shared under');
    if (!item.partnerReference.trim()) return invalid('partnerReference', "a product carries the partner's reference");
  } else if (!item.sourceDescription.trim()) {
    return invalid('sourceDescription', 'soft information says who the signal came from');
  }
  return ok(item);
}
